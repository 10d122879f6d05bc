package portalkb.store;

/** Alias names of PortalKB's indices under one prefix (tests use their own prefix per class). */
public record IndexNames(String prefix) {

    public static final String ARTICLES = "articles";
    public static final String HISTORY = "article-history";
    public static final String PASSAGES = "passages";
    public static final String FACTS = "facts";
    public static final String CRAWL_STATE = "crawl-state";
    public static final String CRAWL_RUNS = "crawl-runs";

    public String alias(String kind) {
        return prefix + "-" + kind;
    }

    public String articles() {
        return alias(ARTICLES);
    }

    public String history() {
        return alias(HISTORY);
    }

    public String passages() {
        return alias(PASSAGES);
    }

    public String facts() {
        return alias(FACTS);
    }

    public String crawlState() {
        return alias(CRAWL_STATE);
    }

    public String crawlRuns() {
        return alias(CRAWL_RUNS);
    }
}
