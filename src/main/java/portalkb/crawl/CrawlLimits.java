package portalkb.crawl;

import portalkb.config.AppConfig;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one run of one source may take on, so that no site can keep it busy or fill memory: sitemap
 * indexes followed in a row, "next page" links followed in a row, new URLs recorded, URLs queued at
 * once (crawler.maxSitemapDepth, maxPaginationDepth, maxDiscoveredPerRun, maxFrontier). Reaching a
 * limit is reported once per run; what was left out is found again by later runs.
 */
final class CrawlLimits {

    private final AppConfig.Crawler settings;
    private final SourceReport report;
    private final AtomicInteger discovered = new AtomicInteger();
    private final AtomicInteger notRecorded = new AtomicInteger();
    private final AtomicInteger notQueued = new AtomicInteger();

    CrawlLimits(AppConfig.Crawler settings, SourceReport report) {
        this.settings = settings;
        this.report = report;
    }

    /** Why a URL reached this way is not followed (a sitemap or pagination chain too long), or null. */
    String beyondLevels(UrlState s) {
        if (s.sitemapLevel() > settings.maxSitemapDepth()) {
            return "sitemap depth " + s.sitemapLevel() + " > crawler.maxSitemapDepth " + settings.maxSitemapDepth() + ": not followed";
        }
        if (s.paginationLevel() > settings.maxPaginationDepth()) {
            return "pagination depth " + s.paginationLevel() + " > crawler.maxPaginationDepth " + settings.maxPaginationDepth() + ": not followed";
        }
        return null;
    }

    boolean withinLevels(UrlState s) {
        return beyondLevels(s) == null;
    }

    /** Takes one of the run's new-URL slots; false (counted) once they are used up. */
    boolean discover() {
        if (discovered.incrementAndGet() > settings.maxDiscoveredPerRun()) {
            notRecorded.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Whether one more URL may be queued now; false (counted) when the frontier is full. */
    boolean queue(int queued) {
        if (queued >= settings.maxFrontier()) {
            notQueued.incrementAndGet();
            return false;
        }
        return true;
    }

    void report(String sourceId) {
        if (notRecorded.get() > 0) {
            report.note(sourceId, "discovered URL limit reached: " + notRecorded.get() + " more URLs found in this run were not recorded "
                + "(crawler.maxDiscoveredPerRun " + settings.maxDiscoveredPerRun() + "); later runs find them");
        }
        if (notQueued.get() > 0) {
            report.note(sourceId, "frontier full: " + notQueued.get() + " URLs wait in the crawl state for the next run (crawler.maxFrontier "
                + settings.maxFrontier() + ")");
        }
    }
}
