package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.store.TestElastic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: a name that resolves to a public address when the crawler checks it and to an internal one
 * when it connects (after the host's politeness wait) must not reach the internal address. The crawl runs in
 * a child JVM whose name lookups come from a hosts file the test rewrites (portalkb.hostsFile, no JVM cache;
 * the JDK's jdk.net.hosts.file would switch the crawler's resolver off), with two sources: an
 * intranet one that fetches robots.txt from the name while it is internal (so robots rules are known), then a
 * public one whose seed is checked while the name is public and fetched after the name turned internal.
 * Kept-alive connections are off in the child, so the intranet source's connection is not reused.
 */
@ExtendWith(TestElastic.class)
class DnsRebindingTest {

    @Test
    @Timeout(120)
    void theCrawlerConnectsToTheAddressItChecked() throws Exception {
        Path hosts = Files.createTempFile("rebinding", ".hosts");
        Files.writeString(hosts, "127.0.0.1 rebind.test\n");
        try (TestSite site = new TestSite()) {
            int port = Integer.parseInt(site.base().replaceFirst(".*:", "").replace("/", ""));
            String base = "http://rebind.test:" + port;
            site.handle("/x.html", e -> {
                // The intranet source has what it came for: from now on the name answers with a public address.
                Files.writeString(hosts, "192.0.2.1 rebind.test\n");
                TestSite.send(e, 200, "text/html; charset=utf-8", TestSite.utf8(TestSite.article("Thông báo nội bộ", TestSite.report(2))));
            });
            site.page("/a.html", TestSite.article("Trang công khai", TestSite.report(2)));
            Path sources = Files.createTempFile("rebinding-sources", ".yaml");
            Files.writeString(sources, """
                sources:
                  - id: intranet
                    province: Lạng Sơn
                    delayMs: 10000
                    maxPages: 1
                    seeds: ["%1$s/x.html"]
                  - id: public
                    province: Lạng Sơn
                    delayMs: 10000
                    maxPages: 1
                    seeds: ["%1$s/a.html"]
                """.formatted(base));
            Path settings = Files.createTempFile("rebinding", ".yaml");
            Files.writeString(settings, "crawler:\n  connectTimeoutMs: 2000\n  maxRetries: 0\n  retryBackoffMs: 10\n");
            Process crawl = StateWriterTest.kb(Map.of("ES_URL", "http://127.0.0.1:" + TestElastic.port(), "PORTALKB_INDEX_PREFIX", "t-rebinding",
                "PORTALKB_DATA", TestElastic.dataDir().toString(), "PORTALKB_CONFIG", settings.toString(),
                "JAVA_TOOL_OPTIONS", "-Dportalkb.hostsFile=" + hosts + " -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0"
                    // No kept-alive connection from the intranet source's requests to carry over: each request connects.
                    + " -Djdk.httpclient.keepalive.timeout=0"),
                "crawl", "--sources", sources.toString(), "--no-embeddings");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!site.requests().contains("/x.html") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(site.requests().contains("/x.html"), "the intranet source was crawled: " + site.requests());
            // The public source checks its seed (public now) and waits out the host's 10 s delay; meanwhile the name turns internal.
            Thread.sleep(5_000);
            Files.writeString(hosts, "127.0.0.1 rebind.test\n");
            assertTrue(crawl.waitFor(60, TimeUnit.SECONDS), "the crawl ended");
            assertFalse(site.requests().contains("/a.html"), "the public source reached the internal address: " + site.requests());
        }
    }
}
