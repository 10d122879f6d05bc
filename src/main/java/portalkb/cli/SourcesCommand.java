package portalkb.cli;

import portalkb.config.AppConfig;
import portalkb.crawl.Source;
import portalkb.crawl.SourceCheck;
import portalkb.crawl.SourcesFile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./kb sources check [--source ID] [--sources FILE]}: asks each source's robots.txt and seeds once,
 * politely, and prints per source whether it answered, the HTTP status, what robots.txt allows, the
 * feeds and sitemaps found, and how many links of its first listing read as articles. Exit 0 when every
 * source is fine, 1 when any has a problem (offline included), 2 on bad usage or a bad sources file.
 */
final class SourcesCommand {

    private static final String USAGE = "./kb sources check [--source ID] [--sources FILE]";

    private final AppConfig config;
    private final Args args;

    SourcesCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run(PrintStream out, PrintStream err) throws InterruptedException {
        if (!"check".equals(args.positional().size() > 1 ? args.positional().get(1) : null)) {
            throw new UsageException(USAGE);
        }
        Path file = Path.of(args.option("sources", config.crawler().sources()));
        List<Source> sources = CrawlCommand.select(SourcesFile.load(file, config.crawler()), args.option("source", null));
        err.println("checking " + sources.size() + " source(s) of " + file + " (robots.txt, seeds, up to "
            + config.crawler().checkProbes() + " listing links each; one request per address, polite delays) …");
        List<SourceCheck.Result> results = checkAll(sources, err);
        print(results, out);
        return results.stream().allMatch(SourceCheck.Result::ok) ? 0 : 1;
    }

    private List<SourceCheck.Result> checkAll(List<Source> sources, PrintStream err) throws InterruptedException {
        SourceCheck check = new SourceCheck(config.crawler());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(config.crawler().threads(), sources.size())),
            r -> Thread.ofPlatform().name("sources-check").daemon(true).unstarted(r));
        try {
            List<Future<SourceCheck.Result>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> {
                    SourceCheck.Result r = check.check(s);
                    err.println("  " + s.id() + ": " + (r.ok() ? "ok" : r.problem()));
                    return r;
                }));
            }
            List<SourceCheck.Result> results = new ArrayList<>();
            for (Future<SourceCheck.Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("checking a source failed: " + Errors.describe(e.getCause()), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String robotsVerdict(SourceCheck.Result r) {
        if (r.robots() == null || r.robots().equals("unreachable")) {
            return "-";
        }
        return r.robotsAllowed() ? "allows" : "DENIES";
    }

    static void print(List<SourceCheck.Result> results, PrintStream out) {
        String format = "%-26s %-18s %-9s %4s  %-18s %-6s %5s %8s  %s%n";
        out.printf(format, "source", "covers", "reachable", "HTTP", "robots.txt", "robots", "feeds", "articles", "verdict");
        for (SourceCheck.Result r : results) {
            out.printf(format, r.source(), r.coverage(), r.reachable() ? "yes" : "NO", r.status() == 0 ? "-" : Integer.toString(r.status()),
                r.robots() == null ? "-" : r.robots(), robotsVerdict(r), r.feeds().size(),
                r.probed() == 0 ? "-" : r.articles() + "/" + r.probed(), r.ok() ? "ok" : "problem");
        }
        List<SourceCheck.Result> problems = results.stream().filter(r -> !r.ok()).toList();
        if (!problems.isEmpty()) {
            out.println("problems:");
            problems.forEach(r -> out.println("  " + r.source() + ": " + r.problem()));
        }
        List<SourceCheck.Result> withFeeds = results.stream().filter(r -> !r.feeds().isEmpty()).toList();
        if (!withFeeds.isEmpty()) {
            out.println("feeds and sitemaps found:");
            withFeeds.forEach(r -> out.println("  " + r.source() + ": " + String.join(" ", r.feeds())));
        }
        long reachable = results.stream().filter(SourceCheck.Result::reachable).count();
        if (reachable == 0 && !results.isEmpty()) {
            out.println("offline: none of the " + results.size() + " source(s) answered (no network, or DNS / a proxy blocks them);"
                + " nothing was checked beyond that");
        }
        out.printf("%d source(s): %d ok, %d with problems, %d unreachable%n", results.size(),
            results.stream().filter(SourceCheck.Result::ok).count(), problems.size(), results.size() - reachable);
    }
}
