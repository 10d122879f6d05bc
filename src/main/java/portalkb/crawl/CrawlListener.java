package portalkb.crawl;

/** Told about progress, for live progress lines and status pages. */
public interface CrawlListener {
    CrawlListener NONE = new CrawlListener() { };

    default void started(SourceReport report) {
    }

    default void page(SourceReport report) {
    }

    default void finished(SourceReport report) {
    }
}
