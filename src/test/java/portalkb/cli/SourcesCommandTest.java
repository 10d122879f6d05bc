package portalkb.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import portalkb.crawl.CheckSites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./kb sources check} through the real launcher, against stand-in sites on 127.0.0.1. */
class SourcesCommandTest {

    static CheckSites sites;

    @BeforeAll
    static void start() throws IOException {
        sites = new CheckSites();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    private static Path sourcesFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("sources.yaml"), sites.sourcesYaml());
    }

    private static LauncherTest.Run kb(Path dir, String... args) throws Exception {
        return LauncherTest.kb(Map.of("PORTALKB_DATA", dir.resolve("data").toString()), args);
    }

    @Test
    void reportsEachSourceAndFailsWhenAnyHasAProblem(@TempDir Path dir) throws Exception {
        LauncherTest.Run run = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString());
        assertEquals(1, run.exit(), run.out());
        for (String id : new String[] {"healthy-news", "closed-portal", "broken-health", "gone-site"}) {
            assertTrue(run.out().contains(id), id + " missing: " + run.out());
        }
        // Four links of the listing are probed (checkProbes 5): the two articles, /xa-hoi/ and / (both 404 here).
        assertTrue(run.out().matches("(?s).*healthy-news +Lạng Sơn +yes +200 +found \\(HTTP 200\\) +allows +2 +2/4 +ok.*"), run.out());
        assertTrue(run.out().contains("closed-portal: " + sites.closed.baseUrl() + "/tin/: robots.txt disallows it"), run.out());
        assertTrue(run.out().contains("broken-health: " + sites.broken.baseUrl() + "/tin-tuc/: HTTP 500"), run.out());
        assertTrue(run.out().contains("healthy-news: " + sites.healthy.baseUrl() + "/sitemap.xml " + sites.healthy.baseUrl() + "/rss.xml"), run.out());
        assertTrue(run.out().contains("4 source(s): 1 ok, 3 with problems, 1 unreachable"), run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace: " + run.out());
    }

    @Test
    void aNationalSourceIsCheckedLikeTheOthers(@TempDir Path dir) throws Exception {
        String yaml = sites.sourcesYaml().replaceFirst("(?s)- id: healthy-news\n(\\s+)province: Lạng Sơn\n", "- id: national-news\n$1scope: national\n");
        Path file = Files.writeString(dir.resolve("sources.yaml"), yaml);
        LauncherTest.Run run = kb(dir, "sources", "check", "--sources", file.toString(), "--source", "national-news");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().matches("(?s).*source +covers +reachable.*"), run.out());
        assertTrue(run.out().matches("(?s).*national-news +national +yes +200 +found \\(HTTP 200\\) +allows +2 +2/4 +ok.*"), run.out());
    }

    @Test
    void offlineSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        LauncherTest.Run run = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString(), "--source", "gone-site");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("gone-site: http://127.0.0.1:" + sites.deadPort + "/y-te/: unreachable"), run.out());
        assertTrue(run.out().contains("offline: none of the 1 source(s) answered"), run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace: " + run.out());
    }

    @Test
    void badUsageAndUnknownSourcesAreOneLine(@TempDir Path dir) throws Exception {
        LauncherTest.Run usage = kb(dir, "sources");
        assertEquals(2, usage.exit(), usage.out());
        assertTrue(usage.out().contains("usage: ./kb sources check [--source ID] [--sources FILE]"), usage.out());
        LauncherTest.Run unknown = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString(), "--source", "nope");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.out().contains("no source 'nope'"), unknown.out());
        LauncherTest.Run missing = kb(dir, "sources", "check", "--sources", dir.resolve("missing.yaml").toString());
        assertEquals(2, missing.exit(), missing.out());
        assertTrue(missing.out().contains("cannot read sources file"), missing.out());
        assertFalse((usage.out() + unknown.out() + missing.out()).contains("\tat "), "no stack trace");
    }
}
