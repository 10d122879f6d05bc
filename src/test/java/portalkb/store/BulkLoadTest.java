package portalkb.store;

import co.elastic.clients.elasticsearch.indices.IndicesBlockOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A bulk load turns refreshing off on the indices it writes and gives them back their own interval, then refreshes. */
@ExtendWith(TestElastic.class)
class BulkLoadTest {

    @Test
    void refreshIsOffDuringTheLoadAndRestoredAfter() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(BulkLoadTest.class)) {
            String articles = elastic.names().articles();
            try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()))) {
                assertEquals("-1", interval(elastic, articles));
                assertEquals("-1", interval(elastic, elastic.names().facts()));
                assertEquals("5s", interval(elastic, elastic.names().crawlState()), "indices the load does not write keep theirs");
                elastic.client().index(i -> i.index(articles).id("a").document(Map.of("url", "https://example.vn/a")));
            }
            assertEquals("5s", interval(elastic, articles));
            assertEquals("5s", interval(elastic, elastic.names().passages()));
            assertEquals(1, elastic.client().count(c -> c.index(articles)).count(), "searchable once the load ends");
        }
    }

    @Test
    void twoLoadsAtOnceLeaveTheIndicesTheirOwnIntervalWhicheverEndsFirst() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(BulkLoadTest.class, Map.of("elasticsearch.indexPrefix", "t-bulkload-two")))) {
            BulkLoad first = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
            BulkLoad second = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
            first.close();
            assertEquals("-1", interval(elastic, elastic.names().articles()), "the other load still runs");
            second.close();
            assertEquals("5s", interval(elastic, elastic.names().articles()));
            assertEquals("5s", interval(elastic, elastic.names().passages()));
            assertEquals("1s", interval(elastic, elastic.names().history()), "its definition sets none: the node's default");
        }
    }

    @Test
    void refreshLeftOffByAKilledLoadIsRestoredByTheNextCommand() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(BulkLoadTest.class, Map.of("elasticsearch.indexPrefix", "t-bulkload-killed")))) {
            // What `kill -9` of an import leaves: the indices it wrote without refresh, and no load under way.
            for (String alias : BulkLoad.articleIndices(elastic.names())) {
                elastic.client().indices().putSettings(p -> p.index(alias).settings(x -> x.refreshInterval(r -> r.time("-1"))));
            }
            new IndexInitializer(elastic).initialise();
            assertEquals("5s", interval(elastic, elastic.names().articles()));
            assertEquals("5s", interval(elastic, elastic.names().facts()));
        }
    }

    @Test
    void aReindexDuringTheLoadLeavesItsEndWorking() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(BulkLoadTest.class, Map.of("elasticsearch.indexPrefix", "t-bulkload-reindex")))) {
            // Every index behind its alias under another name than its definition's: the reindex replaces each one,
            // deleting the index the load turned refreshing off on (what the fault campaign's reindex did to an import).
            var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*")).indices().keySet();
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
            IndexInitializer initializer = new IndexInitializer(elastic);
            for (String kind : IndexConfig.KINDS) {
                IndexConfig index = IndexConfig.load(kind);
                initializer.createBehindAlias(index, index.concreteName(elastic.names()) + "-previous");
            }
            initializer.initialise();
            String articles = elastic.names().articles();
            BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
            elastic.client().index(i -> i.index(articles).id("a").document(Map.of("url", "https://example.vn/a")));
            assertEquals(6, new Reindexer(elastic).reindexOutdated(line -> { }).size());

            load.close();
            assertEquals("5s", interval(elastic, articles));
            assertEquals(1, elastic.client().count(c -> c.index(articles)).count(), "searchable once the load ends");
        }
    }

    @Test
    void restoringRefreshOnAnIndexAReindexDeletedSinceItWasResolvedSkipsIt() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(BulkLoadTest.class, Map.of("elasticsearch.indexPrefix", "t-bulkload-resolved")))) {
            // The fault campaign's import exited 1 at its end, every line written: its end resolved the indices behind the
            // aliases, then the reindex under way deleted one ("index_not_found" on put_settings of the -previous index).
            var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*")).indices().keySet();
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
            IndexInitializer initializer = new IndexInitializer(elastic);
            for (String kind : IndexConfig.KINDS) {
                IndexConfig index = IndexConfig.load(kind);
                initializer.createBehindAlias(index, index.concreteName(elastic.names()) + "-previous");
            }
            initializer.initialise();
            BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
            assertEquals(6, new Reindexer(elastic).reindexOutdated(line -> { }).size());
            load.set(true); // the indices it resolved when it started: all deleted since
            load.close();
            assertEquals("5s", interval(elastic, elastic.names().articles()));
        }
    }

    @Test
    void aLoadEndingWhileAReindexCopiesItsIndicesWaitsForTheCopy() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(BulkLoadTest.class, Map.of("elasticsearch.indexPrefix", "t-bulkload-copying")))) {
            // What ./kb reindex does to each index while it copies it (the fault campaign's import exited 1 at its end,
            // every line written): the old index is write-blocked until the alias moves to the copy.
            BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
            List<String> indices = List.copyOf(elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*")).indices().keySet());
            elastic.client().indices().addBlock(b -> b.index(String.join(",", indices)).block(IndicesBlockOptions.Write));
            CompletableFuture<Void> lift = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1_500);
                    elastic.client().indices().putSettings(p -> p.index(indices).settings(x -> x.blocks(b -> b.write(false))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            load.close();
            lift.get();
            assertEquals("5s", interval(elastic, elastic.names().articles()));
            assertEquals(0, elastic.client().count(c -> c.index(elastic.names().crawlState())
                .query(q -> q.term(t -> t.field("kind").value("bulkload")))).count(), "the load's marker is gone");
        }
    }

    private static String interval(Elastic elastic, String alias) throws Exception {
        var settings = elastic.client().indices().getSettings(g -> g.index(List.of(alias))).settings();
        return settings.values().iterator().next().settings().index().refreshInterval().time();
    }
}
