package portalkb.figures;

import com.fasterxml.jackson.annotation.JsonIgnore;
import portalkb.core.PlaceWords.Level;

/**
 * One figure found in a text. {@code metric}: a catalogue id, or an open measure's key ({@link MeasureKeys}),
 * or "other" when nothing names what it measures; {@code measure}: the indicator phrase as the text names it
 * ("tỷ lệ hộ nghèo"); {@code written}: the number as written ("97,9", "272/706"); {@code value}: its value, a
 * magnitude word applied ("23 nghìn" → 23000); {@code unit} and {@code raw} ("97,9%") as written; {@code role},
 * {@code level} and {@code place} (the place as written, null for the article's province); the sentence.
 */
public record Figure(String metric, double value, String unit, String raw, Integer year, String sentence, int sentenceOffset,
                     String written, String measure, Role role, Level level, String place) {

    /** A figure read without clause structure (a table cell): a result for the article's province. */
    public Figure(String metric, double value, String unit, String raw, Integer year, String sentence, int sentenceOffset) {
        this(metric, value, unit, raw, year, sentence, sentenceOffset, raw, null, Role.RESULT, Level.PROVINCE, null);
    }

    /** A level reached by the province the article is about: what rankings, trends and comparisons read. */
    @JsonIgnore
    public boolean isProvinceResult() {
        return role == Role.RESULT && level == Level.PROVINCE;
    }

    public Figure withMetric(String metricOrKey) {
        return new Figure(metricOrKey, value, unit, raw, year, sentence, sentenceOffset, written, measure, role, level, place);
    }

    public Figure withRole(Role newRole) {
        return new Figure(metric, value, unit, raw, year, sentence, sentenceOffset, written, measure, newRole, level, place);
    }
}
