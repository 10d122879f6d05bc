package portalkb.crawl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;

import java.io.IOException;
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

    static CheckSites sites;
    static final AppConfig.Crawler SETTINGS = ConfigLoader.load(null, Map.of(), Map.of("crawler.checkProbes", "2")).crawler();

    @BeforeAll
    static void start() throws IOException {
        sites = new CheckSites();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    @BeforeEach
    void forget() {
        sites.clearRequests();
    }

    private static SourceCheck.Result check(String id) throws InterruptedException {
        Source source = SourcesFile.parse(sites.sourcesYaml(), "check.yaml", SETTINGS).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
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
        assertEquals(List.of(sites.healthy.baseUrl() + "/sitemap.xml", sites.healthy.baseUrl() + "/rss.xml"), r.feeds(),
            "the robots.txt sitemap, the RSS seed (also announced by the listing) — each once");
        assertEquals(List.of("listing", "feed"), r.seeds().stream().map(SourceCheck.Seed::kind).toList());
        assertEquals(2, r.probed());
        assertEquals(2, r.articles(), "both probed links of the listing read as articles");
        // Once and politely: robots.txt, each seed and each probed article exactly once; nothing robots.txt forbids.
        List<String> asked = sites.healthy.requests();
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
        assertEquals(List.of("/robots.txt"), sites.closed.requests(), "the seed itself is not fetched");
    }

    @Test
    void aServerErrorIsReportedWithItsStatusAndAskedOnce() throws Exception {
        SourceCheck.Result r = check("broken-health");
        assertTrue(r.reachable());
        assertEquals(500, r.status());
        assertEquals("none (HTTP 404)", r.robots());
        assertTrue(r.problem().contains("HTTP 500"), r.problem());
        assertEquals(List.of("/robots.txt", "/tin-tuc/"), sites.broken.requests(), "no retries: one request per address");
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
}
