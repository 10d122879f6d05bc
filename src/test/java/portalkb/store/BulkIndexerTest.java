package portalkb.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestElastic.class)
class BulkIndexerTest {

    private static Elastic elastic;
    private static final BulkIndexer.Settings FAST = new BulkIndexer.Settings(100, 1 << 20, 1, 5, Duration.ofMillis(50));

    @BeforeAll
    static void indices() throws IOException {
        elastic = TestElastic.freshIndices(BulkIndexerTest.class);
    }

    @AfterAll
    static void close() throws IOException {
        elastic.close();
    }

    private long count(String index) throws IOException {
        elastic.client().indices().refresh(r -> r.index(index));
        return elastic.client().count(c -> c.index(index)).count();
    }

    @Test
    void indexesManyDocumentsInBatches() throws Exception {
        String index = elastic.names().crawlRuns();
        try (BulkIndexer bulk = new BulkIndexer(elastic, FAST, f -> { })) {
            for (int i = 0; i < 2_500; i++) {
                bulk.index(index, "run-" + i, Map.of("source", "s" + (i % 7), "fetched", i));
            }
            bulk.flush();
            assertEquals(2_500, bulk.succeeded());
            assertEquals(0, bulk.failedCount());
        }
        assertEquals(2_500, count(index));
    }

    @Test
    void badDocumentsAreReportedOneByOneAndTheRestIndexed() throws Exception {
        String index = elastic.names().facts();
        try (BulkIndexer bulk = new BulkIndexer(elastic, FAST, f -> { })) {
            bulk.index(index, "good-1", Map.of("metric", "other", "value", 1.5));
            bulk.index(index, "bad-1", Map.of("metric", "other", "value", "not a number"));
            bulk.index(index, "good-2", Map.of("metric", "other", "value", 2));
            bulk.flush();
            assertEquals(2, bulk.succeeded());
            assertEquals(1, bulk.failedCount());
            BulkIndexer.Failure failure = bulk.failures().get(0);
            assertEquals("bad-1", failure.id());
            assertEquals(400, failure.status());
            assertTrue(failure.reason().contains("document_parsing_exception") || failure.reason().contains("mapper_parsing"), failure.reason());
        }
    }

    @Test
    void retriesRequestsRefusedWith429Or503() throws Exception {
        for (int status : new int[] {429, 503}) {
            String index = elastic.names().history();
            try (FlakyProxy proxy = new FlakyProxy(TestElastic.port(), 2, status);
                 Elastic viaProxy = Elastic.open(TestElastic.config(BulkIndexerTest.class,
                     Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())));
                 BulkIndexer bulk = new BulkIndexer(viaProxy, FAST, f -> { })) {
                for (int i = 0; i < 10; i++) {
                    bulk.index(index, status + "-" + i, Map.of("url", "https://example.org/" + i));
                }
                bulk.flush();
                assertEquals(2, proxy.refused.get(), "the proxy refused the first two bulk requests");
                assertTrue(bulk.retriedCount() >= 10, "every refused operation was retried");
                assertEquals(10, bulk.succeeded(), "failures: " + bulk.failures());
                assertEquals(0, bulk.failedCount());
            }
        }
        assertEquals(20, count(elastic.names().history()));
    }

    @Test
    void aRetriedWriteNeverLandsAfterANewerWriteOfTheSameDocument() throws Exception {
        String index = elastic.names().crawlRuns();
        try (SelectiveBulkProxy proxy = new SelectiveBulkProxy(TestElastic.port(), index);
             Elastic viaProxy = Elastic.open(TestElastic.config(BulkIndexerTest.class, Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())));
             BulkIndexer bulk = new BulkIndexer(viaProxy, new BulkIndexer.Settings(100, 1 << 20, 2, 5, Duration.ofMillis(1500)), f -> { })) {
            bulk.index(index, "same", Map.of("url", "https://example.org/old", "title", "older"));
            bulk.send();
            long deadline = System.currentTimeMillis() + 10_000;
            while (proxy.refusedItems.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            // The older write waits for its retry; a newer write of the same document comes in meanwhile and is accepted.
            proxy.refusing = false;
            bulk.index(index, "same", Map.of("url", "https://example.org/new", "title", "newer"));
            bulk.send();
            bulk.flush();
            elastic.client().indices().refresh(r -> r.index(index));
            assertEquals("newer", elastic.client().get(g -> g.index(index).id("same"), Map.class).source().get("title"),
                "the last write given is the one stored");
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndReportsEveryDocument() throws Exception {
        try (FlakyProxy proxy = new FlakyProxy(TestElastic.port(), 1_000, 503);
             Elastic viaProxy = Elastic.open(TestElastic.config(BulkIndexerTest.class,
                 Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())));
             BulkIndexer bulk = new BulkIndexer(viaProxy, new BulkIndexer.Settings(100, 1 << 20, 1, 3, Duration.ofMillis(10)), f -> { })) {
            bulk.index(elastic.names().history(), "never-1", Map.of("url", "https://example.org/x"));
            bulk.index(elastic.names().history(), "never-2", Map.of("url", "https://example.org/y"));
            bulk.flush();
            assertEquals(2, bulk.failedCount());
            assertEquals(0, bulk.succeeded());
            assertTrue(bulk.failures().get(0).reason().contains("after 3 attempts"), bulk.failures().get(0).reason());
        }
    }
}
