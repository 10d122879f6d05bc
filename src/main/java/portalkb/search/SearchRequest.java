package portalkb.search;

import portalkb.core.BadParameterException;
import java.time.LocalDate;
import java.util.List;

/** A validated search: free text plus filters, one page of results; {@code types}: html, pdf, doc, xls (empty = all). */
public record SearchRequest(String q, List<String> provinces, List<String> sources, List<Integer> years,
                            LocalDate from, LocalDate to, List<String> metrics, int page, int size, Sort sort, List<String> types) {

    /** What the {@code type} facet holds: HTML articles and the document files (PDF, Word, Excel). */
    public static final List<String> TYPES = List.of("html", "pdf", "doc", "xls");

    public static final int MAX_SIZE = 100;
    /** Deeper than this, paging is refused: use the CSV export (search_after). */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort { RELEVANCE, NEWEST, OLDEST }

    public SearchRequest {
        if (page < 1) {
            throw new BadParameterException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new BadParameterException("page", "results beyond the first " + MAX_WINDOW
                + " are not paged; narrow the search or export with format=csv");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "is after 'to'");
        }
        types = types == null ? List.of() : List.copyOf(types);
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new BadParameterException("type", "expected one of " + String.join(", ", TYPES));
            }
        }
    }

    /** Any type. */
    public SearchRequest(String q, List<String> provinces, List<String> sources, List<Integer> years,
                         LocalDate from, LocalDate to, List<String> metrics, int page, int size, Sort sort) {
        this(q, provinces, sources, years, from, to, metrics, page, size, sort, List.of());
    }
}
