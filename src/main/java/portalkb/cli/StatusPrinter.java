package portalkb.cli;

import portalkb.crawl.CrawlRun;
import portalkb.crawl.CrawlService;
import portalkb.crawl.SourceStatus;
import portalkb.index.VectorFiller;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.PrintStream;

/** {@code ./kb status}: the knowledge base's size and each source's last crawl, as /api/crawl/status shows them. */
final class StatusPrinter {

    private final PrintStream out;

    StatusPrinter(PrintStream out) {
        this.out = out;
    }

    /** {@code vectors}: with embeddings on, the filler whose progress is shown; else null. */
    void print(CrawlService crawls, Elastic elastic, VectorFiller vectors) throws IOException {
        long articles = elastic.client().count(c -> c.index(elastic.names().articles())).count();
        long facts = elastic.client().count(c -> c.index(elastic.names().facts())).count();
        out.printf("Knowledge base: %,d articles, %,d figures%n", articles, facts);
        if (vectors != null) {
            VectorFiller.Progress p = vectors.progress();
            out.printf("Passage vectors: %,d of %,d passages (%,d waiting: filled in the background by ./kb serve, or at the end of ./kb crawl / import)%n",
                p.withVector(), p.passages(), p.waiting());
        }
        out.println();
        String format = "%-22s %-8s %-20s %8s %8s %8s %7s  %s%n";
        out.printf(format, "source", "status", "last run", "fetched", "new", "changed", "errors", "schedule");
        for (SourceStatus row : crawls.status()) {
            CrawlRun run = row.lastRun();
            out.printf(format, row.id(), row.running() ? "running" : run == null ? "never" : run.status(),
                run == null ? "—" : String.valueOf(run.startedAt()).replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                run == null ? "" : run.fetched(), run == null ? "" : run.indexed(), run == null ? "" : run.changed(),
                run == null ? "" : run.errors(), row.schedule() == null ? "manual" : row.schedule());
            if (run != null && run.recentErrors() != null && !run.recentErrors().isEmpty()) {
                run.recentErrors().stream().limit(3).forEach(e -> out.println("    ! " + e));
            }
            // Re-fetched pages that no longer looked like their article (soft 404, maintenance, emptied): the live version was kept.
            if (run != null && run.recentRefusals() != null && !run.recentRefusals().isEmpty()) {
                out.println("    " + run.refused() + " page(s) kept their live article:");
                run.recentRefusals().stream().limit(5).forEach(r -> out.println("    ~ " + r));
            }
        }
    }
}
