package portalkb.crawl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One run of one source, as kept in the crawl-runs index (index-config/crawl-runs.json) and shown by
 * /api/crawl/status and ./kb status. {@code owner} (host/pid) is left out of what the public sees.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrawlRun(String source, String trigger, String status, Instant startedAt, Instant endedAt,
                       long fetched, long indexed, long changed, long unchanged, long skipped, long errors,
                       long duplicates, long refused, List<String> recentErrors, List<String> recentRefusals,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String owner) {

    static CrawlRun of(String trigger, SourceReport report, String owner) {
        return new CrawlRun(report.source, trigger, report.status(), Instant.ofEpochMilli(report.startedAt),
            report.endedAt() == 0 ? null : Instant.ofEpochMilli(report.endedAt()), report.fetched.get(), report.indexed.get(),
            report.changed.get(), report.unchanged.get(), report.skipped.get(), report.errors.get(), report.duplicates.get(),
            report.refused.get(), report.recentErrors(), report.recentRefusals(), owner);
    }

    /** The run as anyone may see it: no owner, each error retold by {@code plain}. */
    public CrawlRun forPublic(UnaryOperator<String> plain) {
        List<String> shown = recentErrors == null ? null : recentErrors.stream().map(plain).toList();
        return new CrawlRun(source, trigger, status, startedAt, endedAt, fetched, indexed, changed, unchanged, skipped, errors,
            duplicates, refused, shown, recentRefusals, null);
    }
}
