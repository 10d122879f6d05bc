package portalkb.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A changed definition is applied by copying into a new index and moving the alias; nothing is lost,
 * not even what is written and deleted while the copy runs.
 */
@ExtendWith(TestElastic.class)
class ReindexerTest {

    /** What a crawl's indexer uses: minutes of retries, so writes wait for the copy instead of failing. */
    private static final BulkIndexer.Settings PATIENT = new BulkIndexer.Settings(1000, 5L << 20, 2, 15, Duration.ofMillis(200));

    private static void seed(Elastic elastic, int count) throws Exception {
        String alias = elastic.names().articles();
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            for (int i = 0; i < count; i++) {
                bulk.index(alias, "a" + i, Map.of("id", "a" + i, "title", "Bài " + i));
            }
        }
        elastic.client().indices().refresh(r -> r.index(alias));
    }

    @Test
    void copiesEveryDocumentAndMovesTheAlias() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(ReindexerTest.class)) {
            String alias = elastic.names().articles();
            seed(elastic, 2500);
            IndexInitializer initializer = new IndexInitializer(elastic);
            String old = initializer.currentIndex(alias);
            String next = old + "-next";
            Reindexer.Result result = new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next, line -> { });
            assertEquals(2500, result.documents());
            assertEquals(next, initializer.currentIndex(alias));
            assertEquals(2500, elastic.client().count(c -> c.index(alias)).count());
            assertFalse(elastic.client().indices().exists(e -> e.index(old)).value());
            assertEquals("Bài 7", elastic.client().get(g -> g.index(alias).id("a7"), Map.class).source().get("title"));
            assertEquals(Optional.empty(), WriteBlocks.check(elastic), "the new index takes writes");
        }
    }

    @Test
    @Timeout(180)
    void aSecondReindexWhileOneRunsIsRefusedAndTheLiveIndexSurvives() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(ReindexerTest.class)) {
            String alias = elastic.names().articles();
            seed(elastic, 2500);
            IndexInitializer initializer = new IndexInitializer(elastic);
            String old = initializer.currentIndex(alias);
            String next = old + "-next";
            AtomicReference<Exception> second = new AtomicReference<>();
            AtomicBoolean started = new AtomicBoolean();
            Exception first = null;
            try {
                new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next, line -> {
                    if (line.contains("documents copied") && started.compareAndSet(false, true)) {
                        try {
                            // Another `./kb reindex`, started by someone else meanwhile.
                            new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next, l -> { });
                        } catch (Exception e) {
                            second.set(e);
                        }
                    }
                });
            } catch (Exception e) {
                first = e;
            }
            assertTrue(initializer.currentIndex(alias) != null, "the alias still points at an index (first reindex: " + first + ")");
            assertEquals(2500, elastic.client().count(c -> c.index(alias)).count(), "every document is still searchable");
            assertTrue(second.get() != null && second.get().getMessage().contains("another reindex"), "the second reindex was refused: " + second.get());
        }
    }

    @Test
    @Timeout(180)
    void writesAndDeletesDuringTheCopyAreKeptAndNotUndone() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(ReindexerTest.class)) {
            String alias = elastic.names().articles();
            seed(elastic, 3000);
            IndexInitializer initializer = new IndexInitializer(elastic);
            String old = initializer.currentIndex(alias);
            String next = old + "-next";
            AtomicBoolean wrote = new AtomicBoolean();
            AtomicReference<Optional<String>> duringCopy = new AtomicReference<>();
            try (BulkIndexer writes = new BulkIndexer(elastic, PATIENT, failure -> { })) {
                new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next, line -> {
                    if (!wrote.compareAndSet(false, true)) {
                        return;
                    }
                    // A crawl and an import write while the copy runs: new articles, changed ones, deleted ones.
                    for (int i = 0; i < 200; i++) {
                        writes.index(alias, "new" + i, Map.of("id", "new" + i, "title", "Bài mới " + i));
                    }
                    for (int i = 0; i < 100; i++) {
                        writes.delete(alias, "a" + i);
                        writes.index(alias, "a" + (100 + i), Map.of("id", "a" + (100 + i), "title", "Bài " + (100 + i) + " (sửa)"));
                    }
                    // Let each operation meet the index (applied, or refused and queued to retry) before the copy goes on.
                    await(() -> writes.succeeded() + writes.retriedCount() + writes.failedCount() >= 400);
                    try {
                        duringCopy.set(WriteBlocks.check(elastic));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writes.flush();
                assertEquals(0, writes.failedCount(), () -> "writes refused for good: " + writes.failures());
            }
            elastic.client().indices().refresh(r -> r.index(alias));
            assertEquals(next, initializer.currentIndex(alias));
            assertEquals(3000 - 100 + 200, elastic.client().count(c -> c.index(alias)).count(), "nothing lost, no delete undone");
            assertFalse(elastic.client().get(g -> g.index(alias).id("a5"), Map.class).found(), "a delete made during the copy stays");
            assertEquals("Bài 150 (sửa)", elastic.client().get(g -> g.index(alias).id("a150"), Map.class).source().get("title"));
            assertTrue(elastic.client().get(g -> g.index(alias).id("new7"), Map.class).found(), "a write made during the copy is kept");
            assertEquals(Optional.empty(), WriteBlocks.check(elastic));
            assertTrue(duringCopy.get().isPresent() && duringCopy.get().get().contains("reindex"),
                "a crawl or import starting during the copy is told why it cannot write: " + duringCopy.get());
        }
    }

    @Test
    void aFailedCopyLeavesTheOldIndexServingAndWritable() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(ReindexerTest.class)) {
            String alias = elastic.names().articles();
            seed(elastic, 1500);
            IndexInitializer initializer = new IndexInitializer(elastic);
            String old = initializer.currentIndex(alias);
            String next = old + "-next";
            assertThrows(IllegalStateException.class, () -> new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next,
                line -> {
                    throw new IllegalStateException("interrupted mid-copy");
                }));
            assertEquals(old, initializer.currentIndex(alias));
            assertEquals(Optional.empty(), WriteBlocks.check(elastic), "writes are accepted again");
            assertFalse(elastic.client().indices().exists(e -> e.index(next)).value(), "the partial copy is removed");
            assertEquals(1500, elastic.client().count(c -> c.index(alias)).count());
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
