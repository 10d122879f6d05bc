package portalkb.crawl;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crawler fetches only what its source is about: robots.txt redirects, allow patterns and resolved
 * addresses cannot walk it into another service on the same machine or network (SSRF); a robots.txt
 * served with an odd content type is still read.
 */
@ExtendWith(TestElastic.class)
class CrawlScopeTest {

    private static TestSite site;
    /** Another service on the same machine, which no source should reach. */
    private static TestSite internal;
    private static AppConfig config;

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        internal = new TestSite();
        internal.page("/admin/", TestSite.article("Trang quản trị nội bộ của máy chủ", TestSite.report(2)));
        internal.page("/robots.txt", "User-agent: *\nAllow: /\n");
        config = TestElastic.config(CrawlScopeTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0",
            "crawler.connectTimeoutMs", "1000", "crawler.readTimeoutMs", "2000"));
    }

    @AfterAll
    static void stop() {
        site.close();
        internal.close();
    }

    @Test
    @Timeout(60)
    void aRobotsTxtRedirectToAnotherServiceIsNotFollowed() throws Exception {
        TestSite other = new TestSite();
        try (other; Elastic elastic = TestElastic.freshIndices(config)) {
            other.redirect("/robots.txt", 302, internal.url("/admin/?from=robots"));
            other.page("/tin/", TestSite.listing("", "/tin/a.html"));
            other.page("/tin/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(2)));
            internal.server.clearRequests();
            Crawls.run(elastic, config, Crawls.source("robots-redirect", List.of(other.url("/tin/")), List.of(), null), Crawls.DUE);
            assertEquals(List.of(), internal.requests(), "requests that reached the internal service");
            assertTrue(Crawls.articles(elastic).containsKey(other.url("/tin/a.html")), "the site itself is crawled");
        }
    }

    @Test
    @Timeout(60)
    void allowPatternsMatchFromTheStartOfTheUrl() throws Exception {
        String allowed = Pattern.quote(site.base()) + "/mo-rong/";
        String smuggled = internal.url("/admin/?next=" + site.base() + "/mo-rong/");
        site.page("/mo-rong/", TestSite.listing("", smuggled, "/mo-rong/a.html"));
        site.page("/mo-rong/a.html", TestSite.article("Tiêm chủng mở rộng tại các huyện vùng cao", TestSite.report(2)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            internal.server.clearRequests();
            Crawls.run(elastic, config, Crawls.source("unanchored", List.of(site.url("/mo-rong/")), List.of(allowed), null), Crawls.DUE);
            assertEquals(List.of(), internal.requests(), "requests that reached the internal service");
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/mo-rong/a.html")));
        }
    }

    @Test
    @Timeout(60)
    void aPublicSourceNeverFetchesLoopbackOrPrivateAddresses() throws Exception {
        // A source on a public address (TEST-NET: nothing answers) that allows everything, with an internal URL
        // in its state (an imported or injected URL): the address is refused, recorded, never requested.
        String publicSeed = "http://192.0.2.1/tin/";
        String target = internal.url("/admin/");
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Instant now = Instant.now();
            elastic.client().index(i -> i.index(elastic.names().crawlState()).id(UrlNormalizer.id(target))
                .document(UrlState.discovered(target, "public", 1, "page", now)).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            internal.server.clearRequests();
            Crawls.run(elastic, config, Crawls.source("public", List.of(publicSeed), List.of("^http"), null), Crawls.DUE);
            assertEquals(List.of(), internal.requests(), "requests that reached the internal service");
            UrlState refused = Crawls.state(elastic, target);
            assertNotNull(refused);
            assertEquals(UrlState.Status.SKIPPED, refused.status(), refused.toString());
            assertTrue(refused.error().contains("private") || refused.error().contains("loopback"), refused.toString());
        }
    }

    @Test
    @Timeout(60)
    void aRobotsTxtWithAnUnexpectedContentTypeIsStillObeyed() throws Exception {
        TestSite odd = new TestSite();
        try (odd; Elastic elastic = TestElastic.freshIndices(config)) {
            odd.respond("/robots.txt", 200, "application/octet-stream", TestSite.utf8("User-agent: *\nDisallow: /tin/rieng/\n"));
            odd.page("/tin/", TestSite.listing("", "/tin/a.html", "/tin/b.html", "/tin/rieng/c.html"));
            odd.page("/tin/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(2)));
            odd.page("/tin/b.html", TestSite.article("Trẻ thấp còi giảm ở các xã vùng cao của tỉnh", TestSite.report(3)));
            odd.page("/tin/rieng/c.html", TestSite.article("Tài liệu nội bộ không được thu thập", TestSite.report(2)));
            List<SourceReport> reports = Crawls.run(elastic, config, Crawls.source("odd-robots", List.of(odd.url("/tin/")), List.of(), null), Crawls.DUE);
            assertEquals(List.of(odd.url("/tin/a.html"), odd.url("/tin/b.html")), List.copyOf(Crawls.articles(elastic).keySet()), Crawls.errors(reports));
            assertEquals(1, odd.requests().stream().filter(p -> p.equals("/robots.txt")).count(), "robots.txt read once");
            assertEquals(0, odd.requestsUnder("/tin/rieng/"));
        }
    }
}
