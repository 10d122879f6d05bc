package portalkb.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.Source;
import portalkb.crawl.SourcesFile;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A disk that really fills, under a local node of its own: a size-limited data folder (a 200 MB tmpfs when
 * this process may mount one; otherwise the real disk with the node's watermarks set just below its free
 * space). Past the flood stage the node blocks writes by itself, the crawl says "disk full" and, once space
 * is freed, stores everything; a disk that fills before the node notices fails inside Lucene ("No space
 * left on device"), which is recognised as a full disk too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiskFullTest {

    private static final long MB = 1 << 20;

    private static Path mount;
    private static boolean sizeLimited;
    private static AppConfig config;
    private static LocalNode node;
    private static StaticSiteServer site;
    private static List<Source> sources;

    @BeforeAll
    static void start() throws Exception {
        mount = Files.createTempDirectory("portalkb-diskfull");
        sizeLimited = run("mount", "-t", "tmpfs", "-o", "size=200m", "tmpfs", mount.toString()) == 0;
        Map<String, String> disk = new HashMap<>();
        if (sizeLimited) {
            disk.putAll(Map.of("low", "96mb", "high", "64mb", "floodStage", "32mb"));
        } else {
            long free = Files.getFileStore(mount).getUsableSpace() / MB;
            disk.putAll(Map.of("low", (free - 100) + "mb", "high", (free - 150) + "mb", "floodStage", (free - 200) + "mb"));
        }
        Map<String, String> overrides = new HashMap<>(Map.of("data", mount.toString(),
            "elasticsearch.local.port", Integer.toString(TestElastic.freePort()),
            "elasticsearch.local.transportPort", Integer.toString(TestElastic.freePort()),
            "elasticsearch.local.heap", "384m", "elasticsearch.local.disk.checkIntervalSeconds", "10",
            "elasticsearch.indexPrefix", "t-diskfull", "ask.embeddings", "false"));
        disk.forEach((k, v) -> overrides.put("elasticsearch.local.disk." + k, v));
        config = ConfigLoader.load(null, Map.of(), overrides);
        node = new LocalNode(config);
        node.start();
        site = new StaticSiteServer("/portalkb/demo/sites", 0);
        Path file = Files.createTempFile("diskfull-sources", ".yaml");
        file.toFile().deleteOnExit();
        try (InputStream in = DiskFullTest.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", site.baseUrl()));
        }
        sources = SourcesFile.load(file, config.crawler()).subList(0, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        if (node != null) {
            node.stop();
        }
        if (sizeLimited) {
            run("umount", mount.toString());
        }
        try (var files = Files.walk(mount)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(300)
    void aDiskFillingPastTheFloodStageBlocksWritesAndNothingIsLostOnceItIsFreed() throws Exception {
        Set<String> expected;
        try (Elastic reference = TestElastic.freshIndices(withPrefix("t-diskfull-ref"))) {
            new Crawler(reference, config.crawler()).run(sources, CrawlOptions.DEFAULT, CrawlListener.NONE);
            expected = articleUrls(reference);
        }
        assertFalse(expected.isEmpty());
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Path filler = mount.resolve("filler");
            fill(filler, sizeLimited ? Files.getFileStore(mount).getUsableSpace() - 16 * MB : 260 * MB);
            try {
                await("the node blocks writes when its disk passes the flood stage", () -> blocked(elastic).isPresent());
                assertTrue(blocked(elastic).get().startsWith(WriteBlocks.DISK_FULL), blocked(elastic).get());
                IOException refused = assertThrows(IOException.class,
                    () -> new Crawler(elastic, config.crawler()).run(sources, CrawlOptions.DEFAULT, CrawlListener.NONE));
                assertTrue(refused.getMessage().startsWith(WriteBlocks.DISK_FULL), refused.getMessage());
            } finally {
                Files.delete(filler);
            }
            await("the node lifts the block once space is freed", () -> blocked(elastic).isEmpty());
            new Crawler(elastic, config.crawler()).run(sources, CrawlOptions.DEFAULT, CrawlListener.NONE);
            assertEquals(expected, articleUrls(elastic), "every article of the site, once space was freed");
        }
    }

    @Test
    @Order(2)
    @Timeout(300)
    void aDiskFullInsideLuceneIsRecognisedNotRetriedForMinutes() throws Exception {
        Assumptions.assumeTrue(sizeLimited, "needs a size-limited data folder (tmpfs; run as root)");
        try (Elastic elastic = TestElastic.freshIndices(withPrefix("t-diskfull-lucene"))) {
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                for (int i = 0; i < 50; i++) {
                    bulk.index(elastic.names().articles(), "kept-" + i, Map.of("id", "kept-" + i, "title", "Bài " + i));
                }
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            List<String> kept = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "kept-" + i).toList();
            // The disk fills faster than the node measures it: no block, Lucene itself meets the full disk.
            elastic.client().cluster().putSettings(p -> p.transient_("cluster.routing.allocation.disk.threshold_enabled",
                co.elastic.clients.json.JsonData.of(false)));
            Path filler = mount.resolve("filler");
            fill(filler, Files.getFileStore(mount).getUsableSpace());
            List<BulkIndexer.Failure> failures;
            // Few attempts: once the node has failed to persist its own state it answers "no master" (503) for a while.
            try (BulkIndexer bulk = new BulkIndexer(elastic, new BulkIndexer.Settings(1000, 5L << 20, 1, 2, Duration.ofMillis(50)), f -> { })) {
                for (int i = 0; i < 20; i++) {
                    bulk.index(elastic.names().articles(), "full-" + i, Map.of("id", "full-" + i, "body", "Bài viết ".repeat(200) + i));
                }
                bulk.flush();
                assertEquals(20, bulk.failedCount());
                failures = bulk.failures();
            } finally {
                Files.delete(filler);
            }
            // A full disk does not pass in minutes: recognised, and failed at the first attempt rather than retried.
            assertTrue(failures.stream().anyMatch(f -> WriteBlocks.isDiskFull(f.reason()) && !f.reason().contains("attempts)")),
                failures.toString());
            await("the node recovers once space is freed", () -> {
                try {
                    return elastic.client().cluster().health(h -> h.index(elastic.names().articles())).status().jsonValue().equals("green");
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
            elastic.client().cluster().putSettings(p -> p.transient_("cluster.routing.allocation.disk.threshold_enabled",
                co.elastic.clients.json.JsonData.of(true)));
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            // (Writes that failed may still have landed: a failed write is fetched again, never taken as stored.)
            assertEquals(50, elastic.client().count(c -> c.index(elastic.names().articles()).query(q -> q.ids(i -> i.values(kept)))).count(),
                "nothing stored before was lost");
        }
    }

    private static AppConfig withPrefix(String prefix) {
        Map<String, String> overrides = new HashMap<>(Map.of("data", config.data(),
            "elasticsearch.local.port", Integer.toString(config.elasticsearch().local().port()),
            "elasticsearch.indexPrefix", prefix, "ask.embeddings", "false"));
        return ConfigLoader.load(null, Map.of(), overrides);
    }

    private static Optional<String> blocked(Elastic elastic) {
        try {
            return WriteBlocks.check(elastic);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> articleUrls(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        Set<String> urls = new TreeSet<>();
        elastic.client().search(s -> s.index(elastic.names().articles()).size(1000).source(src -> src.filter(f -> f.includes("url"))), Map.class)
            .hits().hits().forEach(h -> urls.add(String.valueOf(h.source().get("url")).replaceAll("^http://127\\.0\\.0\\.1:\\d+", "")));
        return urls;
    }

    /** Writes real blocks (tmpfs and most file systems do not count sparse files). */
    private static void fill(Path file, long bytes) throws IOException {
        Files.deleteIfExists(file);
        byte[] block = new byte[(int) MB];
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            for (long written = 0; written < bytes; written += block.length) {
                try {
                    out.write(block, 0, (int) Math.min(block.length, bytes - written));
                } catch (IOException e) {
                    return; // the disk is full: that is the point
                }
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
