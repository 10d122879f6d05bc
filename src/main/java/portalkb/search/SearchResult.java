package portalkb.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import portalkb.store.Article;

import java.util.List;
import java.util.Map;

/**
 * One page of results (facets: province — every province articles report on, and "none" for those without a
 * confident one —, source, year, metric, type); {@code snippet} is HTML: crawled text escaped, matches in &lt;mark&gt;.
 * {@code totalIsLowerBound}: whether {@code total} is only "at least" (kept for clients; totals are now always exact).
 * {@code total} and {@code facets} are left out of a page asked for without them ({@code facets=false}). {@code notices}: what
 * the query's text had that is no syntax here and how it was read (left out when none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(Long total, boolean totalIsLowerBound, long took, int page, int size, List<Hit> hits,
                           Map<String, List<Bucket>> facets, List<UserQuery.Notice> notices) {

    /**
     * {@code province}: the one the article is about, null when none is confident; {@code provinces}: every one it reports
     * on; {@code type}: html, pdf, doc or xls; {@code linkedFrom}: for a document, the articles that link it (url, title,
     * date when known).
     */
    public record Hit(String id, String url, String title, String source, String sourceName, String province,
                      String provinceToday, List<String> provinces, String published, String snippet, Double score, String type, List<Article.Link> linkedFrom) {
    }

    /** {@code label}: how the value is shown when it is an id (the source facet: the outlet's name); left out otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(String value, long count, String label) {
        public Bucket(String value, long count) {
            this(value, count, null);
        }
    }
}
