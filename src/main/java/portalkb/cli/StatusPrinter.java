package portalkb.cli;

import portalkb.crawl.CrawlService;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code ./kb status}: the knowledge base's size and each source's last crawl, as /api/crawl/status shows them. */
final class StatusPrinter {

    private final PrintStream out;

    StatusPrinter(PrintStream out) {
        this.out = out;
    }

    @SuppressWarnings("unchecked")
    void print(CrawlService crawls, Elastic elastic) throws IOException {
        long articles = elastic.client().count(c -> c.index(elastic.names().articles())).count();
        long facts = elastic.client().count(c -> c.index(elastic.names().facts())).count();
        out.printf("Knowledge base: %,d articles, %,d figures%n%n", articles, facts);
        String format = "%-22s %-8s %-20s %8s %8s %8s %7s  %s%n";
        out.printf(format, "source", "status", "last run", "fetched", "new", "changed", "errors", "schedule");
        for (Map<String, Object> row : crawls.status()) {
            Map<String, Object> run = (Map<String, Object>) row.get("lastRun");
            out.printf(format, row.get("id"), Boolean.TRUE.equals(row.get("running")) ? "running" : run == null ? "never" : run.get("status"),
                run == null ? "—" : String.valueOf(run.get("startedAt")).replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                run == null ? "" : run.get("fetched"), run == null ? "" : run.get("indexed"), run == null ? "" : run.get("changed"),
                run == null ? "" : run.get("errors"), row.get("schedule") == null ? "manual" : row.get("schedule"));
            if (run != null && run.get("recentErrors") instanceof List<?> errors && !errors.isEmpty()) {
                errors.stream().limit(3).forEach(e -> out.println("    ! " + e));
            }
            // Re-fetched pages that no longer looked like their article (soft 404, maintenance, emptied): the live version was kept.
            if (run != null && run.get("recentRefusals") instanceof List<?> refusals && !refusals.isEmpty()) {
                out.println("    " + run.get("refused") + " page(s) kept their live article:");
                refusals.stream().limit(5).forEach(r -> out.println("    ~ " + r));
            }
        }
    }
}
