package portalkb.crawl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sites that would keep a crawler busy or blow it up: a gzip bomb served as a sitemap, a sitemap index
 * that points at another forever, endless "next page" links, a sitemap of 30,000 URLs. Each is bounded
 * by a limit of defaults.yaml, recorded, and the rest of the site is crawled.
 */
@ExtendWith(TestElastic.class)
class CrawlTrapsTest {

    private static TestSite site;
    private static AppConfig config;

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        config = TestElastic.config(CrawlTrapsTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    @Timeout(120)
    void aGzipBombServedAsASitemapIsRefusedAndTheCrawlGoesOn() throws Exception {
        // ~1.6 MB on the wire, 1.6 GB inflated: one <loc> that never ends, behind a type crawler-commons does not know.
        byte[] bomb = gzipBomb("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
            + site.url("/bomb/"), 100);
        site.respond("/bomb/sitemap", 200, "application/vnd.sitemap+xml", bomb);
        site.page("/bomb/", TestSite.listing("", "/bomb/tin.html"));
        site.page("/bomb/tin.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            List<SourceReport> reports = Crawls.run(elastic, config,
                Crawls.source("bomb", List.of(site.url("/bomb/"), site.url("/bomb/sitemap")), List.of(), null), Crawls.DUE);
            UrlState sitemap = Crawls.state(elastic, site.url("/bomb/sitemap"));
            assertNotNull(sitemap);
            assertTrue(sitemap.status() == UrlState.Status.ERROR || sitemap.status() == UrlState.Status.SKIPPED, sitemap.toString());
            assertTrue(sitemap.error() != null && sitemap.error().contains("bytes"), sitemap.toString());
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/bomb/tin.html")), Crawls.errors(reports));
            assertTrue(Crawls.errors(reports).contains("bytes"), Crawls.errors(reports));
            assertEquals("done", reports.get(0).status());
        }
    }

    @Test
    @Timeout(120)
    void aSitemapIndexChainStopsAtTheSitemapDepth() throws Exception {
        site.handle("/chain/", e -> {
            int n = Integer.parseInt(e.getRequestURI().getPath().replaceAll("\\D", ""));
            TestSite.send(e, 200, "application/xml", TestSite.utf8("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + site.url("/chain/" + (n + 1) + ".xml") + "</loc></sitemap></sitemapindex>"));
        });
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, Crawls.source("chain", List.of(site.url("/chain/0.xml")), List.of(), "maxPages: 60"), Crawls.DUE);
            long fetched = site.requestsUnder("/chain/");
            assertTrue(fetched <= 1 + config.crawler().maxSitemapDepth(), "sitemap indexes fetched: " + fetched);
            UrlState beyond = Crawls.state(elastic, site.url("/chain/" + (config.crawler().maxSitemapDepth() + 1) + ".xml"));
            assertNotNull(beyond, "the refused sitemap is recorded");
            assertEquals(UrlState.Status.SKIPPED, beyond.status());
            assertTrue(beyond.error().contains("sitemap depth"), beyond.toString());
        }
    }

    @Test
    @Timeout(120)
    void endlessNextPagesStopAtThePaginationDepth() throws Exception {
        site.handle("/trang/", e -> {
            String q = e.getRequestURI().getQuery();
            int n = q == null ? 1 : Integer.parseInt(q.replaceAll("\\D", ""));
            TestSite.send(e, 200, "text/html; charset=utf-8", TestSite.utf8(TestSite.listing(
                "<div class=\"paging\"><a rel=\"next\" href=\"/trang/?p=" + (n + 1) + "\">Trang sau</a></div>", "/trang/bai-" + n + ".html")));
        });
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, Crawls.source("trang", List.of(site.url("/trang/?p=1")), List.of(), "maxPages: 150\nmaxDepth: 0"), Crawls.DUE);
            long listings = site.requests().stream().filter(p -> p.startsWith("/trang/?")).count();
            assertTrue(listings <= 1 + config.crawler().maxPaginationDepth(), "listing pages fetched: " + listings);
            UrlState beyond = Crawls.state(elastic, site.url("/trang/?p=" + (config.crawler().maxPaginationDepth() + 2)));
            assertNotNull(beyond, "the refused next page is recorded");
            assertEquals(UrlState.Status.SKIPPED, beyond.status());
            assertTrue(beyond.error().contains("pagination depth"), beyond.toString());
        }
    }

    @Test
    @Timeout(180)
    void sitemapsBeyondTheDepthAreRecordedWithinTheDiscoveryLimit() throws Exception {
        // An index one level below the seed lists 3,000 more indexes: every one is beyond crawler.maxSitemapDepth 1.
        String indexes = IntStream.range(0, 3_000).mapToObj(i -> "<sitemap><loc>" + site.url("/sau/idx-" + i + ".xml") + "</loc></sitemap>")
            .collect(Collectors.joining("\n"));
        site.respond("/sau/1.xml", 200, "application/xml", TestSite.utf8("<?xml version=\"1.0\"?>"
            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + indexes + "</sitemapindex>"));
        site.respond("/sau/0.xml", 200, "application/xml", TestSite.utf8("<?xml version=\"1.0\"?>"
            + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" + site.url("/sau/1.xml") + "</loc></sitemap></sitemapindex>"));
        AppConfig small = TestElastic.config(CrawlTrapsTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0",
            "crawler.maxSitemapDepth", "1", "crawler.maxDiscoveredPerRun", "100"));
        try (Elastic elastic = TestElastic.freshIndices(small)) {
            List<SourceReport> reports = Crawls.run(elastic, small, Crawls.source("sau", List.of(site.url("/sau/0.xml")), List.of(), null), Crawls.DUE);
            long known = Crawls.states(elastic, "sau");
            assertTrue(known <= 1 + small.crawler().maxDiscoveredPerRun(), "URLs recorded in one run: " + known);
            assertTrue(Crawls.errors(reports).contains("discovered"), Crawls.errors(reports));
        }
    }

    @Test
    @Timeout(180)
    void aRunLoadsAtMostTheKnownUrlLimitDueSoonestFirst() throws Exception {
        String[] links = IntStream.range(0, 30).mapToObj(i -> "/biet/tin-" + i + ".html").toArray(String[]::new);
        site.page("/biet/", TestSite.listing("", links));
        for (String link : links) {
            site.page(link, TestSite.article("Tin y tế " + link, TestSite.report(1)));
        }
        AppConfig small = TestElastic.config(CrawlTrapsTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0",
            "crawler.maxKnownUrls", "10"));
        try (Elastic elastic = TestElastic.freshIndices(small)) {
            String yaml = Crawls.source("biet", List.of(site.url("/biet/")), List.of(), "maxPages: 5");
            Crawls.run(elastic, small, yaml, Crawls.DUE);
            List<SourceReport> second = Crawls.run(elastic, small, yaml, Crawls.DUE);
            assertTrue(Crawls.errors(second).contains("known URL limit"), Crawls.errors(second));
            assertTrue(second.get(0).fetched.get() > 0, "the due URLs it loaded were fetched");
        }
    }

    @Test
    @Timeout(180)
    void aHugeSitemapQueuesAtMostTheDiscoveryLimit() throws Exception {
        String entries = IntStream.range(0, 30_000).mapToObj(i -> "<url><loc>" + site.url("/lon/tin-" + i + ".html") + "</loc></url>")
            .collect(Collectors.joining("\n"));
        site.respond("/lon/sitemap.xml", 200, "application/xml", TestSite.utf8("<?xml version=\"1.0\"?>"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + entries + "</urlset>"));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            List<SourceReport> reports = Crawls.run(elastic, config,
                Crawls.source("lon", List.of(site.url("/lon/sitemap.xml")), List.of(), "maxPages: 5"), Crawls.DUE);
            long known = Crawls.states(elastic, "lon");
            assertTrue(known <= 1 + config.crawler().maxDiscoveredPerRun(), "URLs recorded in one run: " + known);
            assertTrue(Crawls.errors(reports).contains("discovered"), Crawls.errors(reports));
        }
    }

    @Test
    @Timeout(90)
    void aPageNestedHundredsOfThousandsDeepIsRefusedNotWorkedOnForHours() throws Exception {
        // 600 KB of <div>: well under the size cap, yet main-content extraction would walk it quadratically.
        site.page("/sau/", TestSite.listing("", "/sau/long-ghep.html", "/sau/tin.html"));
        site.page("/sau/long-ghep.html", "<html><head><title>Trang lồng ghép rất sâu của cổng</title></head><body>"
            + "<div>".repeat(120_000) + "<p>Nội dung nằm ở tận cùng của một trăm hai mươi nghìn thẻ div lồng nhau.</p></body></html>");
        site.page("/sau/tin.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            List<SourceReport> reports = Crawls.run(elastic, config, Crawls.source("sau", List.of(site.url("/sau/")), List.of(), null), Crawls.DUE);
            UrlState deep = Crawls.state(elastic, site.url("/sau/long-ghep.html"));
            assertEquals(UrlState.Status.ERROR, deep.status(), deep.toString());
            assertTrue(deep.error().contains("nested"), deep.toString());
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/sau/tin.html")), Crawls.errors(reports));
        }
    }

    /** A gzip stream of many members: the head, then {@code members} × 16 MB of one letter (gzip readers read every member). */
    static byte[] gzipBomb(String head, int members) throws IOException {
        byte[] letters = new byte[16 << 20];
        Arrays.fill(letters, (byte) 'a');
        byte[] member = gzip(letters);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gzip(TestSite.utf8(head)));
        for (int i = 0; i < members; i++) {
            out.writeBytes(member);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
