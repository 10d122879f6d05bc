package portalkb.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A document of the facts index (index-config/facts.json): one figure of one article, id
 * {@code <articleId>-f<n>}. {@code raw}: the figure as written ("97,9%"); {@code value}: its number;
 * {@code text}: the sentence it stands in, at {@code sentenceOffset} of the body. {@code province} is the
 * figure's own (a national table's row may name another province than the article's); {@code district} /
 * {@code commune}: the place a table row names. {@code page} / {@code sheet}: where in a file. {@code metric} is a
 * catalogue id or an open measure's key; {@code measure}: the indicator phrase as written; {@code measureWords}: the
 * key's words, for finding the measure a question names; {@code role} (result, target, change, comparison),
 * {@code level} (province, district, commune, national, other-province, facility) and {@code place} as read from the
 * clause (missing on facts stored before the clause reader: a result of the province).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact(String articleId, String url, String title, String source, String sourceName, String province,
                   String provinceToday, String district, String commune, String published, Integer year, String metric,
                   Double value, String unit, String raw, String text, Integer sentenceOffset, Integer page, String sheet,
                   String measure, java.util.List<String> measureWords, String role, String level, String place) {

    /** A fact without the clause reader's fields (a table cell's): a result of the province. */
    public Fact(String articleId, String url, String title, String source, String sourceName, String province,
                String provinceToday, String district, String commune, String published, Integer year, String metric,
                Double value, String unit, String raw, String text, Integer sentenceOffset, Integer page, String sheet) {
        this(articleId, url, title, source, sourceName, province, provinceToday, district, commune, published, year, metric, value,
            unit, raw, text, sentenceOffset, page, sheet, null, null, null, null, null);
    }

    /** What rankings, trends and comparisons read: a result of the province (so is a fact stored without a role). */
    @JsonIgnore
    public boolean isProvinceResult() {
        return (role == null || "result".equals(role)) && (level == null || "province".equals(level));
    }
}
