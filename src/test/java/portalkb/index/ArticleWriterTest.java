package portalkb.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.SelectiveBulkProxy;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An article counts as stored, and later as unchanged, only once its passages and facts are: writes of
 * its parts that Elasticsearch refused for good (a write block longer than the retry window, 429s) are
 * repaired by the next write of the same content, by a crawl's next fetch or an import's next run.
 */
@ExtendWith(TestElastic.class)
class ArticleWriterTest {

    private static final String URL = "https://baolangson.vn/y-te/tong-ket-2019.html";
    private static final String BODY = "Năm 2019, tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 97,9% dân số. "
        + "Toàn tỉnh có 120 xã đạt Bộ tiêu chí quốc gia về y tế xã.\n\nNgành y tế tiếp tục củng cố mạng lưới y tế cơ sở.";
    /** Two attempts 20 ms apart: a refusal outlasts the retry window at once. */
    private static final BulkIndexer.Settings IMPATIENT = new BulkIndexer.Settings(1000, 5L << 20, 2, 2, Duration.ofMillis(20));

    private static AppConfig direct;
    private static Elastic elastic;

    @BeforeAll
    static void indices() throws IOException {
        direct = TestElastic.config(ArticleWriterTest.class);
        elastic = TestElastic.freshIndices(direct);
    }

    @AfterAll
    static void close() throws IOException {
        elastic.close();
    }

    private static ArticleInput article(String body) {
        return ArticleInput.of(URL, "Tổng kết công tác y tế năm 2019", body).withPublished("2020-01-27").withSource("baolangson")
            .withProvince("Lạng Sơn");
    }

    private static long count(String index) throws IOException {
        elastic.client().indices().refresh(r -> r.index(index));
        String id = UrlNormalizer.id(URL);
        return elastic.client().count(c -> c.index(index).query(q -> q.term(t -> t.field("articleId").value(id)))).count();
    }

    /** One write of {@code input} through a proxy refusing {@code refused}; returns its result once settled. */
    private static ArticleWriter.Result writeRefusing(ArticleInput input, String... refused) throws Exception {
        try (SelectiveBulkProxy proxy = new SelectiveBulkProxy(TestElastic.port(), refused);
             Elastic viaProxy = Elastic.open(TestElastic.config(ArticleWriterTest.class, Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port())));
             BulkIndexer bulk = new BulkIndexer(viaProxy, IMPATIENT, f -> { })) {
            ArticleWriter.Result result = new ArticleWriter(viaProxy, bulk).write(List.of(input)).get(0);
            bulk.flush();
            return result;
        }
    }

    private static ArticleWriter.Result write(ArticleInput input) throws Exception {
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter.Result result = new ArticleWriter(elastic, bulk).write(List.of(input)).get(0);
            result.stored().get(30, TimeUnit.SECONDS);
            return result;
        }
    }

    @Test
    @Timeout(120)
    void passagesAndFactsRefusedForGoodAreWrittenByTheNextWriteOfTheSameContent() throws Exception {
        ArticleWriter.Result refused = writeRefusing(article(BODY), elastic.names().passages(), elastic.names().facts());
        assertThrows(ExecutionException.class, () -> refused.stored().get(10, TimeUnit.SECONDS), "the article's writes were not all stored");

        ArticleWriter.Result again = write(article(BODY));
        assertNotEquals(ArticleWriter.Outcome.UNCHANGED, again.outcome(), "an article whose passages and facts were never stored is not unchanged");
        assertNotEquals(0, count(elastic.names().passages()), "passages written by the second write");
        assertNotEquals(0, count(elastic.names().facts()), "facts written by the second write");
        assertEquals(ArticleWriter.Outcome.UNCHANGED, write(article(BODY)).outcome(), "complete now: unchanged");
    }

    @Test
    @Timeout(120)
    void aChangedArticleWhoseOldTailCouldNotBeDeletedIsWrittenAgain() throws Exception {
        String url = "https://baolangson.vn/y-te/dai.html";
        StringBuilder longBody = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            longBody.append("Đoạn ").append(i + 1).append(": toàn tỉnh có ").append(100 + i).append(" xã đạt Bộ tiêu chí quốc gia về y tế xã, ")
                .append("ngành y tế tiếp tục củng cố mạng lưới y tế cơ sở và nâng cao chất lượng khám chữa bệnh cho người dân.\n\n");
        }
        ArticleInput first = ArticleInput.of(url, "Y tế cơ sở", longBody.toString()).withSource("baolangson");
        write(first);
        String id = UrlNormalizer.id(url);
        elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
        long before = elastic.client().count(c -> c.index(elastic.names().passages()).query(q -> q.term(t -> t.field("articleId").value(id)))).count();

        ArticleInput shorter = ArticleInput.of(url, "Y tế cơ sở", longBody.substring(0, longBody.length() / 2)).withSource("baolangson");
        // The passages index refuses everything: neither the new passages nor the deletion of the old tail lands.
        writeRefusing(shorter, elastic.names().passages());
        ArticleWriter.Result again = write(shorter);
        assertNotEquals(ArticleWriter.Outcome.UNCHANGED, again.outcome(), "the old version's tail is still live: not unchanged");
        elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
        long after = elastic.client().count(c -> c.index(elastic.names().passages()).query(q -> q.term(t -> t.field("articleId").value(id)))).count();
        assertNotEquals(before, after, "the old tail was deleted");
    }
}
