package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.OutageProxy;
import portalkb.store.TestElastic;
import portalkb.store.WriteBlocks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crawling through failures: Elasticsearch going away mid-crawl, kill -9, a hanging site, and the scheduler. */
@ExtendWith(TestElastic.class)
class CrawlResilienceTest {

    private static final List<String> ARTICLES = List.of("/backan/Pages/ban-tin-1258.aspx", "/backan/Pages/kham-chua-benh.aspx",
        "/backan/Pages/nfd.aspx", "/langson/y-te/suy-dinh-duong.html", "/langson/y-te/tong-ket-2019.html",
        "/tanuyen/thong-bao/ket-luan-2022.html", "/tonghop/bai/yen-bai-mui-3.html", "/yenbai/tin/mui-3.html");

    private static FixtureSites sites;

    @BeforeAll
    static void start() throws IOException {
        sites = new FixtureSites();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    private static AppConfig config(String prefix, Map<String, String> more) {
        Map<String, String> m = new HashMap<>(Map.of("elasticsearch.indexPrefix", prefix, "crawler.maxPageBytes", "200000",
            "crawler.retryBackoffMs", "10", "crawler.maxRetries", "0", "crawler.readTimeoutMs", "2000"));
        m.putAll(more);
        return TestElastic.config(CrawlResilienceTest.class, m);
    }

    @SuppressWarnings("rawtypes")
    private static List<String> articlePaths(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        SearchResponse<Map> r = elastic.client().search(s -> s.index(elastic.names().articles()).size(100), Map.class);
        List<String> paths = new ArrayList<>();
        for (Hit<Map> h : r.hits().hits()) {
            paths.add(String.valueOf(h.source().get("url")).replaceFirst("^http://127.0.0.1:\\d+", ""));
        }
        paths.sort(null);
        return paths;
    }

    /** Elasticsearch unreachable through the proxy from now, for {@code millis}. */
    private static void outage(OutageProxy proxy, long millis) {
        try {
            proxy.down();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                Thread.sleep(millis);
                proxy.up();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @Timeout(180)
    void elasticsearchGoingAwayMidCrawlLosesNothingAndDuplicatesNothing() throws Exception {
        AppConfig direct = config("t-outage", Map.of());
        TestElastic.freshIndices(direct).close();
        try (OutageProxy proxy = new OutageProxy(TestElastic.port());
             Elastic viaProxy = Elastic.open(config("t-outage", Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())))) {
            AtomicBoolean cut = new AtomicBoolean();
            Crawler crawler = new Crawler(viaProxy, direct.crawler());
            List<SourceReport> reports = crawler.run(sites.sources(direct.crawler()), CrawlOptions.DEFAULT, new CrawlListener() {
                @Override
                public void page(SourceReport report) {
                    if (report.fetched.get() >= 3 && cut.compareAndSet(false, true)) {
                        outage(proxy, 4000);
                    }
                }
            });
            assertTrue(cut.get());
            assertTrue(reports.stream().mapToLong(r -> r.pausedForElasticsearch.get()).sum() > 0,
                () -> "the crawl waited for the cluster: " + reports.stream().map(r -> r.source + " " + r.status() + " " + r.recentErrors()).toList());
            try (Elastic check = Elastic.open(direct)) {
                assertEquals(ARTICLES, articlePaths(check), "every article once");
            }
        }
    }

    @Test
    @Timeout(180)
    void elasticsearchAwayWhenTheNextSourceStartsIsWaitedFor() throws Exception {
        // The next source's lease and run record are its first requests: an outage there must not end the whole crawl.
        AppConfig direct = config("t-outage-between", Map.of());
        TestElastic.freshIndices(direct).close();
        try (OutageProxy proxy = new OutageProxy(TestElastic.port());
             Elastic viaProxy = Elastic.open(config("t-outage-between", Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())))) {
            AtomicBoolean cut = new AtomicBoolean();
            List<SourceReport> reports = new Crawler(viaProxy, direct.crawler()).run(sites.sources(direct.crawler()), CrawlOptions.DEFAULT,
                new CrawlListener() {
                    @Override
                    public void finished(SourceReport report) {
                        if (cut.compareAndSet(false, true)) {
                            outage(proxy, 3000);
                        }
                    }
                });
            assertEquals(sites.sources(direct.crawler()).size(), reports.size());
            assertTrue(reports.stream().allMatch(r -> r.status().equals("done")), () -> reports.stream().map(r -> r.source + " " + r.status() + " " + r.recentErrors()).toList().toString());
            assertTrue(reports.stream().mapToLong(r -> r.pausedForElasticsearch.get()).sum() > 0, "the next source waited for the cluster");
            try (Elastic check = Elastic.open(direct)) {
                assertEquals(ARTICLES, articlePaths(check), "every article once");
            }
        }
    }

    @Test
    @Timeout(120)
    void aFullDiskIsAClearErrorAndWhatWasNotStoredIsFetchedAgain() throws Exception {
        // One worker: the block below is set from the first page's callback on that worker, so no other worker can store
        // the remaining articles while it is being set (with four, a loaded machine let them all through before it).
        AppConfig config = config("t-diskfull", Map.of("crawler.threads", "1"));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            // The block Elasticsearch itself puts on indices when its disk passes the flood-stage watermark.
            floodStageBlock(elastic, true);
            IOException refused = assertThrows(IOException.class,
                () -> new Crawler(elastic, config.crawler()).run(sites.sources(config.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE));
            assertTrue(refused.getMessage().startsWith(WriteBlocks.DISK_FULL), refused.getMessage());
            floodStageBlock(elastic, false);

            // The disk fills up during a crawl: the articles are refused, reported, and fetched again by the next run.
            AtomicBoolean full = new AtomicBoolean();
            List<SourceReport> during = new Crawler(elastic, config.crawler()).run(sites.sources(config.crawler()), CrawlOptions.DEFAULT,
                new CrawlListener() {
                    @Override
                    public void page(SourceReport report) {
                        if (full.compareAndSet(false, true)) {
                            floodStageBlock(elastic, true);
                        }
                    }
                });
            floodStageBlock(elastic, false);
            List<String> errors = during.stream().flatMap(r -> r.recentErrors().stream()).toList();
            assertTrue(errors.stream().anyMatch(e -> e.endsWith(WriteBlocks.DISK_FULL)), errors.toString());
            assertTrue(errors.stream().noneMatch(e -> e.contains("Exception")), errors.toString());
            assertTrue(articlePaths(elastic).size() < ARTICLES.size());

            new Crawler(elastic, config.crawler()).run(sites.sources(config.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE);
            assertEquals(ARTICLES, articlePaths(elastic));
        }
    }

    private static void floodStageBlock(Elastic elastic, boolean on) {
        try {
            elastic.client().indices().putSettings(p -> p.index(elastic.names().articles())
                .settings(x -> x.blocks(b -> b.readOnlyAllowDelete(on))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Timeout(240)
    void killMinus9AndRestartEndsWithTheSameIndex() throws Exception {
        AppConfig config = config("t-kill", Map.of());
        TestElastic.freshIndices(config).close();
        Path sources = Files.createTempFile("kill-sources", ".yaml");
        Files.writeString(sources, sites.sourcesYaml().replace("delayMs: 0", "delayMs: 300"));
        Map<String, String> env = Map.of("PORTALKB_DATA", TestElastic.dataDir().toString(), "PORTALKB_ES_PORT", Integer.toString(TestElastic.port()),
            "PORTALKB_INDEX_PREFIX", "t-kill");
        sites.server.clearRequests();
        Process first = kb(env, "crawl", "--sources", sources.toString(), "--no-embeddings");
        long deadline = System.currentTimeMillis() + 60_000;
        while (sites.server.requests().stream().filter(p -> p.contains("/langson/y-te/")).count() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Process second = kb(env, "crawl", "--sources", sources.toString(), "--no-embeddings");
        String output = new String(second.getInputStream().readAllBytes());
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), output);
        try (Elastic check = Elastic.open(config)) {
            assertEquals(ARTICLES, articlePaths(check), output);
        }
    }

    private static Process kb(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("kb").toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ES_") || k.startsWith("PORTALKB_"));
        pb.environment().put("PORTALKB_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    @Timeout(60)
    void aHangingSiteTimesOutAndTheOthersAreCrawled() throws Exception {
        AppConfig config = config("t-hang", Map.of("crawler.readTimeoutMs", "1000"));
        sites.server.handle("/hang/", e -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            e.close();
        });
        String yaml = "sources:\n  - id: hang\n    province: Lạng Sơn\n    seeds: [" + sites.url("/hang/") + "]\n    delayMs: 0\n"
            + "  - id: yenbai\n    province: Yên Bái\n    seeds: [" + sites.url("/yenbai/tin/") + "]\n    delayMs: 0\n";
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            List<SourceReport> reports = new Crawler(elastic, config.crawler()).run(SourcesFile.parse(yaml, "hang.yaml", config.crawler()),
                CrawlOptions.DEFAULT, CrawlListener.NONE);
            assertTrue(reports.get(0).recentErrors().get(0).contains("timed out"), reports.get(0).recentErrors().toString());
            assertEquals(List.of("/yenbai/tin/mui-3.html"), articlePaths(elastic));
        }
    }

    @Test
    @Timeout(90)
    void theSchedulerRunsASourceOnItsCronWithoutOverlap() throws Exception {
        AppConfig config = config("t-schedule", Map.of());
        Path sources = Files.createTempFile("schedule-sources", ".yaml");
        Files.writeString(sources, "sources:\n  - id: yenbai\n    province: Yên Bái\n    seeds: [" + sites.url("/yenbai/tin/")
            + "]\n    delayMs: 0\n    schedule: \"*/2 * * * * ?\"\n");
        try (Elastic elastic = TestElastic.freshIndices(config);
             CrawlService crawls = new CrawlService(elastic, config, sources, false);
             CrawlScheduler scheduler = new CrawlScheduler(crawls, 0)) {
            scheduler.start();
            long deadline = System.currentTimeMillis() + 45_000;
            long runs = 0;
            while (runs < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                elastic.client().indices().refresh(r -> r.index(elastic.names().crawlRuns()));
                runs = elastic.client().count(c -> c.index(elastic.names().crawlRuns())
                    .query(q -> q.term(t -> t.field("trigger").value("schedule")))).count();
            }
            assertTrue(runs >= 2, "scheduled runs: " + runs);
            assertEquals(List.of("/yenbai/tin/mui-3.html"), articlePaths(elastic));
            assertTrue(crawls.status().get(0).nextRun() != null);
        }
    }
}
