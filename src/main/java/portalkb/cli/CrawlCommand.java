package portalkb.cli;

import portalkb.config.AppConfig;
import portalkb.index.VectorFiller;
import portalkb.config.ConfigException;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.Source;
import portalkb.crawl.SourceReport;
import portalkb.crawl.SourcesFile;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./kb crawl --sources FILE [--source ID] [--max-pages N] [--all] [--no-embeddings]}: crawls with
 * a live progress line and ends with a table per source. Exit 1 only when nothing could be crawled.
 */
final class CrawlCommand {

    private final AppConfig config;
    private final Args args;

    CrawlCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run(Elastic elastic) throws IOException, InterruptedException {
        Path file = Path.of(args.option("sources", config.crawler().sources()));
        List<Source> sources = select(SourcesFile.load(file, config.crawler()), args.option("source", null));
        return crawl(elastic, sources, System.out, System.err);
    }

    int crawl(Elastic elastic, List<Source> sources, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Crawler crawler = new Crawler(elastic, config.crawler());
        Thread stopper = new Thread(() -> {
            crawler.stop();
            err.println("\nstopping: finishing the pages in flight (state is saved) …");
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        CrawlOptions options = new CrawlOptions(args.intOption("max-pages", 0), args.has("all"), "manual");
        List<SourceReport> reports;
        try {
            reports = crawler.run(sources, options, new ProgressLine(err));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping; the hook has run
            }
        }
        printTable(reports, out);
        fillVectors(elastic, config, args, err);
        long fetchedOk = reports.stream().mapToLong(r -> r.fetched.get() - r.errors.get()).sum();
        return fetchedOk > 0 || reports.stream().anyMatch(r -> r.unchanged.get() > 0) ? 0 : 1;
    }

    static List<Source> select(List<Source> sources, String id) {
        if (id == null) {
            return sources;
        }
        List<Source> chosen = sources.stream().filter(s -> s.id().equals(id)).toList();
        if (chosen.isEmpty()) {
            throw new ConfigException("no source '" + id + "' (known: " + String.join(", ", sources.stream().map(Source::id).toList()) + ")");
        }
        return chosen;
    }

    static void printTable(List<SourceReport> reports, PrintStream out) {
        String format = "%-22s %8s %8s %8s %9s %8s %7s %6s %8s  %s%n";
        out.printf(format, "source", "fetched", "indexed", "changed", "unchanged", "skipped", "errors", "dups", "pages/s", "status");
        long[] total = new long[7];
        for (SourceReport r : reports) {
            long[] row = {r.fetched.get(), r.indexed.get(), r.changed.get(), r.unchanged.get(), r.skipped.get(), r.errors.get(), r.duplicates.get()};
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
            out.printf(format, r.source, row[0], row[1], row[2], row[3], row[4], row[5], row[6], String.format("%.1f", r.pagesPerSecond()), r.status());
        }
        if (reports.size() > 1) {
            out.printf(format, "total", total[0], total[1], total[2], total[3], total[4], total[5], total[6], "", "");
        }
        for (SourceReport r : reports) {
            List<String> errors = r.recentErrors();
            if (!errors.isEmpty()) {
                out.println("recent problems of " + r.source + ":");
                errors.stream().limit(10).forEach(e -> out.println("  " + e));
            }
            List<String> refusals = r.recentRefusals();
            if (!refusals.isEmpty()) {
                out.println(r.refused.get() + " page(s) of " + r.source + " kept their live article:");
                refusals.stream().limit(10).forEach(e -> out.println("  " + e));
            }
        }
    }

    /** One self-rewriting line on a terminal; a line every few seconds otherwise (logs stay readable). */
    static final class ProgressLine implements CrawlListener {
        private final PrintStream err;
        // The launcher knows whether stderr is a terminal (the JDK 21 API cannot tell once a console library is loaded).
        private final boolean terminal = "1".equals(System.getenv("PORTALKB_TTY"));
        private long lastPrint;

        ProgressLine(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void page(SourceReport r) {
            long now = System.currentTimeMillis();
            if (now - lastPrint < (terminal ? 250 : 5000)) {
                return;
            }
            lastPrint = now;
            String line = String.format("%s: fetched %d · indexed %d · changed %d · unchanged %d · skipped %d · errors %d · %.1f pages/s",
                r.source, r.fetched.get(), r.indexed.get(), r.changed.get(), r.unchanged.get(), r.skipped.get(), r.errors.get(), r.pagesPerSecond());
            err.print(terminal ? "\r" + line + "   " : line + "\n");
        }

        @Override
        public synchronized void finished(SourceReport r) {
            if (terminal) {
                err.print("\r" + " ".repeat(110) + "\r");
            }
        }
    }

    /**
     * With embeddings on (and no --no-embeddings): the passages that have no vector yet get one, now that what was crawled
     * or imported is searchable; a progress line on {@code err}.
     */
    static void fillVectors(Elastic elastic, AppConfig config, Args args, PrintStream err) throws IOException {
        if (!config.ask().embeddings() || args.has("no-embeddings")) {
            return;
        }
        VectorFiller filler = new VectorFiller(elastic, config.ask().vectors().batchSize());
        VectorFiller.Progress before = filler.progress();
        if (before.waiting() == 0) {
            return;
        }
        err.printf("passage vectors: %,d of %,d passages waiting (searchable already) …%n", before.waiting(), before.passages());
        long filled = filler.fillPending(n -> err.printf("\r  %,d filled", n));
        err.printf("\rpassage vectors: %,d filled%n", filled);
    }
}
