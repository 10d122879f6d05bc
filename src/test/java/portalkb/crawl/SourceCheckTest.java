package portalkb.crawl;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SourceCheck} against sites on 127.0.0.1 standing in for real ones: a healthy newspaper with RSS
 * and a sitemap, a site whose robots.txt forbids everything, one answering 500, and a closed port.
 */
class SourceCheckTest {

    static StaticSiteServer healthy;
    static StaticSiteServer closed;
    static StaticSiteServer broken;
    static int deadPort;
    static final AppConfig.Crawler SETTINGS = ConfigLoader.load(null, Map.of(), Map.of("crawler.checkProbes", "2")).crawler();

    @BeforeAll
    static void start() throws IOException {
        healthy = new StaticSiteServer("/portalkb/crawl/check/healthy", 0);
        closed = new StaticSiteServer("/portalkb/crawl/check/closed", 0);
        broken = new StaticSiteServer("/portalkb/crawl/check/broken", 0);
        broken.handle("/tin-tuc/", e -> send(e, 500, "<h1>Lỗi máy chủ</h1>"));
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        healthy.close();
        closed.close();
        broken.close();
    }

    @BeforeEach
    void forget() {
        healthy.clearRequests();
        closed.clearRequests();
        broken.clearRequests();
    }

    static String sourcesYaml() {
        return """
            sources:
              - id: healthy-news
                province: Lạng Sơn
                seeds: [%s/suc-khoe/, %s/rss.xml]
                delayMs: 0
              - id: closed-portal
                province: Bắc Kạn
                seeds: [%s/tin/]
                delayMs: 0
              - id: broken-health
                province: Yên Bái
                seeds: [%s/tin-tuc/]
                delayMs: 0
              - id: gone-site
                province: Lai Châu
                seeds: [http://127.0.0.1:%d/y-te/]
                delayMs: 0
            """.formatted(healthy.baseUrl(), healthy.baseUrl(), closed.baseUrl(), broken.baseUrl(), deadPort);
    }

    private static SourceCheck.Result check(String id) throws InterruptedException {
        Source source = SourcesFile.parse(sourcesYaml(), "check.yaml", SETTINGS).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        return new SourceCheck(SETTINGS).check(source);
    }

    @Test
    void aHealthySiteShowsItsFeedsSitemapsAndArticles() throws Exception {
        SourceCheck.Result r = check("healthy-news");
        assertTrue(r.ok(), "no problem expected: " + r.problem());
        assertTrue(r.reachable());
        assertEquals(200, r.status());
        assertEquals("found (HTTP 200)", r.robots());
        assertTrue(r.robotsAllowed());
        assertEquals(List.of(healthy.baseUrl() + "/sitemap.xml", healthy.baseUrl() + "/rss.xml"), r.feeds(),
            "the robots.txt sitemap, the RSS seed (also announced by the listing) — each once");
        assertEquals(List.of("listing", "feed"), r.seeds().stream().map(SourceCheck.Seed::kind).toList());
        assertEquals(2, r.probed());
        assertEquals(2, r.articles(), "both probed links of the listing read as articles");
        // Once and politely: robots.txt, each seed and each probed article exactly once; nothing robots.txt forbids.
        List<String> asked = healthy.requests();
        assertEquals(List.of("/robots.txt", "/suc-khoe/", "/rss.xml", "/suc-khoe/bao-hiem-y-te-dat-95-phan-tram-1202.html",
            "/suc-khoe/tiem-chung-mo-rong-2024-1201.html"), asked);
    }

    @Test
    void robotsTxtThatForbidsEverythingIsReportedAndObeyed() throws Exception {
        SourceCheck.Result r = check("closed-portal");
        assertTrue(r.reachable());
        assertFalse(r.robotsAllowed());
        assertFalse(r.ok());
        assertTrue(r.problem().contains("robots.txt disallows"), r.problem());
        assertEquals(List.of("/robots.txt"), closed.requests(), "the seed itself is not fetched");
    }

    @Test
    void aServerErrorIsReportedWithItsStatusAndAskedOnce() throws Exception {
        SourceCheck.Result r = check("broken-health");
        assertTrue(r.reachable());
        assertEquals(500, r.status());
        assertEquals("none (HTTP 404)", r.robots());
        assertTrue(r.problem().contains("HTTP 500"), r.problem());
        assertEquals(List.of("/robots.txt", "/tin-tuc/"), broken.requests(), "no retries: one request per address");
    }

    @Test
    void anUnreachableSiteSaysSo() throws Exception {
        SourceCheck.Result r = check("gone-site");
        assertFalse(r.reachable());
        assertEquals(0, r.status());
        assertEquals("unreachable", r.robots());
        assertTrue(r.problem().contains("unreachable"), r.problem());
        assertEquals(0, r.probed());
    }

    static void send(HttpExchange e, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
        e.close();
    }
}
