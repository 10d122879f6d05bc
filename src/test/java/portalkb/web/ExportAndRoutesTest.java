package portalkb.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlService;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.FlakyProxy;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every API route draws on the client's allowance, a CSV export by the pages it reads, and an export the
 * cluster fails in the middle of is an error, never a 200 that looks complete. Clients are told apart by
 * X-Forwarded-For (the test is the trusted proxy), so each test has allowances of its own.
 */
@ExtendWith(TestElastic.class)
class ExportAndRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Elastic elastic;
    private static FlakyProxy proxy;
    private static Elastic viaProxy;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        elastic = TestElastic.freshIndices(ExportAndRoutesTest.class);
        List<ArticleInput> articles = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            articles.add(ArticleInput.of("https://example.vn/tin-" + i + ".html", "Bảo hiểm y tế số " + i,
                "Tỷ lệ bao phủ bảo hiểm y tế của xã " + i + " đạt " + (80 + i % 20) + "%.").withProvince("Lạng Sơn"));
        }
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(articles, true);
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        proxy = new FlakyProxy(TestElastic.port(), 0, 503);
        AppConfig config = TestElastic.config(ExportAndRoutesTest.class, Map.of("elasticsearch.url", "http://127.0.0.1:" + proxy.port(),
            "server.rateLimitPerMinute", "3", "server.trustedProxies", "127.0.0.1"));
        viaProxy = Elastic.open(config);
        Path sources = Files.createTempFile("routes", ".yaml");
        Files.writeString(sources, "sources:\n  - id: nowhere\n    province: Lạng Sơn\n    seeds: [http://127.0.0.1:9/]\n    delayMs: 0\n    maxPages: 1\n");
        app = WebApp.create(Services.of(config, viaProxy).withCrawls(new CrawlService(viaProxy, config, sources, false))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        viaProxy.close();
        proxy.close();
        elastic.close();
    }

    private static HttpResponse<String> get(String path, String client) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("X-Forwarded-For", client).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyApiRouteDrawsOnTheAllowance() throws Exception {
        for (String path : List.of("/health", "/metrics", "/api/metrics", "/api/provinces", "/api/provinces/lang-son", "/api/crawl/status")) {
            String client = "198.51.100." + Math.abs(path.hashCode() % 200);
            for (int i = 0; i < 3; i++) {
                get(path, client);
            }
            assertEquals(429, get(path, client).statusCode(), path + ": the fourth request of a client in a minute");
        }
    }

    @Test
    void aCsvExportCountsThePagesItReads() throws Exception {
        HttpResponse<String> export = get("/api/search?q=bao+hiem&format=csv", "203.0.113.20");
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().lines().count() > 1_001, "the header and more than a page of articles: " + export.body().lines().count());
        assertEquals(200, get("/api/search?q=bao+hiem", "203.0.113.20").statusCode(), "the third search of the minute");
        assertEquals(429, get("/api/search?q=bao+hiem", "203.0.113.20").statusCode(), "the export's two pages were two searches");
    }

    @Test
    void anExportTheClusterFailsInTheMiddleOfIsAnError() throws Exception {
        proxy.failingNextPages = true;
        try {
            HttpResponse<String> export = get("/api/search?q=bao+hiem&format=csv", "203.0.113.30");
            assertEquals(503, export.statusCode(), "not a 200 holding the first page only: " + export.body().lines().count() + " lines");
            assertFalse(export.body().contains("Exception"), export.body());
        } finally {
            proxy.failingNextPages = false;
        }
    }
}
