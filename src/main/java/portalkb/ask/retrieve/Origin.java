package portalkb.ask.retrieve;

import portalkb.store.Fact;
import portalkb.store.Passage;

import java.util.List;

/**
 * The article a retrieved text comes from, as a citation shows it: the province as reported and as of today,
 * the outlet's name (its crawler id when it has none), and the year the text reports on (when known).
 * {@code province}: the article's (a fact's: its own); {@code provinces}: every province the article reports on.
 */
public record Origin(String articleId, String url, String title, String source, String sourceName, String province,
                     String provinceToday, String published, Integer year, List<String> provinces) {

    public static Origin of(Passage p) {
        // passages stored before their provinces were read have only their province
        List<String> all = p.provinces() != null && !p.provinces().isEmpty() ? p.provinces()
            : p.province() == null ? List.of() : List.of(p.province());
        return new Origin(p.articleId(), p.url(), p.title(), p.source(), p.sourceName(), p.province(), p.provinceToday(),
            p.published(), p.year(), all);
    }

    public static Origin of(Fact f) {
        return new Origin(f.articleId(), f.url(), f.title(), f.source(), f.sourceName(), f.province(), f.provinceToday(),
            f.published(), f.year(), f.province() == null ? List.of() : List.of(f.province()));
    }

    /** The outlet's name for readers: its display name, else its crawler id. */
    public String outlet() {
        return sourceName != null ? sourceName : source;
    }
}
