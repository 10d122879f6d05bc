package portalkb.crawl;

/**
 * Per-run choices. {@code maxPages}: overrides the sources' limits when > 0. {@code refetchAll}:
 * every known URL is due now (conditional GETs make unchanged pages cheap). Passage vectors are not the
 * crawl's business: {@link portalkb.index.VectorFiller} adds them after the passages are indexed.
 */
public record CrawlOptions(int maxPages, boolean refetchAll, String trigger) {
    public static final CrawlOptions DEFAULT = new CrawlOptions(0, false, "manual");
}
