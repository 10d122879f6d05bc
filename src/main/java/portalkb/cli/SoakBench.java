package portalkb.cli;

import io.javalin.Javalin;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.crawl.CrawlScheduler;
import portalkb.crawl.CrawlService;
import portalkb.demo.StaticSiteServer;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;
import portalkb.store.LocalNode;
import portalkb.web.WebApp;
import portalkb.web.WebServices;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./kb bench soak --minutes N --users U}: the sample portal crawled every 30 s by the scheduler
 * while U simulated users search and ask over HTTP; prints errors, latency percentiles, and heap / RSS
 * over time. Not for CI: a long run is the point.
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
        Map<String, String> overrides = new HashMap<>(Map.of("elasticsearch.indexPrefix", "soak", "server.rateLimitPerMinute", "0"));
        AppConfig soak = ConfigLoader.load(null, overrides);
        try (StaticSiteServer portal = new StaticSiteServer("/portalkb/demo/sites", 0); Elastic elastic = Elastic.open(soak)) {
            new IndexInitializer(elastic).initialise();
            Path sources = Files.createTempFile("soak-sources", ".yaml");
            try (InputStream in = SoakBench.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
                Files.writeString(sources, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", portal.baseUrl())
                    .replace("    delayMs: 0", "    delayMs: 0\n    schedule: \"*/30 * * * * ?\""));
            }
            CrawlService crawls = new CrawlService(elastic, soak, sources, false);
            CrawlScheduler scheduler = new CrawlScheduler(crawls, 2000);
            crawls.run(null, "soak-start");
            Thread.sleep(5000);
            scheduler.start();
            Javalin app = WebApp.create(new WebServices(soak, elastic, new AskService(elastic, soak), crawls)).start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            Map<String, Latencies> latencies = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();
            long end = System.currentTimeMillis() + minutes * 60_000L;
            List<Thread> threads = new ArrayList<>();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int u = 0; u < users; u++) {
                threads.add(Thread.ofPlatform().daemon(true).start(() -> user(http, base, end, latencies, errors)));
            }
            System.out.printf("soak: %d users for %d min against %s (ES %s)%n%8s %10s %10s %12s %12s%n", users, minutes, base, elastic.url(),
                "t (s)", "requests", "errors", "heap MiB", "ES RSS MiB");
            long start = System.currentTimeMillis();
            while (System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(15_000, Math.max(1, end - System.currentTimeMillis())));
                long requests = latencies.values().stream().mapToLong(Latencies::count).sum();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                System.out.printf("%8d %10d %10d %12d %12s%n", (System.currentTimeMillis() - start) / 1000, requests, errors.get(), heap,
                    node == null || node.pid() == null ? "n/a" : rssMiB(node.pid()));
            }
            for (Thread t : threads) {
                t.join(30_000);
            }
            scheduler.close();
            crawls.stop();
            app.stop();
            System.out.printf("%n%-12s %9s %9s %9s %9s%n", "endpoint", "requests", "p50 ms", "p95 ms", "p99 ms");
            latencies.forEach((endpoint, l) ->
                System.out.printf("%-12s %9d %9.0f %9.0f %9.0f%n", endpoint, l.count(), l.ms(50), l.ms(95), l.ms(99)));
            System.out.printf("errors: %d%n", errors.get());
            elastic.client().indices().refresh(r -> r.index(elastic.names().crawlRuns()));
            // Only this soak's runs: the soak-* indices outlive a run.
            String since = java.time.Instant.ofEpochMilli(start).toString();
            System.out.printf("scheduled crawl runs recorded: %d%n", elastic.client().count(c -> c.index(elastic.names().crawlRuns())
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("trigger").value("schedule")))
                    .filter(f -> f.range(r -> r.date(d -> d.field("startedAt").gte(since))))))).count());
        }
        return 0;
    }

    private static void user(HttpClient http, String base, long end, Map<String, Latencies> latencies, AtomicLong errors) {
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
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
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
