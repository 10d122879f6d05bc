package portalkb.ask;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Puts the retrieved passages, numbered, into the prompt (resources portalkb/ask/prompt.txt). Each
 * passage sits between &lt;&lt;&lt; and &gt;&gt;&gt; with its header line; those markers are removed from
 * crawled text first, so a page cannot close its passage and pose as instructions.
 */
public final class NumberedPassageInjector implements ContentInjector {

    static final String TEMPLATE = load();

    private final QuestionAnalyzer analyzer;

    public NumberedPassageInjector(QuestionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage message) {
        String question = ((UserMessage) message).singleText();
        String lang = analyzer.analyze(question).lang();
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            Content c = contents.get(i);
            passages.append('[').append(i + 1).append("] ").append(header(c)).append("\n<<<\n")
                .append(clean(c.textSegment().text())).append("\n>>>\n");
        }
        String prompt = TEMPLATE.replace("{{language}}", "vi".equals(lang) ? "Vietnamese" : "English")
            .replace("{{question}}", clean(question).replace('\n', ' '))
            .replace("{{passages}}", passages.isEmpty() ? "(none)\n" : passages.toString());
        return UserMessage.from(prompt);
    }

    static String header(Content c) {
        return "title: " + clean(nz(Contents.get(c, "title"))) + " | province: " + nz(Contents.get(c, "province"))
            + " | published: " + date(Contents.get(c, "published")) + " | source: " + clean(nz(Contents.get(c, "sourceName") != null
            ? Contents.get(c, "sourceName") : Contents.get(c, "source"))) + (Contents.year(c) == null ? "" : " | year: " + Contents.year(c));
    }

    static String clean(String text) {
        return text.replace("<<<", "‹‹‹").replace(">>>", "›››").replace('|', '¦').replaceAll("(?m)^\\[(\\d+)\\]", "($1)");
    }

    private static String date(String iso) {
        return iso == null || iso.length() < 10 ? "unknown" : iso.substring(0, 10);
    }

    private static String nz(String s) {
        return s == null ? "unknown" : s;
    }

    private static String load() {
        try (InputStream in = NumberedPassageInjector.class.getResourceAsStream("/portalkb/ask/prompt.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt template", e);
        }
    }
}
