package portalkb.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.Passage;
import portalkb.store.TestElastic;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import portalkb.ask.retrieve.VectorRetriever;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Passage vectors are off the write path: an article's passages are searchable at once, vectors follow. */
@ExtendWith(TestElastic.class)
class VectorFillTest {

    private static final ArticleInput ARTICLE = ArticleInput.of("https://baolangson.example/y-te/bhyt.html",
            "Tổng kết công tác y tế năm 2019", "Toàn tỉnh có 10,8 bác sĩ/vạn dân. Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số. ".repeat(12))
        .withProvince("Lạng Sơn").withSource("s").withPublished("2020-01-27T08:00:00+07:00");

    @Test
    void passagesAreSearchableBeforeTheirVectorsThenThePassFillsThem() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(VectorFillTest.class)) {
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(ARTICLE));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
            long passages = elastic.client().count(c -> c.index(elastic.names().passages())
                .query(q -> q.match(m -> m.field("text").query("bảo hiểm y tế")))).count();
            assertEquals(2, passages, "passages found by a search right after the write");
            assertEquals(0, withVector(elastic), "passages with a vector right after the write (the write path embeds nothing)");

            VectorFiller filler = new VectorFiller(elastic, 1); // one passage per batch: the pass must page through them
            assertEquals(new VectorFiller.Progress(0, 2), filler.progress());
            List<Long> afterBatches = new ArrayList<>();
            assertEquals(2, filler.fillPending(afterBatches::add));
            assertEquals(List.of(1L, 2L), afterBatches);
            assertEquals(2, withVector(elastic), "the pass refreshes what it filled");
            assertEquals(0, filler.progress().waiting());
            assertEquals(0, filler.fillPending(n -> { }), "nothing left for the next pass");

            List<Content> found = new VectorRetriever(elastic, 2).retrieve(Query.from("health insurance coverage in Lang Son"));
            assertEquals(2, found.size(), "kNN finds the filled passages");

            // The article changes: its passages are rewritten without vectors, searchable at once, and the next pass fills them.
            ArticleInput changed = ARTICLE.withBody(ARTICLE.body() + " Năm 2020 tỷ lệ này đạt 98,1%.");
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(changed));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
            assertEquals(1, elastic.client().count(c -> c.index(elastic.names().passages())
                .query(q -> q.match(m -> m.field("text").query("98,1")))).count());
            assertEquals(new VectorFiller.Progress(0, 2), filler.progress());
            assertEquals(2, filler.fillPending(n -> { }));
        }
    }

    @Test
    void aPassageRewrittenAfterItWasReadGetsNoStaleVector() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(VectorFillTest.class)) {
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(ARTICLE));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
            VectorFiller filler = new VectorFiller(elastic, 10);
            List<Hit<Passage>> read = filler.pending(elastic.names().passages(), null);
            assertEquals(2, read.size());

            // Between the pass's read and its write, a crawl rewrites the article: both passages get new text.
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(ARTICLE.withBody(ARTICLE.body().replace("97,9", "98,3"))));
            }
            assertEquals(0, filler.write(elastic.names().passages(), read), "vectors of the old text are refused (409), not stored");
            elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
            assertEquals(0, withVector(elastic));
            assertEquals(2, filler.fillPending(n -> { }), "the next pass embeds the new text");
        }
    }

    private static long withVector(Elastic elastic) throws Exception {
        return elastic.client().count(c -> c.index(elastic.names().passages()).query(q -> q.exists(e -> e.field("vector")))).count();
    }
}
