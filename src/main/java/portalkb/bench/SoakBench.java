package portalkb.bench;

import io.javalin.Javalin;
import portalkb.app.Services;
import portalkb.ask.AskService;
import portalkb.cli.Errors;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.CrawlScheduler;
import portalkb.crawl.CrawlService;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourcesFile;
import portalkb.store.Elastic;
import portalkb.store.IndexConfig;
import portalkb.store.IndexInitializer;
import portalkb.store.LocalNode;
import portalkb.store.Reindexer;
import portalkb.web.WebApp;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./kb bench soak --minutes N --users U}: the sample portal crawled every 30 s by the scheduler (every
 * known page due again, a few pages edited each minute, so crawls keep writing) while U simulated users
 * search and ask over HTTP, and halfway through every index is reindexed (the soak's indices start under an
 * outdated name). Prints errors, latency percentiles, heap / RSS over time, then what the knowledge base
 * holds against a fresh crawl of the portal: lost articles, facts, edits not stored. Not for CI.
 */
final class SoakBench {

    private static final List<String> SEARCHES = List.of("bao hiem y te", "bác sĩ/vạn dân", "97.9", "\"mũi 3\"", "suy dinh dưỡng -thấp",
        "province:\"Yen Bai\" y tế", "tram y te xa", "BHYT");
    private static final List<String> QUESTIONS = List.of("Which province reached 97.9% insurance coverage?",
        "Tỉnh nào có 136 cơ sở hành nghề y tư nhân?", "What was the stunting rate in Lao Cai?",
        "Compare health insurance coverage in Lạng Sơn and Bắc Kạn");

    private final AppConfig config;
    private final int minutes;
    private final int users;

    SoakBench(AppConfig config, int minutes, int users) {
        this.config = config;
        this.minutes = minutes;
        this.users = users;
    }

    int run() throws IOException, InterruptedException {
        LocalNode.Status node = config.elasticsearch().external() ? null : new LocalNode(config).start();
        // Every known page is due at each scheduled crawl (conditional GETs keep unchanged ones cheap).
        AppConfig soak = ConfigLoader.load(null, Map.of("elasticsearch.indexPrefix", "soak", "server.rateLimitPerMinute", "0",
            "crawler.recrawlAfterHours", "0"));
        AppConfig fresh = ConfigLoader.load(null, Map.of("elasticsearch.indexPrefix", "soakref"));
        try (SoakPortal portal = new SoakPortal(); Elastic elastic = Elastic.open(soak); Elastic reference = Elastic.open(fresh)) {
            deleteIndices(elastic);
            deleteIndices(reference);
            new IndexInitializer(reference).initialise();
            new Crawler(reference, fresh.crawler()).run(SourcesFile.load(portal.sourcesFile(), fresh.crawler()),
                new CrawlOptions(0, false, "soak-reference"), CrawlListener.NONE);
            SoakPortal.Holdings site = portal.holdings(reference);
            portal.chooseEdits(reference, 6);
            for (String kind : IndexConfig.KINDS) { // the definition's own name is the reindex target
                IndexConfig index = IndexConfig.load(kind);
                new IndexInitializer(elastic).createBehindAlias(index, index.concreteName(elastic.names()) + "-previous");
            }
            CrawlService crawls = new CrawlService(elastic, soak, portal.sourcesFile(), false);
            crawls.run(null, "soak-start");
            awaitIdle(crawls);
            SoakPortal.Holdings before = portal.holdings(elastic);
            System.out.printf("the portal (a fresh crawl): %d articles, %d facts; the soak's knowledge base before: %d articles, %d facts%n",
                site.articles().size(), site.facts(), before.articles().size(), before.facts());

            CrawlScheduler scheduler = new CrawlScheduler(crawls, 2000);
            scheduler.start();
            Javalin app = WebApp.create(Services.of(soak, elastic).withCrawls(crawls)).start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // A server that has been up a while: the answerer's models are loaded before the users come.
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask/stream?question=" + URLEncoder.encode(QUESTIONS.get(0),
                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
            Map<String, Latencies> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            long start = System.currentTimeMillis();
            long end = start + minutes * 60_000L;
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                threads.add(Thread.ofPlatform().daemon(true).start(() -> user(http, base, end, latencies, errors)));
            }
            System.out.printf("soak: %d users for %d min against %s (ES %s); %d pages edited every minute until 3/4 of the run%n"
                + "%8s %10s %10s %12s %12s%n", users, minutes, base, elastic.url(), portal.edited(), "t (s)", "requests", "errors",
                "heap MiB", "ES RSS MiB");
            AtomicReference<String> reindexed = new AtomicReference<>();
            Thread reindex = null;
            int round = 0;
            while (System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(15_000, Math.max(1, end - System.currentTimeMillis())));
                long t = System.currentTimeMillis() - start;
                if (t / 60_000 >= round && t < (end - start) * 3 / 4) {
                    portal.edit(round++);
                }
                if (reindex == null && t >= (end - start) / 2) {
                    reindex = Thread.ofPlatform().name("soak-reindex").start(() -> reindexed.set(reindex(elastic, start)));
                }
                long requests = latencies.values().stream().mapToLong(Latencies::count).sum();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                System.out.printf("%8d %10d %10d %12d %12s%n", t / 1000, requests, total(errors), heap,
                    node == null || node.pid() == null ? "n/a" : rssMiB(node.pid()));
            }
            for (Thread t : threads) {
                t.join(30_000);
            }
            if (reindex != null) {
                reindex.join();
            }
            scheduler.close();
            crawls.stop();
            awaitIdle(crawls);
            app.stop();
            System.out.printf("%n%-12s %9s %9s %9s %9s%n", "endpoint", "requests", "p50 ms", "p95 ms", "p99 ms");
            latencies.forEach((endpoint, l) ->
                System.out.printf("%-12s %9d %9.0f %9.0f %9.0f%n", endpoint, l.count(), l.ms(50), l.ms(95), l.ms(99)));
            System.out.printf("errors: %d %s%n", total(errors), errors);
            System.out.println(reindexed.get() == null ? "reindex: not run (run longer)" : reindexed.get());
            report(elastic, portal, site, before, start);
        }
        return 0;
    }

    /** Every index copied into its definition's own name while crawls and users go on. */
    private static String reindex(Elastic elastic, long soakStart) {
        long at = (System.currentTimeMillis() - soakStart) / 1000;
        long t0 = System.nanoTime();
        List<String> steps = new ArrayList<>();
        try {
            List<Reindexer.Result> done = new Reindexer(elastic).reindexOutdated(line ->
                steps.add(String.format("  %6.1f s  %s", (System.nanoTime() - t0) / 1e9, line)));
            return String.format("reindex at t = %d s: %d indices, %d documents copied in %.1f s%n%s", at, done.size(),
                done.stream().mapToLong(Reindexer.Result::documents).sum(), (System.nanoTime() - t0) / 1e9, String.join("\n", steps));
        } catch (IOException | RuntimeException e) {
            return "reindex FAILED: " + Errors.describe(e);
        }
    }

    private static void report(Elastic elastic, SoakPortal portal, SoakPortal.Holdings site,
                               SoakPortal.Holdings before, long start) throws IOException {
        SoakPortal.Holdings after = portal.holdings(elastic);
        Set<String> lost = new TreeSet<>(site.articles());
        lost.removeAll(after.articles());
        Set<String> lostSinceStart = new TreeSet<>(before.articles());
        lostSinceStart.removeAll(after.articles());
        List<String> stale = portal.stale(elastic);
        System.out.printf("articles: portal %d, before %d, after %d; facts: portal %d, before %d, after %d%n", site.articles().size(),
            before.articles().size(), after.articles().size(), site.facts(), before.facts(), after.facts());
        System.out.printf("lost articles: %d %s (since the start: %d); edited pages whose last edit is not stored: %d of %d %s%n",
            lost.size(), lost, lostSinceStart.size(), stale.size(), portal.edited(), stale);
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlRuns()));
        String since = java.time.Instant.ofEpochMilli(start).toString();
        for (String status : List.of("done", "failed", "skipped", "stopped")) {
            long runs = elastic.client().count(c -> c.index(elastic.names().crawlRuns()).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("status").value(status)))
                .filter(f -> f.range(r -> r.date(d -> d.field("startedAt").gte(since))))))).count();
            System.out.printf("crawl runs %s: %d%n", status, runs);
        }
    }

    private static void awaitIdle(CrawlService crawls) throws InterruptedException {
        while (crawls.sources().stream().anyMatch(s -> crawls.isRunning(s.id()))) {
            Thread.sleep(200);
        }
    }

    private static void deleteIndices(Elastic elastic) throws IOException {
        var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
        }
    }

    private static long total(Map<String, AtomicLong> errors) {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static void user(HttpClient http, String base, long end, Map<String, Latencies> latencies, Map<String, AtomicLong> errors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.currentTimeMillis() < end) {
            boolean ask = random.nextInt(5) == 0;
            String url = ask ? base + "/api/ask/stream?question=" + URLEncoder.encode(QUESTIONS.get(random.nextInt(QUESTIONS.size())), StandardCharsets.UTF_8)
                : base + "/api/search?q=" + URLEncoder.encode(SEARCHES.get(random.nextInt(SEARCHES.size())), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", ask ? "text/event-stream" : "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || ask && !r.body().contains("event: done")) {
                    errors.computeIfAbsent((ask ? "ask " : "search ") + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                }
            } catch (IOException e) {
                errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            latencies.computeIfAbsent(ask ? "ask" : "search", k -> new Latencies()).add(System.nanoTime() - t0);
            try {
                Thread.sleep(random.nextInt(200, 1000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("\\D+", "")) >> 10);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "n/a";
        }
        return "n/a";
    }
}
