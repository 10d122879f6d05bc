package portalkb.store;

import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.search.SearchRequest;
import portalkb.search.SearchResult;
import portalkb.search.SearchService;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Documents stored by older builds or by other tools may hold a list where one value is now expected (an imported
 * {@code "author": ["A", "B"]} once went through) or one value where a list is: they must still be read, not turn
 * every search that finds them into an error.
 */
@ExtendWith(TestElastic.class)
class StoredShapesTest {

    private static Elastic elastic;
    private static final String ID = "odd-shapes";

    @BeforeAll
    static void storeAnOddlyShapedArticle() throws Exception {
        AppConfig config = TestElastic.config(StoredShapesTest.class);
        elastic = TestElastic.freshIndices(config);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", ID);
        doc.put("url", "https://laichau.example/tin/dan-so.html");
        doc.put("fetchedAt", List.of("2024-01-01", "2024-02-01"));
        doc.put("changedAt", List.of());
        doc.put("title", List.of("Tân Uyên", "dân số"));
        doc.put("body", "Huyện Tân Uyên có 12 trạm y tế xã đạt chuẩn quốc gia.");
        doc.put("author", List.of("Minh Anh", "Thu Hà"));
        doc.put("year", List.of(2024, 2023));
        doc.put("mentions", "Lai Châu");
        doc.put("reportYears", 2024);
        doc.put("linkedFrom", Map.of("url", "https://laichau.example/tin/tong-hop.html", "title", "Tổng hợp"));
        doc.put("pages", "12");
        elastic.client().index(i -> i.index(elastic.names().articles()).id(ID).document(doc).refresh(Refresh.True));
    }

    @Test
    void aListWhereOneValueIsExpectedIsReadAsItsFirstValue() throws Exception {
        Article article = elastic.client().get(g -> g.index(elastic.names().articles()).id(ID), Article.class).source();
        assertEquals("Minh Anh", article.author());
        assertEquals("Tân Uyên", article.title());
        assertEquals(2024, article.year());
        assertEquals(List.of("Lai Châu"), article.mentions());
        assertEquals(List.of(2024), article.reportYears());
        assertEquals(Instant.parse("2023-12-31T17:00:00Z"), article.fetchedAt());
    }

    @Test
    void oneValueWhereAListIsExpectedIsReadAsAListOfOne() throws Exception {
        Article article = elastic.client().get(g -> g.index(elastic.names().articles()).id(ID), Article.class).source();
        assertEquals(List.of(new Article.Link("https://laichau.example/tin/tong-hop.html", "Tổng hợp", null)), article.linkedFrom());
        assertEquals(12, article.pages());
    }

    @Test
    void aSearchThatFindsSuchAnArticleAnswers() throws Exception {
        SearchResult result = new SearchService(elastic).search(
            new SearchRequest("trạm y tế", List.of(), List.of(), List.of(), null, null, List.of(), 1, 10, SearchRequest.Sort.RELEVANCE));
        assertEquals(1, result.total());
        assertEquals("https://laichau.example/tin/dan-so.html", result.hits().get(0).url());
    }
}
