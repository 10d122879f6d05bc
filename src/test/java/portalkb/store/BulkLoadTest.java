package portalkb.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

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

    private static String interval(Elastic elastic, String alias) throws Exception {
        var settings = elastic.client().indices().getSettings(g -> g.index(List.of(alias))).settings();
        return settings.values().iterator().next().settings().index().refreshInterval().time();
    }
}
