package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the service must not give away or let through: formulas in CSV exports, crawl owners and raw errors
 * on the public crawl status, the Elasticsearch address on /health, unlimited admin and facts requests, an
 * unbounded conversationId, and template placeholders typed into /search.
 */
@ExtendWith(TestElastic.class)
class LeakTest {

    private static final String TOKEN = "correct-horse-battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Elastic elastic;
    private static Javalin app;
    private static Javalin limited;
    private static CrawlService crawls;
    private static com.sun.net.httpserver.HttpServer broken;

    private static String brokenSeed() {
        return "http://127.0.0.1:" + broken.getAddress().getPort() + "/tin/";
    }

    @BeforeAll
    static void start() throws Exception {
        AppConfig config = TestElastic.config(LeakTest.class, Map.of("server.adminToken", TOKEN, "server.rateLimitPerMinute", "0"));
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(ArticleInput.of("https://hostile.example/a.html",
                "=HYPERLINK(\"http://evil.example\",\"bảo hiểm y tế\")", "Năm 2019 tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số.")
                .withProvince("Lạng Sơn").withSource("@SUM(1+1)")));
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        Path sources = Files.createTempFile("leak", ".yaml");
        sources.toFile().deleteOnExit();
        broken = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/robots.txt") ? 404 : 500, -1);
            exchange.close();
        });
        broken.start();
        Files.writeString(sources, "sources:\n  - id: broken\n    province: Lạng Sơn\n    seeds: [" + brokenSeed() + "]\n    delayMs: 0\n"
            + "    maxPages: 1\n");
        crawls = new CrawlService(elastic, config, sources, false);
        app = WebApp.create(Services.of(config, elastic).withCrawls(crawls)).start("127.0.0.1", 0);
        AppConfig strict = TestElastic.config(LeakTest.class, Map.of("server.rateLimitPerMinute", "5", "server.adminToken", TOKEN));
        limited = WebApp.create(Services.of(strict, elastic)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        limited.stop();
        broken.stop(0);
        elastic.close();
    }

    private static HttpResponse<String> get(Javalin server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Javalin server, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void csvExportsNeutraliseFormulas() throws Exception {
        for (String path : List.of("/api/search?q=bao+hiem&format=csv", "/api/facts?format=csv")) {
            HttpResponse<String> csv = get(app, path);
            assertEquals(200, csv.statusCode(), path + ": " + csv.body());
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords();
            assertFalse(rows.isEmpty(), path);
            for (CSVRecord row : rows) {
                for (String cell : row.values()) {
                    assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, path + ": a cell a spreadsheet would run: " + cell);
                }
            }
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"bảo hiểm y tế\")", rows.get(0).get("title"), path);
        }
    }

    @Test
    @Timeout(60)
    void publicCrawlStatusShowsNoOwnersOrRawErrorsAndHealthNoAddress() throws Exception {
        crawls.run("broken", "test");
        while (crawls.isRunning("broken")) {
            Thread.sleep(50);
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlRuns()));
        String admin = get(app, "/api/crawl/status", "Authorization", "Bearer " + TOKEN).body();
        JsonNode adminRun = Json.MAPPER.readTree(admin).get("sources").get(0).get("lastRun");
        assertTrue(adminRun.has("owner"), "the admin sees who ran it: " + admin);
        assertTrue(adminRun.path("recentErrors").size() > 0, admin);
        String rawError = adminRun.get("recentErrors").get(0).asText();

        String open = get(app, "/api/crawl/status").body();
        JsonNode run = Json.MAPPER.readTree(open).get("sources").get(0).get("lastRun");
        assertFalse(run.has("owner"), open);
        String owner = adminRun.get("owner").asText();
        assertFalse(open.contains(owner) || open.contains("/" + ProcessHandle.current().pid() + "/"), "no host or pid: " + open);
        String shown = run.get("recentErrors").get(0).asText();
        assertFalse(shown.equals(rawError), "a plain category, not the raw error: " + shown);
        assertEquals(brokenSeed() + " — the site answered HTTP 500", shown);
        assertFalse(open.contains("Exception"), open);

        String health = get(app, "/health").body();
        assertFalse(health.contains(elastic.url()) || health.contains(":" + TestElastic.port()), "no Elasticsearch address: " + health);
    }

    @Test
    void adminActionsAndFactsAreRateLimitedAndWrongTokensCount() throws Exception {
        AppConfig config = TestElastic.config(LeakTest.class, Map.of("server.adminToken", TOKEN, "server.rateLimitPerMinute", "0"));
        Javalin guarded = WebApp.create(Services.of(config, elastic)).start("127.0.0.1", 0);
        try {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, post(guarded, "/api/crawl/stop", "", "Authorization", "Bearer guess-" + i).statusCode());
            }
            HttpResponse<String> locked = post(guarded, "/api/crawl/stop", "", "Authorization", "Bearer " + TOKEN);
            assertEquals(429, locked.statusCode(), "after 10 wrong tokens in a minute even the right one waits: " + locked.body());
            assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        } finally {
            guarded.stop();
        }

        int tooMany = 0;
        for (int i = 0; i < 8; i++) {
            tooMany += get(limited, "/api/facts?metric=health_insurance_coverage").statusCode() == 429 ? 1 : 0;
        }
        assertEquals(3, tooMany, "/api/facts is rate limited");
        assertEquals(429, post(limited, "/api/crawl/stop", "", "Authorization", "Bearer " + TOKEN).statusCode(), "admin endpoints too");
    }

    @Test
    void aLongConversationIdIsA400() throws Exception {
        String longId = "c".repeat(101);
        HttpResponse<String> r = post(app, "/api/ask", Json.MAPPER.writeValueAsString(Map.of("question", "bảo hiểm y tế", "conversationId", longId)));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("conversationId", Json.MAPPER.readTree(r.body()).get("parameter").asText());
        HttpResponse<String> stream = get(app, "/api/ask/stream?question=bao+hiem&conversationId=" + longId);
        assertEquals(400, stream.statusCode(), stream.body());
    }

    @Test
    void searchPageDoesNotExpandPlaceholdersInTheQuery() throws Exception {
        String page = get(app, "/search?q=" + URLEncoder.encode("{{summary}} {{results}}", StandardCharsets.UTF_8)).body();
        assertTrue(page.contains("<title>{{summary}} {{results}} — PortalKB</title>"), page);
        assertTrue(page.contains("value=\"{{summary}} {{results}}\""), page);
    }
}
