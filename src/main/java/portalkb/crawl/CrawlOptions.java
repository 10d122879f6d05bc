package portalkb.crawl;

/**
 * Per-run choices. {@code maxPages}: overrides the sources' limits when > 0. {@code refetchAll}:
 * every known URL is due now (conditional GETs make unchanged pages cheap). {@code embeddings}:
 * compute passage vectors while indexing.
 */
public record CrawlOptions(int maxPages, boolean refetchAll, boolean embeddings, String trigger) {
    public static final CrawlOptions DEFAULT = new CrawlOptions(0, false, true, "manual");
}
