package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crawls the fixture sites on 127.0.0.1 into the real test node and checks what was fetched and stored. */
@ExtendWith(TestElastic.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerTest {

    private static final Map<String, String> SETTINGS = Map.of(
        "crawler.maxPageBytes", "200000", "crawler.retryBackoffMs", "10", "crawler.maxRetries", "1",
        "crawler.threads", "3", "crawler.readTimeoutMs", "5000");
    private static final List<String> ARTICLES = List.of("/langson/y-te/tong-ket-2019.html", "/langson/y-te/suy-dinh-duong.html",
        "/backan/Pages/kham-chua-benh.aspx", "/backan/Pages/ban-tin-1258.aspx", "/backan/Pages/nfd.aspx",
        "/tanuyen/thong-bao/ket-luan-2022.html", "/yenbai/tin/mui-3.html", "/tonghop/bai/yen-bai-mui-3.html");

    private static FixtureSites sites;
    private static AppConfig config;
    private static Elastic elastic;
    private static Map<String, String> completeCrawl;

    @BeforeAll
    static void start() throws IOException {
        sites = new FixtureSites();
        config = TestElastic.config(CrawlerTest.class, SETTINGS);
        elastic = TestElastic.freshIndices(config);
    }

    @AfterAll
    static void stop() throws IOException {
        sites.close();
        elastic.close();
    }

    private static List<SourceReport> crawl(Elastic target, CrawlOptions options, CrawlListener listener) throws Exception {
        return new Crawler(target, config.crawler()).run(sites.sources(config.crawler()), options, listener);
    }

    @Test
    @Order(1)
    void firstCrawlStoresEachArticleOnceWithCleanTextAndRecordsEveryTrap() throws Exception {
        List<SourceReport> reports = crawl(elastic, CrawlOptions.DEFAULT, CrawlListener.NONE);

        List<String> requested = sites.server.requests();
        assertTrue(requested.contains("/robots.txt"), "robots.txt read first: " + requested);
        assertTrue(requested.stream().noneMatch(p -> p.startsWith("/langson/private/")), "disallowed area fetched: " + requested);
        assertTrue(requested.stream().noneMatch(p -> p.contains("utm_")), "tracking duplicates fetched: " + requested);

        Map<String, Map<String, Object>> articles = articles(elastic);
        assertEquals(ARTICLES.stream().map(sites::url).sorted().toList(), List.copyOf(new TreeMap<>(articles).keySet()));

        Map<String, Object> coverage = articles.get(sites.url("/langson/y-te/tong-ket-2019.html"));
        assertEquals("Lạng Sơn", coverage.get("province"), "province from the source: the text never names it");
        assertEquals("2020-01-27T08:15+07:00", coverage.get("published"));
        String body = (String) coverage.get("body");
        assertTrue(body.contains("tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%"), body);
        for (String boilerplate : List.of("Đường dây nóng", "Lượt xem", "16°C", "Tin liên quan", "Trẻ thấp còi giảm", "Báo Lạng Sơn —")) {
            assertFalse(body.contains(boilerplate), "boilerplate '" + boilerplate + "' kept in: " + body);
        }

        Map<String, Object> sharepoint = articles.get(sites.url("/backan/Pages/kham-chua-benh.aspx"));
        assertEquals("2019-04-26T10:22:19+07:00", sharepoint.get("published"));
        assertTrue(((String) sharepoint.get("body")).contains("136 cơ sở hành nghề y tư nhân"));
        assertFalse(((String) sharepoint.get("body")).contains("Skip Ribbon"));
        assertFalse(((String) sharepoint.get("body")).contains("Các tin khác"));

        Map<String, Object> legacy = articles.get(sites.url("/backan/Pages/ban-tin-1258.aspx"));
        assertEquals("Bản tin y tế cơ sở tháng 3", legacy.get("title"), "windows-1258 without any declaration → NFC");
        assertTrue(((String) legacy.get("body")).contains("98,6% dân số tham gia bảo hiểm y tế"));
        assertEquals("Tiêm chủng mở rộng tại các huyện vùng cao", articles.get(sites.url("/backan/Pages/nfd.aspx")).get("title"));

        Map<String, Object> district = articles.get(sites.url("/tanuyen/thong-bao/ket-luan-2022.html"));
        assertEquals("Lai Châu", district.get("province"));
        assertEquals("Tân Uyên", district.get("district"));
        assertEquals("2022-12-30T00:00+07:00", district.get("published"));

        Map<String, Object> portal = articles.get(sites.url("/yenbai/tin/mui-3.html"));
        assertEquals("2022-05-12T07:48:09+07:00", portal.get("published"));
        assertEquals("Lào Cai", portal.get("provinceToday"), "Yên Bái merged into Lào Cai in 2025");
        assertFalse(((String) portal.get("body")).contains("Xem cỡ chữ"));
        Map<String, Object> copy = articles.get(sites.url("/tonghop/bai/yen-bai-mui-3.html"));
        assertTrue(portal.get("id").equals(copy.get("duplicateOf")) || copy.get("id").equals(portal.get("duplicateOf")),
            "the syndicated copy is linked to the original");

        assertState("/langson/vong-lap-a", UrlState.Status.SKIPPED, "loop");
        assertState("/langson/da-xoa.html", UrlState.Status.ERROR, "404");
        assertState("/langson/loi-may-chu.html", UrlState.Status.FETCH_ERROR, "500");
        assertState("/langson/trang-rat-lon.html", UrlState.Status.SKIPPED, "bytes");
        UrlState pdf = assertState("/langson/files/bao-cao-2019.pdf", UrlState.Status.SKIPPED, "broken PDF"); // the fixture is a PDF header only
        assertEquals("pdf", pdf.kind());
        long errors = reports.stream().mapToLong(r -> r.errors.get()).sum();
        assertEquals(2, errors, "404 and 500 are the only errors");
        completeCrawl = snapshot(elastic);
    }

    @Test
    @Order(2)
    void recrawlSkipsUnchangedPagesAndKeepsHistoryOfEditedOnes() throws Exception {
        CrawlOptions again = new CrawlOptions(0, true, "test");
        List<SourceReport> second = crawl(elastic, again, CrawlListener.NONE);
        assertEquals(0, sum(second, r -> r.indexed.get() + r.changed.get()), "nothing new on an unchanged site");
        assertTrue(sum(second, r -> r.unchanged.get()) >= ARTICLES.size());

        sites.server.override("/langson/y-te/tong-ket-2019.html", new String(CrawlerTest.class.getResourceAsStream("/portalkb/crawl/sites/langson/y-te/tong-ket-2019.html").readAllBytes())
                .replace("97,9%", "98,1%"));
        List<SourceReport> third = crawl(elastic, again, CrawlListener.NONE);
        assertEquals(1, sum(third, r -> r.changed.get()));
        String id = UrlNormalizer.id(sites.url("/langson/y-te/tong-ket-2019.html"));
        var history = elastic.client().count(c -> c.index(elastic.names().history()).query(q -> q.term(t -> t.field("articleId").value(id))));
        assertEquals(1, history.count());
        SearchResponse<Map> facts = elastic.client().search(s -> s.index(elastic.names().facts()).size(50)
            .query(q -> q.term(t -> t.field("articleId").value(id))), Map.class);
        List<Double> values = facts.hits().hits().stream().map(h -> ((Number) h.source().get("value")).doubleValue()).toList();
        assertTrue(values.contains(98.1) && !values.contains(97.9), "facts replaced: " + values);
    }

    @Test
    @Order(3)
    void aCrawlStoppedMidwayAndRestartedEndsWithTheSameIndex() throws Exception {
        AppConfig other = TestElastic.config(CrawlerTest.class, merged("elasticsearch.indexPrefix", "t-crawl-resume"));
        try (Elastic resumed = TestElastic.freshIndices(other)) {
            sites.server.override("/langson/y-te/tong-ket-2019.html",
                new String(CrawlerTest.class.getResourceAsStream("/portalkb/crawl/sites/langson/y-te/tong-ket-2019.html").readAllBytes()));
            Crawler crawler = new Crawler(resumed, other.crawler());
            AtomicInteger pages = new AtomicInteger();
            List<SourceReport> partial = crawler.run(sites.sources(other.crawler()), CrawlOptions.DEFAULT, new CrawlListener() {
                @Override
                public void page(SourceReport report) {
                    if (pages.incrementAndGet() == 4) {
                        crawler.stop();
                    }
                }
            });
            assertEquals("stopped", partial.get(partial.size() - 1).status());
            assertTrue(snapshot(resumed).size() < completeCrawl.size(), "stopped before the end");
            new Crawler(resumed, other.crawler()).run(sites.sources(other.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE);
            assertEquals(completeCrawl, snapshot(resumed));
        }
    }

    private static Map<String, String> merged(String key, String value) {
        Map<String, String> m = new HashMap<>(SETTINGS);
        m.put(key, value);
        return m;
    }

    private static long sum(List<SourceReport> reports, java.util.function.ToLongFunction<SourceReport> f) {
        return reports.stream().mapToLong(f).sum();
    }

    private UrlState assertState(String path, UrlState.Status status, String errorPart) throws IOException {
        var got = elastic.client().get(g -> g.index(elastic.names().crawlState()).id(UrlNormalizer.id(sites.url(path))), UrlState.class);
        assertTrue(got.found(), "no crawl state for " + path);
        UrlState s = got.source();
        assertEquals(status, s.status(), path + ": " + s);
        assertNotNull(s.error(), path);
        assertTrue(s.error().contains(errorPart), path + ": " + s.error());
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> articles(Elastic target) throws IOException {
        SearchResponse<Map> response = target.client().search(s -> s.index(target.names().articles()).size(100), Map.class);
        Map<String, Map<String, Object>> byUrl = new HashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            assertNull(byUrl.put((String) hit.source().get("url"), hit.source()), "stored twice: " + hit.source().get("url"));
        }
        return byUrl;
    }

    private static Map<String, String> snapshot(Elastic target) throws IOException {
        Map<String, String> out = new TreeMap<>();
        articles(target).forEach((url, doc) -> out.put(url.replaceFirst("^http://127.0.0.1:\\d+", ""), (String) doc.get("contentHash")));
        return out;
    }
}
