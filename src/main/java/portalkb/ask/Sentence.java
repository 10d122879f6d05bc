package portalkb.ask;

import dev.langchain4j.rag.content.Content;
import portalkb.figures.FigureExtractor;
import portalkb.core.Language;
import portalkb.core.WrittenNumbers;
import portalkb.index.ArticleWriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One sentence of a retrieved passage, the unit the extractive reader scores and quotes: its words
 * (folded), its numbers as written, and the article facts it inherits (province, every province it reports on, year,
 * title).
 *
 * @param n the passage's number in the answer's citations (1-based)
 */
record Sentence(int n, Content content, String text, List<String> words, List<Integer> wordStarts, List<WrittenNumber> numbers,
                boolean english, String province, List<String> provinces, Integer year, List<String> titleWords,
                List<String> previousWords) {

    /** A number as the sentence writes it, at [start, end) of the text, with every value it can stand for. */
    record WrittenNumber(String written, int start, int end, List<Double> readings) {
    }

    /** Every distinct sentence of the contents, in passage order. */
    static List<Sentence> split(List<Content> contents) {
        List<Sentence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contents.size(); i++) {
            Content c = contents.get(i);
            String title = Contents.get(c, "title");
            // The source's name is context too: "Cổng TTĐT huyện Tân Uyên" names the district its notices are about.
            String sourceName = Contents.get(c, "sourceName");
            List<String> titleWords = Words.folded((title == null ? "" : title) + " . " + (sourceName == null ? "" : sourceName));
            String passage = c.textSegment().text();
            // The year the article reports on: "Tổng kết công tác y tế năm 2021" published in January 2022 is about 2021.
            Integer year = title == null ? Contents.year(c) : ArticleWriter.reportYear(title, Contents.year(c));
            boolean english = "en".equals(Language.detect(passage));
            List<String> previous = List.of();
            List<String> sentences = new ArrayList<>(FigureExtractor.sentences(passage));
            // The title states the article's headline figure ("Đà Nẵng phát hiện 206 người nhiễm HIV"): it is read once, as a sentence.
            if (title != null && !title.isBlank()) {
                sentences.add(0, title);
            }
            for (String s : sentences) {
                List<Integer> starts = new ArrayList<>();
                List<String> words = Words.of(s, starts);
                // The same words in two articles are two statements (each its own province and year); within one, one.
                if (seen.add(Contents.get(c, "url") + " " + String.join(" ", words))) {
                    out.add(new Sentence(i + 1, c, s, words, starts, numbers(s, english), english, Contents.get(c, "province"),
                        Contents.provinces(c), year, titleWords, previous));
                }
                previous = words;
            }
        }
        return out;
    }

    static List<WrittenNumber> numbers(String text, boolean english) {
        List<WrittenNumber> out = new ArrayList<>();
        Matcher m = WrittenNumbers.NUMBER.matcher(text);
        while (m.find()) {
            String written = m.group().replaceAll("[.,]+$", "");
            out.add(new WrittenNumber(written, m.start(), m.start() + written.length(), WrittenNumbers.readings(written, english)));
        }
        return out;
    }

    /** Where the number at {@code charIndex} stands among the words (for distances to question words). */
    int wordIndexAt(int charIndex) {
        int i = 0;
        while (i < wordStarts.size() && wordStarts.get(i) < charIndex) {
            i++;
        }
        return i;
    }

    boolean contains(String phrase) {
        return Words.indexOf(words, Words.of(phrase)) >= 0;
    }
}
