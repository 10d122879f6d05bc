package portalkb.ask.retrieve;

import portalkb.store.Fact;
import portalkb.store.Passage;

/**
 * The article a retrieved text comes from, as a citation shows it: the province as reported and as of today,
 * the outlet's name (its crawler id when it has none), and the year the text reports on (when known).
 */
public record Origin(String articleId, String url, String title, String source, String sourceName, String province,
                     String provinceToday, String published, Integer year) {

    public static Origin of(Passage p) {
        return new Origin(p.articleId(), p.url(), p.title(), p.source(), p.sourceName(), p.province(), p.provinceToday(),
            p.published(), p.year());
    }

    public static Origin of(Fact f) {
        return new Origin(f.articleId(), f.url(), f.title(), f.source(), f.sourceName(), f.province(), f.provinceToday(),
            f.published(), f.year());
    }

    /** The outlet's name for readers: its display name, else its crawler id. */
    public String outlet() {
        return sourceName != null ? sourceName : source;
    }
}
