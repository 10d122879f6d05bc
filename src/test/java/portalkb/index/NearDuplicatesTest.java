package portalkb.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.core.UrlNormalizer;
import portalkb.store.Article;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;
import portalkb.store.FlakyProxy;
import portalkb.store.TestElastic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Syndicated copies found through Elasticsearch, not the writer's in-memory table: a second writer (as in
 * another crawl or process) writes lightly edited copies from many threads at once, so the lookups are
 * batched into shared _msearch requests.
 */
@ExtendWith(TestElastic.class)
class NearDuplicatesTest {

    private static final String STORY = "Sở Y tế tỉnh Lạng Sơn tổ chức hội nghị tổng kết công tác y tế năm 2019. Toàn tỉnh có 10,8 bác sĩ/vạn dân, "
        + "tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số. Ngành y tế tiếp tục nâng cao chất lượng khám chữa bệnh, củng cố mạng lưới "
        + "y tế cơ sở và đẩy mạnh chuyển đổi số trong quản lý hồ sơ sức khỏe điện tử của người dân trên địa bàn tỉnh.";

    @Test
    void copiesOnOtherSitesPointAtTheOriginalAcrossWriters() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(NearDuplicatesTest.class)) {
            String original = "https://baolangson.example/y-te/tong-ket.html";
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(article(original, STORY)));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));

            List<String> copies = new ArrayList<>();
            try (BulkIndexer bulk = new BulkIndexer(elastic); ExecutorService threads = Executors.newFixedThreadPool(8)) {
                ArticleWriter another = new ArticleWriter(elastic, bulk);
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String url = "https://site" + i + ".example/tin/" + i + ".html";
                    copies.add(url);
                    String text = STORY.replace("hội nghị", i % 2 == 0 ? "hội nghị" : "buổi hội nghị") + " (Nguồn: Báo Lạng Sơn)";
                    writes.add(threads.submit(() -> another.write(List.of(article(url, text)))));
                }
                String other = "https://yenbai.example/tin/mui-3.html";
                writes.add(threads.submit(() -> another.write(List.of(article(other,
                    "Đến ngày 10/5/2022, tỷ lệ người trên 18 tuổi ở Yên Bái được tiêm mũi 3 vắc xin phòng COVID-19 đạt 95,7%, cao hơn bình quân cả nước.")))));
                for (Future<?> w : writes) {
                    w.get();
                }
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            for (String copy : copies) {
                assertEquals(UrlNormalizer.id(original), duplicateOf(elastic, copy), copy);
            }
            assertNull(duplicateOf(elastic, "https://yenbai.example/tin/mui-3.html"));

            // A copy of a copy, found in the writer's table of articles written moments ago: still the original.
            String third = "https://site9.example/tin/9.html";
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                ArticleWriter writer = new ArticleWriter(elastic, bulk);
                writer.write(List.of(article("https://site8.example/tin/8.html", STORY + " (Nguồn: Báo Lạng Sơn)")));
                writer.write(List.of(article(third, STORY + " (Nguồn: Báo Lạng Sơn.)")));
            }
            assertEquals(UrlNormalizer.id(original), duplicateOf(elastic, third));
        }
    }

    /**
     * A batch written at once (an import) asks the index for its near-duplicates in one _msearch, not one round trip
     * per article; copies of an indexed original and of an earlier article of the same batch are still found.
     */
    @Test
    void aBatchLooksUpItsNearDuplicatesTogether() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(NearDuplicatesTest.class,
                Map.of("elasticsearch.indexPrefix", "t-nearduplicatesbatch")))) {
            String original = "https://baolangson.example/y-te/tong-ket.html";
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(article(original, STORY)));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            List<ArticleInput> batch = new ArrayList<>();
            java.util.Random random = new java.util.Random(7);
            String[] words = "tỉnh huyện xã trạm y tế bác sĩ bệnh viện tiêm chủng vắc xin bảo hiểm hộ nghèo nước sạch trường học điện đường lúa ngô cá rừng du lịch chợ cầu"
                .split(" ");
            for (int i = 0; i < 40; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 60; w++) {
                    body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
                }
                batch.add(article("https://other" + i + ".example/tin/" + i + ".html", body.toString()));
            }
            batch.add(article("https://copy.example/tin/a.html", STORY + " (Nguồn: Báo Lạng Sơn)"));
            String first = "https://news.example/tin/moi.html";
            String story = "Yên Bái: tỷ lệ người trên 18 tuổi được tiêm mũi 3 vắc xin phòng COVID-19 đạt 95,7%, cao hơn bình quân cả nước; "
                + "ngành y tế tỉnh tiếp tục tổ chức các điểm tiêm lưu động tại các xã vùng cao trong tháng tới. Sở Y tế đề nghị các huyện "
                + "rà soát danh sách người chưa tiêm, phối hợp với trạm y tế xã và các trường học để tiêm cho học sinh trước năm học mới. Người dân "
                + "có thể đăng ký tiêm qua ứng dụng sổ sức khỏe điện tử hoặc trực tiếp tại trạm y tế gần nhất trong giờ hành chính.";
            batch.add(article(first, story));
            batch.add(article("https://copy.example/tin/b.html", story + " (Nguồn: Báo)"));
            try (FlakyProxy proxy = new FlakyProxy(TestElastic.port(), 0, 503);
                 Elastic viaProxy = Elastic.open(TestElastic.config(NearDuplicatesTest.class, Map.of("elasticsearch.indexPrefix",
                     "t-nearduplicatesbatch", "elasticsearch.url", "http://127.0.0.1:" + proxy.port())));
                 BulkIndexer bulk = new BulkIndexer(viaProxy)) {
                new ArticleWriter(viaProxy, bulk).write(batch);
                assertEquals(1, proxy.multiSearches.get(), "near-duplicate lookups of a 43-article batch");
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            assertEquals(UrlNormalizer.id(original), duplicateOf(elastic, "https://copy.example/tin/a.html"));
            assertEquals(UrlNormalizer.id(first), duplicateOf(elastic, "https://copy.example/tin/b.html"));
            assertNull(duplicateOf(elastic, "https://other3.example/tin/3.html"));
        }
    }

    @Test
    void aCopyComesBackIntoViewWhenItsOriginalChangesToAnotherStory() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(NearDuplicatesTest.class,
                Map.of("elasticsearch.indexPrefix", "t-nearduplicatesstale")))) {
            String original = "https://baolangson.example/y-te/tong-ket.html";
            String copy = "https://site1.example/tin/1.html";
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(article(original, STORY)));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(article(copy, STORY + " (Nguồn: Báo Lạng Sơn)")));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            assertEquals(UrlNormalizer.id(original), duplicateOf(elastic, copy), "a copy, hidden behind its original");

            // The original's address now holds another story (the portal reused it): the copy is the only one left of the first.
            String other = "Đến ngày 10/5/2022, tỷ lệ người trên 18 tuổi ở Yên Bái được tiêm mũi 3 vắc xin phòng COVID-19 đạt 95,7%, cao hơn "
                + "bình quân cả nước; ngành y tế tỉnh tiếp tục tổ chức các điểm tiêm lưu động tại các xã vùng cao trong tháng tới.";
            try (BulkIndexer bulk = new BulkIndexer(elastic)) {
                new ArticleWriter(elastic, bulk).write(List.of(article(original, other)));
            }
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            assertNull(duplicateOf(elastic, copy), "the copy is no copy of anything live any more");
        }
    }

    /**
     * A load with refreshing off: the copy of an article written many more articles ago than the in-memory table holds
     * is still found, because a full table has the index take over the acknowledged entries. Without the hand-over the
     * original would have left the table unsearchable, and the copy would be taken for an original.
     */
    @Test
    void aCopyOfAnArticleWrittenLongBeforeInTheSameLoadIsFound() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(TestElastic.config(NearDuplicatesTest.class,
                Map.of("elasticsearch.indexPrefix", "t-nearduplicatesload")))) {
            String original = "https://baolangson.example/y-te/tong-ket.html";
            String copy = "https://copy.example/tin/late.html";
            try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
                 BulkIndexer bulk = new BulkIndexer(elastic)) {
                ArticleWriter writer = new ArticleWriter(elastic, bulk, 10);
                writer.write(List.of(article(original, STORY)));
                bulk.flush();
                Random random = new Random(11);
                String[] words = "tỉnh huyện xã trạm y tế bác sĩ bệnh viện tiêm chủng vắc xin bảo hiểm hộ nghèo nước sạch trường học điện đường lúa ngô"
                    .split(" ");
                for (int i = 0; i < 30; i++) {
                    StringBuilder body = new StringBuilder();
                    for (int w = 0; w < 60; w++) {
                        body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
                    }
                    writer.write(List.of(article("https://other" + i + ".example/tin/" + i + ".html", body.toString())));
                    bulk.flush(); // each acknowledged before the next, as in a steady import whose writes keep up
                }
                writer.write(List.of(article(copy, STORY + " (Nguồn: Báo Lạng Sơn)")));
            }
            assertEquals(UrlNormalizer.id(original), duplicateOf(elastic, copy));
        }
    }

    private static ArticleInput article(String url, String body) {
        return ArticleInput.of(url, "Tổng kết công tác y tế năm 2019", body).withProvince("Lạng Sơn").withSource("s")
            .withPublished("2020-01-27T08:00:00+07:00");
    }

    private static String duplicateOf(Elastic elastic, String url) throws Exception {
        Article doc = elastic.client().get(g -> g.index(elastic.names().articles()).id(UrlNormalizer.id(url)), Article.class).source();
        return doc == null ? null : doc.duplicateOf();
    }
}
