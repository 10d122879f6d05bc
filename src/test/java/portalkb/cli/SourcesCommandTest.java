package portalkb.cli;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./kb sources check} through the real launcher, against stand-in sites on 127.0.0.1. */
class SourcesCommandTest {

    static StaticSiteServer healthy;
    static StaticSiteServer closed;
    static StaticSiteServer broken;
    static int deadPort;

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void start() throws IOException {
        healthy = new StaticSiteServer("/portalkb/crawl/check/healthy", 0);
        closed = new StaticSiteServer("/portalkb/crawl/check/closed", 0);
        broken = new StaticSiteServer("/portalkb/crawl/check/broken", 0);
        broken.handle("/tin-tuc/", SourcesCommandTest::serverError);
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

    private static Path sourcesFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("sources.yaml"), """
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
            """.formatted(healthy.baseUrl(), healthy.baseUrl(), closed.baseUrl(), broken.baseUrl(), deadPort));
    }

    private static Run kb(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("kb").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ES_") || k.startsWith("PORTALKB_"));
        pb.environment().put("PORTALKB_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("PORTALKB_DATA", dir.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    void reportsEachSourceAndFailsWhenAnyHasAProblem(@TempDir Path dir) throws Exception {
        Run run = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString());
        assertEquals(1, run.exit(), run.out());
        for (String id : new String[] {"healthy-news", "closed-portal", "broken-health", "gone-site"}) {
            assertTrue(run.out().contains(id), id + " missing: " + run.out());
        }
        // Four links of the listing are probed (checkProbes 5): the two articles, /xa-hoi/ and / (both 404 here).
        assertTrue(run.out().matches("(?s).*healthy-news +Lạng Sơn +yes +200 +found \\(HTTP 200\\) +allows +2 +2/4 +ok.*"), run.out());
        assertTrue(run.out().contains("closed-portal: " + closed.baseUrl() + "/tin/: robots.txt disallows it"), run.out());
        assertTrue(run.out().contains("broken-health: " + broken.baseUrl() + "/tin-tuc/: HTTP 500"), run.out());
        assertTrue(run.out().contains("healthy-news: " + healthy.baseUrl() + "/sitemap.xml " + healthy.baseUrl() + "/rss.xml"), run.out());
        assertTrue(run.out().contains("4 source(s): 1 ok, 3 with problems, 1 unreachable"), run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace: " + run.out());
    }

    @Test
    void offlineSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Run run = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString(), "--source", "gone-site");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("gone-site: http://127.0.0.1:" + deadPort + "/y-te/: unreachable"), run.out());
        assertTrue(run.out().contains("offline: none of the 1 source(s) answered"), run.out());
        assertFalse(run.out().contains("\tat "), "no stack trace: " + run.out());
    }

    @Test
    void badUsageAndUnknownSourcesAreOneLine(@TempDir Path dir) throws Exception {
        Run usage = kb(dir, "sources");
        assertEquals(2, usage.exit(), usage.out());
        assertTrue(usage.out().contains("usage: ./kb sources check [--source ID] [--sources FILE]"), usage.out());
        Run unknown = kb(dir, "sources", "check", "--sources", sourcesFile(dir).toString(), "--source", "nope");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.out().contains("no source 'nope'"), unknown.out());
        Run missing = kb(dir, "sources", "check", "--sources", dir.resolve("missing.yaml").toString());
        assertEquals(2, missing.exit(), missing.out());
        assertTrue(missing.out().contains("cannot read sources file"), missing.out());
        assertFalse((usage.out() + unknown.out() + missing.out()).contains("\tat "), "no stack trace");
    }

    private static void serverError(HttpExchange e) throws IOException {
        byte[] body = "<h1>Lỗi máy chủ</h1>".getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        e.sendResponseHeaders(500, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
        e.close();
    }
}
