package portalkb.ask.question;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The words that tell what a question asks, from resources portalkb/ask/question/question-words.yaml. */
public record QuestionWords(Map<Question.PlaceLevel, List<Pattern>> whichPlace, List<Pattern> quantity, List<Pattern> when, List<Pattern> open,
                     Pattern exclude, List<Pattern> rank, List<Pattern> ascending, List<Pattern> trend, List<Pattern> percent,
                     List<Pattern> list, List<Pattern> compare, Pattern above,
                     Pattern below, Pattern ages, Pattern lastYear, Pattern stopPhrases, Set<String> viStopwords, Set<String> enStopwords,
                     Set<String> notMeasure, Map<Question.Asks, Pattern> asks, Pattern placeBefore, Set<String> notPlaces) {

    private record File(Map<String, List<String>> whichPlace, List<String> quantity, List<String> when, List<String> open, String exclude,
                        List<String> rank, List<String> ascending, List<String> trend, List<String> percent, List<String> list, List<String> compare, String above, String below,
                        String ages, String lastYear, List<String> stopPhrases, Map<String, List<String>> stopwords, List<String> notMeasure,
                        Map<String, String> asks, List<String> placeBefore, List<String> notPlaces) {
    }

    public static final QuestionWords INSTANCE = load();

    static boolean any(List<Pattern> patterns, String folded) {
        return patterns.stream().anyMatch(p -> p.matcher(folded).find());
    }

    private static QuestionWords load() {
        try (InputStream in = QuestionWords.class.getResourceAsStream("/portalkb/ask/question/question-words.yaml")) {
            File f = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            Map<Question.PlaceLevel, List<Pattern>> which = Map.of(
                Question.PlaceLevel.PROVINCE, compile(f.whichPlace().get("province")),
                Question.PlaceLevel.DISTRICT, compile(f.whichPlace().get("district")),
                Question.PlaceLevel.COMMUNE, compile(f.whichPlace().get("commune")));
            return new QuestionWords(which, compile(f.quantity()), compile(f.when()), compile(f.open()), Pattern.compile(f.exclude()),
                compile(f.rank()), compile(f.ascending()), compile(f.trend()), compile(f.percent()), compile(f.list()),
                compile(f.compare()), Pattern.compile(f.above()), Pattern.compile(f.below()), Pattern.compile(f.ages()), Pattern.compile(f.lastYear()),
                Pattern.compile("\\b(" + String.join("|", f.stopPhrases()) + ")\\b"),
                Set.copyOf(f.stopwords().get("vi")), Set.copyOf(f.stopwords().get("en")), Set.copyOf(f.notMeasure()), asks(f.asks()),
                placeBefore(f.placeBefore()), Set.copyOf(f.notPlaces()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the question words", e);
        }
    }

    /** The words, then a capitalised name of up to three words: group 1 is the name. */
    private static Pattern placeBefore(List<String> words) {
        String alternatives = String.join("|", words.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}])(?:" + alternatives + ")\\s+(\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}'’-]*){0,2})");
    }

    private static Map<Question.Asks, Pattern> asks(Map<String, String> patterns) {
        Map<Question.Asks, Pattern> out = new java.util.EnumMap<>(Question.Asks.class);
        patterns.forEach((name, pattern) -> out.put(Question.Asks.valueOf(name.toUpperCase(java.util.Locale.ROOT)), Pattern.compile(pattern)));
        return out;
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(Pattern::compile).toList();
    }
}
