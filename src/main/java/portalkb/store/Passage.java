package portalkb.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A document of the passages index (index-config/passages.json): about 600 characters of one article, id
 * {@code <articleId>-p<position>}, with the article's fields a filter or a citation needs. {@code page} /
 * {@code sheet}: where in a file it stands ({@code url} then opens a PDF at that page). {@code vector}: its
 * embedding, filled after indexing when embeddings are on. {@code province}: the article's (null when none is confident);
 * {@code provinces}: every province the article reports on, so that a passage is found under each.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Passage(String articleId, Integer position, String url, String title, String text, String source,
                      String sourceName, String province, String provinceToday, String published, Integer year,
                      Integer page, String sheet, List<Float> vector, List<String> provinces, List<String> provincesToday) {
}
