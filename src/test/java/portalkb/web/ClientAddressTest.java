package portalkb.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.crawl.CrawlService;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Behind a reverse proxy every request comes from the proxy: allowances and the admin lockout are kept per
 * client as the trusted proxy names it (X-Forwarded-For), per /64 for IPv6, and the header is ignored from
 * any peer not on server.trustedProxies (else anyone could name a fresh client per request).
 */
@ExtendWith(TestElastic.class)
class ClientAddressTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Elastic elastic;
    private static Javalin proxied;
    private static Javalin direct;

    @BeforeAll
    static void start() throws Exception {
        elastic = TestElastic.freshIndices(ClientAddressTest.class);
        Path sources = Files.createTempFile("clients", ".yaml");
        Files.writeString(sources, "sources:\n  - id: nowhere\n    province: Lạng Sơn\n    seeds: [http://127.0.0.1:9/]\n    delayMs: 0\n    maxPages: 1\n");
        var behindProxy = TestElastic.config(ClientAddressTest.class, Map.of("server.rateLimitPerMinute", "3", "server.adminToken", "correct-horse",
            "server.adminFailuresPerMinute", "2", "server.trustedProxies", "127.0.0.0/8, ::1"));
        proxied = WebApp.create(Services.of(behindProxy, elastic).withCrawls(new CrawlService(elastic, behindProxy, sources, false)))
            .start("127.0.0.1", 0);
        direct = WebApp.create(Services.of(TestElastic.config(ClientAddressTest.class, Map.of("server.rateLimitPerMinute", "3")), elastic))
            .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        proxied.stop();
        direct.stop();
        elastic.close();
    }

    private static int search(Javalin app, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/search?facets=false&q=y+te"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void eachClientBehindATrustedProxyHasItsOwnAllowance() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, search(proxied, "203.0.113.7"));
        }
        assertEquals(429, search(proxied, "203.0.113.7"), "the fourth request of one client in a minute");
        assertEquals(200, search(proxied, "198.51.100.9"), "another client behind the same proxy has its own allowance");
        assertEquals(200, search(proxied, "203.0.113.7, 198.51.100.10"), "the proxy's own entry is the client it saw; what the client wrote before it is not trusted");
    }

    @Test
    void ipv6ClientsCountPerSlash64() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertEquals(200, search(proxied, "2001:db8:7:1::" + i));
        }
        assertEquals(429, search(proxied, "2001:db8:7:1::99"), "a fresh address in the same /64 is the same client");
        assertEquals(200, search(proxied, "2001:db8:7:2::1"), "another /64 is another client");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, search(direct, "192.0.2." + i));
        }
        assertEquals(429, search(direct, "192.0.2.77"), "a peer not on the list cannot name a fresh client per request");
    }

    @Test
    void wrongAdminTokensOfOneClientDoNotLockOutAnother() throws Exception {
        for (int i = 0; i < 3; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxied.port() + "/api/crawl/stop"))
                .header("X-Forwarded-For", "203.0.113.66").header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<String> admin = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxied.port() + "/api/crawl/stop"))
            .header("X-Forwarded-For", "198.51.100.200").header("Authorization", "Bearer correct-horse")
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(429, admin.statusCode(), admin.body());
        assertEquals(200, admin.statusCode(), admin.body());
    }
}
