package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page fetched again replaces its live article only when it still looks like that article: a "not
 * found" or maintenance page served with 200, an emptied template, or another page's layout and text
 * keep the live version, and the refusal is recorded and shown. A replacement always removes what the
 * old version had beyond the new one, even when the crawl state has lost track of the article.
 */
@ExtendWith(TestElastic.class)
class OverwritePolicyTest {

    private static final String TITLE = "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số";

    private static TestSite site;
    private static AppConfig config;

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        config = TestElastic.config(OverwritePolicyTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    @Timeout(120)
    @SuppressWarnings("unchecked")
    void pagesThatNoLongerLookLikeTheArticleKeepTheLiveVersion() throws Exception {
        List<String> paths = List.of("/giu/a.html", "/giu/b.html", "/giu/c.html", "/giu/d.html", "/giu/e.html");
        site.page("/giu/", TestSite.listing("", "/giu/a.html", "/giu/b.html", "/giu/c.html", "/giu/d.html", "/giu/e.html", "/giu/moi.html"));
        for (int i = 0; i < paths.size(); i++) {
            site.page(paths.get(i), TestSite.article(TITLE + " (" + (i + 1) + ")", TestSite.report(4 + i)));
        }
        // A URL that answers "page not found" with 200 from its first fetch is not an article either.
        site.page("/giu/moi.html", TestSite.article("Không tìm thấy trang yêu cầu",
            "Trang bạn tìm không tồn tại hoặc đã bị xóa. Vui lòng quay lại trang chủ để xem các tin tức khác của cổng thông tin."));
        String yaml = Crawls.source("giu", List.of(site.url("/giu/")), List.of(), null);
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, yaml, Crawls.DUE);
            Map<String, Map<String, Object>> before = Crawls.articles(elastic);
            assertEquals(paths.stream().map(site::url).toList(), List.copyOf(before.keySet()), "the not-found page is not an article");

            site.page("/giu/a.html", TestSite.article("Không tìm thấy trang yêu cầu",
                "Trang bạn tìm không tồn tại hoặc đã bị xóa. Vui lòng quay lại trang chủ để xem các tin tức khác của cổng thông tin."));
            site.page("/giu/b.html", TestSite.article("Website is under maintenance",
                "We are performing scheduled maintenance. We will be back online shortly. Thank you for your patience."));
            // The template with its story emptied: the title is still there, the text is one line.
            site.page("/giu/c.html", TestSite.article(TITLE + " (3)", "Nội dung đang được cập nhật, mời bạn đọc quay lại sau ít phút nữa."));
            // Another page's layout and text at this address (a landing page), about as long as the article: no shrink, another template.
            site.page("/giu/d.html", """
                <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Chào mừng đến với cổng thông tin điện tử</title></head><body>
                <section id="gioi-thieu"><h1>Chào mừng đến với cổng thông tin điện tử</h1><article class="landing">
                %s</article></section></body></html>""".formatted(String.join("\n", Arrays.stream(TestSite.report(7))
                .map(p -> "<p>Giới thiệu chung về địa phương: lịch sử hình thành, văn hóa truyền thống, danh lam thắng cảnh, ẩm thực đặc sắc và "
                    + "con người hiếu khách; mời du khách gần xa đến tham quan, tìm hiểu và trải nghiệm mùa lễ hội với nhiều hoạt động văn hóa, "
                    + "thể thao sôi nổi (mục " + p.length() + ").</p>")
                .toList())));
            // A real edit: one figure corrected.
            String[] edited = TestSite.report(8);
            edited[0] = edited[0].replace("90,0%", "90,4%");
            site.page("/giu/e.html", TestSite.article(TITLE + " (5)", edited));
            List<SourceReport> reports = Crawls.run(elastic, config, yaml, Crawls.ALL);

            Map<String, Map<String, Object>> after = Crawls.articles(elastic);
            for (String path : List.of("/giu/a.html", "/giu/b.html", "/giu/c.html", "/giu/d.html")) {
                Map<String, Object> live = after.get(site.url(path));
                assertNotNull(live, path);
                assertEquals(before.get(site.url(path)).get("body"), live.get("body"), path + " kept its live version");
                UrlState state = Crawls.state(elastic, site.url(path));
                assertNotNull(state.refusal(), path + ": refusal recorded in the crawl state: " + state);
                String id = UrlNormalizer.id(site.url(path));
                assertTrue(Crawls.count(elastic, elastic.names().passages(), id) > 0, path + " passages kept");
            }
            assertTrue(((String) after.get(site.url("/giu/e.html")).get("body")).contains("90,4%"), "a real edit replaces the article");
            assertEquals(4, reports.get(0).refused.get(), Crawls.errors(reports));

            // Shown by /api/crawl/status (the service's rows) and ./kb status.
            Path sources = Files.createTempFile("overwrite-sources", ".yaml");
            Files.writeString(sources, yaml);
            try (CrawlService crawls = new CrawlService(elastic, config, sources, false)) {
                CrawlRun lastRun = crawls.status().get(0).lastRun();
                assertEquals(4, lastRun.refused(), lastRun.toString());
                assertTrue(lastRun.recentRefusals().toString().contains("/giu/c.html — kept the live version: the text shrank"), lastRun.toString());
            }
            String status = kbStatus(sources);
            assertTrue(status.contains("kept the live version") && status.contains("/giu/a.html"), status);
        }
    }

    @Test
    @Timeout(120)
    void aReplacementRemovesTheOldTailEvenWhenTheStateLostTrackOfTheArticle() throws Exception {
        site.page("/lau/", TestSite.listing("", "/lau/a.html"));
        site.page("/lau/a.html", TestSite.article(TITLE, TestSite.report(7)));
        String yaml = Crawls.source("lau", List.of(site.url("/lau/")), List.of(), null);
        String id = UrlNormalizer.id(site.url("/lau/a.html"));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, yaml, Crawls.DUE);
            long passagesBefore = Crawls.count(elastic, elastic.names().passages(), id);
            long factsBefore = Crawls.count(elastic, elastic.names().facts(), id);

            // The crawl state is lost (restored from an older snapshot, or the URL came from an import).
            deleteStates(elastic, "lau");
            site.page("/lau/a.html", TestSite.article(TITLE, TestSite.report(5)));
            Crawls.run(elastic, config, yaml, Crawls.DUE);

            Map<String, Object> article = Crawls.articles(elastic).get(site.url("/lau/a.html"));
            long passages = Crawls.count(elastic, elastic.names().passages(), id);
            long facts = Crawls.count(elastic, elastic.names().facts(), id);
            assertEquals(((Number) article.get("passageCount")).longValue(), passages, "passages of the old version left behind");
            assertEquals(((Number) article.get("factCount")).longValue(), facts, "facts of the old version left behind");
            assertTrue(passages < passagesBefore && facts < factsBefore, "the shorter version has fewer: " + passagesBefore + "/" + factsBefore);
            assertFalse(((String) article.get("body")).contains("đoạn 6"));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void deleteStates(Elastic elastic, String source) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
        SearchResponse<Map> states = elastic.client().search(s -> s.index(elastic.names().crawlState()).size(100)
            .query(q -> q.term(t -> t.field("source").value(source))), Map.class);
        for (Hit<Map> hit : states.hits().hits()) {
            elastic.client().delete(d -> d.index(elastic.names().crawlState()).id(hit.id()));
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
    }

    private static String kbStatus(Path sources) throws Exception {
        Process status = StateWriterTest.kb(Map.of("ES_URL", "http://127.0.0.1:" + TestElastic.port(),
            "PORTALKB_INDEX_PREFIX", config.elasticsearch().indexPrefix(), "PORTALKB_SOURCES", sources.toString(),
            "PORTALKB_DATA", TestElastic.dataDir().toString()), false, "status");
        String out = new String(status.getInputStream().readAllBytes());
        assertTrue(status.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
