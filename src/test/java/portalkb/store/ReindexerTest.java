package portalkb.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A changed definition is applied by copying into a new index and moving the alias; nothing is lost. */
@ExtendWith(TestElastic.class)
class ReindexerTest {

    @Test
    void copiesEveryDocumentAndMovesTheAlias() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(ReindexerTest.class)) {
            String alias = elastic.names().articles();
            try (portalkb.index.BulkIndexer bulk = new portalkb.index.BulkIndexer(elastic)) {
                for (int i = 0; i < 2500; i++) {
                    bulk.index(alias, "a" + i, Map.of("id", "a" + i, "title", "Bài " + i));
                }
            }
            elastic.client().indices().refresh(r -> r.index(alias));
            IndexInitializer initializer = new IndexInitializer(elastic);
            String old = initializer.currentIndex(alias);
            String next = old + "-next";
            Reindexer.Result result = new Reindexer(elastic).reindex(IndexConfig.load(IndexNames.ARTICLES), old, next, line -> { });
            assertEquals(2500, result.documents());
            assertEquals(next, initializer.currentIndex(alias));
            assertEquals(2500, elastic.client().count(c -> c.index(alias)).count());
            assertFalse(elastic.client().indices().exists(e -> e.index(old)).value());
            assertEquals("Bài 7", elastic.client().get(g -> g.index(alias).id("a7"), Map.class).source().get("title"));
        }
    }
}
