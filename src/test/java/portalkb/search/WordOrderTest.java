package portalkb.search;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user's words in their order rank an article above one that only holds them scattered, more often. */
@ExtendWith(TestElastic.class)
class WordOrderTest {

    private static Elastic elastic;

    @BeforeAll
    static void index() throws Exception {
        AppConfig config = TestElastic.config(WordOrderTest.class);
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(
                ArticleInput.of("https://laichau.example/tin/nhan-luc.html", "Hội nghị ngành",
                    "Tỉnh bàn giải pháp thu hút nhân lực y tế về tuyến xã trong năm tới."),
                ArticleInput.of("https://laichau.example/tin/rai-rac.html", "Hội nghị ngành",
                    "Nhân viên y tế xã làm việc. Lực lượng tế bào y học, nhân sự y khoa, tế nhị, nhân lực nông nghiệp; y tế tư nhân, "
                        + "nhân lực giáo dục và y tế dự phòng, nhân lực lao động, y tế thôn bản."),
                ArticleInput.of("https://laichau.example/tin/khac.html", "Tin khác", "Bản tin thời tiết trong tuần.")));
            bulk.flush();
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
    }

    @Test
    void theWordsInTheirOrderComeFirst() throws Exception {
        SearchResult result = new SearchService(elastic).search(
            new SearchRequest("nhân lực y tế", List.of(), List.of(), List.of(), null, null, List.of(), 1, 10, SearchRequest.Sort.RELEVANCE));
        assertEquals("https://laichau.example/tin/nhan-luc.html", result.hits().get(0).url(), result.hits().toString());
    }

    @Test
    void withoutDiacriticsToo() throws Exception {
        SearchResult result = new SearchService(elastic).search(
            new SearchRequest("nhan luc y te", List.of(), List.of(), List.of(), null, null, List.of(), 1, 10, SearchRequest.Sort.RELEVANCE));
        assertEquals("https://laichau.example/tin/nhan-luc.html", result.hits().get(0).url(), result.hits().toString());
    }
}
