package portalkb.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A source as /api/crawl/status and ./kb status show it: its province (and the province of today it
 * belongs to since the 2025 merger; both null for a national or regional source), what it covers ("national",
 * "region: A, B", or its province), schedule, whether it runs now, its next and its last run.
 */
public record SourceStatus(String id, String name, String province,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String provinceToday, String coverage, String schedule,
                           boolean running, Instant nextRun, CrawlRun lastRun) {

    public SourceStatus withLastRun(CrawlRun run) {
        return new SourceStatus(id, name, province, provinceToday, coverage, schedule, running, nextRun, run);
    }
}
