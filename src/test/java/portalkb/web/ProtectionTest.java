package portalkb.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlService;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Body and query limits, the admin token, rate limits, CORS, /metrics, and 200 parallel searches. */
@ExtendWith(TestElastic.class)
class ProtectionTest {

    private static Elastic elastic;
    private static Javalin app;
    private static Javalin limited;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        AppConfig config = TestElastic.config(ProtectionTest.class, Map.of("server.adminToken", "correct-horse", "server.rateLimitPerMinute", "0"));
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(ArticleInput.of("https://example.vn/a.html", "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%",
                "Năm 2019 tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%.").withProvince("Lạng Sơn")));
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        Path sources = Files.createTempFile("protection", ".yaml");
        Files.writeString(sources, "sources:\n  - id: nowhere\n    province: Lạng Sơn\n    seeds: [http://127.0.0.1:9/]\n    delayMs: 0\n    maxPages: 1\n");
        app = WebApp.create(Services.of(config, elastic).withCrawls(new CrawlService(elastic, config, sources, false))).start("127.0.0.1", 0);
        AppConfig strict = TestElastic.config(ProtectionTest.class, Map.of("server.rateLimitPerMinute", "5"));
        limited = WebApp.create(Services.of(strict, elastic)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        limited.stop();
        elastic.close();
    }

    private static HttpResponse<String> send(Javalin server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(Javalin server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @Test
    void oversizedBodiesAndQueriesAreRefused() throws Exception {
        String huge = "{\"question\":\"" + "a".repeat(200_000) + "\"}";
        HttpResponse<String> r = send(app, at(app, "/api/ask").POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertEquals(413, r.statusCode(), r.body());
        for (String path : List.of("/api/search?q=", "/api/search/facets?q=")) {
            HttpResponse<String> longQ = send(app, at(app, path + "b".repeat(2000)));
            assertEquals(400, longQ.statusCode(), path);
            assertFalse(longQ.body().contains("Exception"), "no stack trace: " + longQ.body());
        }
    }

    @Test
    void adminActionsNeedTheRightTokenAndAPost() throws Exception {
        assertEquals(401, send(app, at(app, "/api/crawl/run").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(401, send(app, at(app, "/api/crawl/run").header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(404, send(app, at(app, "/api/crawl/run")).statusCode(), "GET is not an admin action");
        HttpResponse<String> ok = send(app, at(app, "/api/crawl/run?source=nowhere").header("Authorization", "Bearer correct-horse")
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, ok.statusCode(), ok.body());
        assertEquals(200, send(app, at(app, "/api/crawl/stop").header("X-Admin-Token", "correct-horse").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(403, send(limited, at(limited, "/api/crawl/run").header("Authorization", "Bearer anything")
            .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "no token configured: admin is off");
    }

    @Test
    void rateLimitCorsAndMetrics() throws Exception {
        // An app of its own: the allowance is per client across endpoints, and other tests use `limited` too.
        Javalin strict = WebApp.create(Services.of(TestElastic.config(ProtectionTest.class, Map.of("server.rateLimitPerMinute", "5")), elastic)).start("127.0.0.1", 0);
        int tooMany = 0;
        try {
            for (int i = 0; i < 8; i++) {
                // The web page asks for the hits and then the facets: both draw on the one allowance.
                HttpResponse<String> r = send(strict, at(strict, (i % 2 == 0 ? "/api/search?facets=false&q=" : "/api/search/facets?q=") + "y+te"));
                if (r.statusCode() == 429) {
                    tooMany++;
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                }
            }
        } finally {
            strict.stop();
        }
        assertEquals(3, tooMany);
        HttpResponse<String> page = send(app, at(app, "/"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(page.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "CORS off by default");
        String metrics = send(app, at(app, "/metrics")).body();
        assertTrue(metrics.contains("portalkb_http_requests_total"), metrics);
    }

    @Test
    @Timeout(120)
    void twoHundredParallelSearchesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String q = i % 2 == 0 ? "bao+hiem+y+te" : "97.9";
            results.add(pool.submit(() -> send(app, at(app, "/api/search?q=" + q)).statusCode()));
        }
        int errors = 0;
        for (Future<Integer> f : results) {
            errors += f.get() == 200 ? 0 : 1;
        }
        pool.shutdown();
        assertEquals(0, errors);
    }
}
