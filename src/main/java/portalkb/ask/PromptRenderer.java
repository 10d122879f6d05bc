package portalkb.ask;

import dev.langchain4j.rag.content.Content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders the LLM prompt (resources portalkb/ask/prompt.txt): the question, the answer language, the
 * numbered passages, and the offline reader's first reading as a hint. Each passage sits between &lt;&lt;&lt;
 * and &gt;&gt;&gt; with its header line; those markers are removed from crawled text first, so a page cannot
 * close its passage and pose as instructions.
 */
final class PromptRenderer {

    static final String TEMPLATE = load();

    private PromptRenderer() {
    }

    static String render(Question q, List<Content> contents, String hint) {
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            Content c = contents.get(i);
            passages.append('[').append(i + 1).append("] ").append(header(c)).append("\n<<<\n")
                .append(clean(c.textSegment().text())).append("\n>>>\n");
        }
        return TEMPLATE.replace("{{language}}", "vi".equals(q.lang()) ? "Vietnamese" : "English")
            .replace("{{hint}}", hint == null || hint.isBlank() ? "(none)" : clean(hint).replace('\n', ' '))
            .replace("{{passages}}", passages.isEmpty() ? "(none)\n" : passages.toString())
            .replace("{{question}}", clean(q.text()).replace('\n', ' '));
    }

    static String header(Content c) {
        return "title: " + clean(nz(Contents.get(c, "title"))) + " | province: " + nz(Contents.get(c, "province"))
            + " | published: " + date(Contents.get(c, "published")) + " | source: " + clean(nz(Contents.get(c, "sourceName") != null
            ? Contents.get(c, "sourceName") : Contents.get(c, "source"))) + (Contents.year(c) == null ? "" : " | year: " + Contents.year(c));
    }

    static String clean(String text) {
        return text.replace("<<<", "‹‹‹").replace(">>>", "›››").replace('|', '¦').replace("{{", "{ {")
            .replaceAll("(?m)^\\[(\\d+)\\]", "($1)");
    }

    private static String date(String iso) {
        return iso == null || iso.length() < 10 ? "unknown" : iso.substring(0, 10);
    }

    private static String nz(String s) {
        return s == null ? "unknown" : s;
    }

    private static String load() {
        try (InputStream in = PromptRenderer.class.getResourceAsStream("/portalkb/ask/prompt.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt template", e);
        }
    }
}
