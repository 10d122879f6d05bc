package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders the LLM prompt (resources portalkb/ask/answer/prompt.txt): the question, the answer language, the
 * numbered passages, and the offline reader's first reading as a hint. Each passage sits between &lt;&lt;&lt;
 * and &gt;&gt;&gt; with its header line; those markers are removed from crawled text first, so a page cannot
 * close its passage and pose as instructions.
 */
final class PromptRenderer {

    static final String TEMPLATE = load();

    private PromptRenderer() {
    }

    static String render(Question q, List<Retrieved> contents, String hint) {
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            Retrieved c = contents.get(i);
            passages.append('[').append(i + 1).append("] ").append(header(c.origin())).append("\n<<<\n")
                .append(clean(c.text())).append("\n>>>\n");
        }
        return TEMPLATE.replace("{{language}}", "vi".equals(q.lang()) ? "Vietnamese" : "English")
            .replace("{{hint}}", hint == null || hint.isBlank() ? "(none)" : clean(hint).replace('\n', ' '))
            .replace("{{passages}}", passages.isEmpty() ? "(none)\n" : passages.toString())
            .replace("{{question}}", clean(q.text()).replace('\n', ' '));
    }

    static String header(Origin o) {
        return "title: " + clean(nz(o.title())) + " | province: " + nz(o.province())
            + " | published: " + date(o.published()) + " | source: " + clean(nz(o.outlet())) + (o.year() == null ? "" : " | year: " + o.year());
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
        try (InputStream in = PromptRenderer.class.getResourceAsStream("/portalkb/ask/answer/prompt.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt template", e);
        }
    }
}
