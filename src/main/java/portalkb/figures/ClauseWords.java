package portalkb.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words that give a report's clauses their structure, per language (data: portalkb/figures/clause-words.yaml):
 * predicates, change, target and comparison words, words that make a number no figure, openers, indicator heads,
 * denominators, the ends of a counted phrase, unit nouns, units of a multiple, spending verbs and purposes, words of the
 * present, and magnitudes.
 */
final class ClauseWords {

    enum Kind {
        PREDICATES("predicates"), CHANGE("change"), CHANGE_TO_LEVEL("changeToLevel"), COMPARISON("comparison"),
        COMPARISON_BEFORE("comparisonBefore"), TARGET("target"), TARGET_MET("targetMet"), TARGET_NAME("targetName"),
        NOT_FIGURE_BEFORE("notFigureBefore"), NOT_FIGURE_AFTER("notFigureAfter"), DURATION_STILL_FIGURE("durationStillFigure"),
        OPENERS("openers"), INDICATOR_HEADS("indicatorHeads"), DENOMINATORS("denominators"), COUNTED_ENDS("countedEnds"),
        UNIT_NOUNS("unitNouns"), MULTIPLES("multiples"),
        SPENDING_VERBS("spendingVerbs"), PURPOSES("purposes"),
        AMOUNT_QUALIFIERS("amountQualifiers"), CONTINUATIONS("continuations"), PAST_MARKERS("pastMarkers"), PRESENT("present"),
        AGE_UNITS("ageUnits"), AGE_RANGE_OPENERS("ageRangeOpeners"), AGE_RANGE_JOINS("ageRangeJoins"), AGE_BOUNDS("ageBounds"),
        JOINS("joins");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** Vietnamese classes whose words fold alike with others ("độ" and "do", "vẫn" and "vạn"): matched as written. */
    private static final java.util.Set<Kind> AS_WRITTEN = java.util.EnumSet.of(Kind.NOT_FIGURE_BEFORE, Kind.OPENERS, Kind.COUNTED_ENDS,
        Kind.SPENDING_VERBS, Kind.PURPOSES, Kind.PAST_MARKERS, Kind.PRESENT);

    private static final ClauseWords INSTANCE = load();

    private final Map<String, Map<Kind, Phrases>> byLanguage;
    private final Map<String, Double> magnitudes;

    private ClauseWords(Map<String, Map<Kind, Phrases>> byLanguage, Map<String, Double> magnitudes) {
        this.byLanguage = byLanguage;
        this.magnitudes = magnitudes;
    }

    static ClauseWords get() {
        return INSTANCE;
    }

    /** The phrases of one class in a language ("vi" or "en"). */
    Phrases of(Kind kind, String lang) {
        return byLanguage.get("en".equals(lang) ? "en" : "vi").get(kind);
    }

    /** The words of a class starting at token {@code i} in either language's list (0 when none). */
    int startingAtEither(Kind kind, Tokens t, int i) {
        return Math.max(of(kind, "vi").startingAt(t, i), of(kind, "en").startingAt(t, i));
    }

    /** The factor a magnitude word stands for ("nghìn" → 1000), or null. */
    Double magnitude(String foldedWord) {
        return magnitudes.get(foldedWord);
    }

    private static ClauseWords load() {
        try (InputStream in = ClauseWords.class.getResourceAsStream("/portalkb/figures/clause-words.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portalkb/figures/clause-words.yaml is missing from the classpath");
            }
            JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Map<Kind, Phrases>> byLanguage = new HashMap<>();
            for (String lang : List.of("vi", "en")) {
                Map<Kind, Phrases> classes = new EnumMap<>(Kind.class);
                for (Kind k : Kind.values()) {
                    if (!file.has(k.key)) {
                        throw new IllegalStateException("clause-words.yaml: missing '" + k.key + "'");
                    }
                    List<String> phrases = new ArrayList<>();
                    file.get(k.key).path(lang).forEach(n -> phrases.add(n.asText()));
                    classes.put(k, new Phrases(phrases.stream().map(portalkb.core.Text::nfc).toList(),
                        AS_WRITTEN.contains(k) && "vi".equals(lang)));
                }
                byLanguage.put(lang, classes);
            }
            Map<String, Double> magnitudes = new HashMap<>();
            file.path("magnitudes").properties().forEach(e -> magnitudes.put(e.getKey(), e.getValue().asDouble()));
            return new ClauseWords(byLanguage, magnitudes);
        } catch (IOException e) {
            throw new UncheckedIOException("portalkb/figures/clause-words.yaml: " + e.getMessage(), e);
        }
    }
}
