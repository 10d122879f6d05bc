package portalkb.ask.read;

import portalkb.ask.question.Words;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;
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
 * @param n            the rank of its passage among those retrieved (1-based)
 * @param year         the year it is of: the one an earlier sentence of its passage names when it names none
 *                     ({@link FigureExtractor#carriedYears}), else its article's report year
 * @param yearStatedBy the sentence naming that earlier year, or null
 */
public record Sentence(int n, Retrieved source, String text, List<String> words, List<Integer> wordStarts, List<WrittenNumber> numbers,
                       boolean english, String province, List<String> provinces, Integer year, List<String> titleWords,
                       List<String> previousWords, String yearStatedBy) {

    /** A number, or a pair such as "7/44" or "145/151", as it stands in a sentence. */
    public static final java.util.regex.Pattern EXPRESSION =
        java.util.regex.Pattern.compile("(?<![\\d.,/])(\\d+(?:[.,]\\d+)*)(?:/(\\d+(?:[.,]\\d+)*))?(?:/(\\d+))?(?![\\d/])");

    /** A number as the sentence writes it, at [start, end) of the text, with every value it can stand for. */
    public record WrittenNumber(String written, int start, int end, List<Double> readings) {
    }

    private static final FigureExtractor YEARS = new FigureExtractor();

    /** Every distinct sentence of the contents, in passage order. */
    public static List<Sentence> split(List<Retrieved> retrieved) {
        List<Sentence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < retrieved.size(); i++) {
            Retrieved c = retrieved.get(i);
            Origin origin = c.origin();
            String title = origin.title();
            // The source's name is context too: "Cổng TTĐT huyện Tân Uyên" names the district its notices are about.
            String sourceName = origin.sourceName();
            List<String> titleWords = Words.folded((title == null ? "" : title) + " . " + (sourceName == null ? "" : sourceName));
            String passage = c.text();
            // The year the article reports on: "Tổng kết công tác y tế năm 2021" published in January 2022 is about 2021.
            Integer year = title == null ? origin.year() : ArticleWriter.reportYear(title, origin.year());
            boolean english = "en".equals(Language.detect(passage));
            List<String> previous = List.of();
            List<String> body = FigureExtractor.sentences(passage);
            // "Năm 2023, … 96,8%. Tỉnh có 13,5 bác sĩ/vạn dân.": a sentence naming no year is of the year named before it
            // in its passage, as the figure reader stores it
            List<FigureExtractor.CarriedYear> carried = YEARS.carriedYears(body, english ? "en" : "vi", year);
            List<String> sentences = new ArrayList<>(body);
            List<Integer> years = new ArrayList<>(carried.stream().map(y -> y != null ? Integer.valueOf(y.year()) : year).toList());
            List<String> statedBy = new ArrayList<>(carried.stream().map(y -> y != null ? body.get(y.from()) : null).toList());
            // The title states the article's headline figure ("Đà Nẵng phát hiện 206 người nhiễm HIV"): it is read once, as a sentence.
            if (title != null && !title.isBlank()) {
                sentences.add(0, title);
                years.add(0, yearStatedInBody(title, body, english, year));
                statedBy.add(0, null);
            }
            for (int k = 0; k < sentences.size(); k++) {
                String s = sentences.get(k);
                List<Integer> starts = new ArrayList<>();
                List<String> words = Words.of(s, starts);
                // The same words in two articles are two statements (each its own province and year); within one, one.
                if (seen.add(origin.url() + " " + String.join(" ", words))) {
                    out.add(new Sentence(i + 1, c, s, words, starts, numbers(s, english), english, origin.province(),
                        origin.provinces(), years.get(k), titleWords, previous, statedBy.get(k)));
                }
                previous = words;
            }
        }
        return out;
    }

    /**
     * The year of a title's figure: the year the body names where it states the same number ("Bắc Kạn: tỷ lệ … đạt 98,6%"
     * over "Năm 2021, tỷ lệ … đạt 98,6%", published in 2022), so the answer gives the year the facts index holds; else
     * the article's.
     */
    static Integer yearStatedInBody(String title, List<String> body, boolean english, Integer articleYear) {
        for (WrittenNumber n : numbers(title, english)) {
            if (n.written().matches("(19|20)\\d{2}")) {
                return articleYear; // the title names its year
            }
        }
        for (WrittenNumber n : numbers(title, english)) {
            for (String sentence : body) {
                if (numbers(sentence, english).stream().anyMatch(b -> b.written().equals(n.written()))) {
                    List<String> own = SentenceYears.own(Words.of(sentence, new ArrayList<>()));
                    if (!own.isEmpty()) {
                        return Integer.valueOf(own.get(0));
                    }
                }
            }
        }
        return articleYear;
    }

    public static List<WrittenNumber> numbers(String text, boolean english) {
        List<WrittenNumber> out = new ArrayList<>();
        Matcher m = WrittenNumbers.NUMBER.matcher(text);
        while (m.find()) {
            String written = m.group().replaceAll("[.,]+$", "");
            out.add(new WrittenNumber(written, m.start(), m.start() + written.length(), WrittenNumbers.readings(written, english)));
        }
        return out;
    }

    /**
     * The province the sentence is about: one it names that its article reports on (an article about several
     * provinces states each one's figures), else the article's province, else the first province (or district's
     * province) the sentence names; null when none is known.
     */
    public String reportedProvince() {
        List<portalkb.core.Gazetteer.PlaceMention> named = portalkb.core.Gazetteer.get().places(text);
        for (portalkb.core.Gazetteer.PlaceMention m : named) {
            if (provinces.size() > 1 && provinces.contains(m.province().name())) {
                return m.province().name();
            }
        }
        if (province != null) {
            return province;
        }
        return named.isEmpty() ? null : named.get(0).province().name();
    }

    /** Where the number at {@code charIndex} stands among the words (for distances to question words). */
    public int wordIndexAt(int charIndex) {
        int i = 0;
        while (i < wordStarts.size() && wordStarts.get(i) < charIndex) {
            i++;
        }
        return i;
    }

    public boolean contains(String phrase) {
        return Words.indexOf(words, Words.of(phrase)) >= 0;
    }
}
