package portalkb.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A document of the facts index (index-config/facts.json): one figure of one article, id
 * {@code <articleId>-f<n>}. {@code raw}: the figure as written ("97,9%"); {@code value}: its number;
 * {@code text}: the sentence it stands in, at {@code sentenceOffset} of the body. {@code province} is the
 * figure's own (a national table's row may name another province than the article's); {@code district} /
 * {@code commune}: the place a table row names. {@code page} / {@code sheet}: where in a file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact(String articleId, String url, String title, String source, String sourceName, String province,
                   String provinceToday, String district, String commune, String published, Integer year, String metric,
                   Double value, String unit, String raw, String text, Integer sentenceOffset, Integer page, String sheet) {
}
