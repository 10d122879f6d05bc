package portalkb.bench;

import portalkb.bench.ReportContext.Sentence;

import java.util.ArrayList;
import java.util.List;

/** An article's body as it is written: paragraphs of sentences (with their figures) and plain lines of boilerplate. */
final class ReportBody {

    private final List<String> blocks = new ArrayList<>();
    private final List<Sentence> sentences = new ArrayList<>();
    private String author;

    void paragraph(List<Sentence> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        sentences.addAll(paragraph);
        blocks.add(String.join(" ", paragraph.stream().map(Sentence::text).toList()));
    }

    /** A line without figures: a reporter's name, "Tin liên quan", a related title. */
    void line(String text) {
        blocks.add(text);
    }

    /** The reporter's line, which is also the article's author. */
    void byline(String reporter) {
        author = reporter;
        blocks.add(reporter);
    }

    String author() {
        return author;
    }

    String text() {
        return String.join("\n\n", blocks);
    }

    List<Sentence> sentences() {
        return List.copyOf(sentences);
    }
}
