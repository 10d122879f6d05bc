package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person meets when something goes wrong in the browser: a page of the site's own, in both languages, with the
 * way back (404, 414, 503 and 500), not a server's raw "HTTP ERROR"; API clients keep their JSON; the answer stream asked
 * for without {@code Accept: text/event-stream} says what to send instead of an empty 200.
 */
@ExtendWith(TestElastic.class)
class FriendlyErrorsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Elastic elastic;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        elastic = TestElastic.freshIndices(FriendlyErrorsTest.class);
        app = WebApp.create(Services.of(TestElastic.config(FriendlyErrorsTest.class), elastic)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        elastic.close();
    }

    private static HttpResponse<String> get(Javalin server, String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static void assertFriendlyPage(HttpResponse<String> r, int status, String english, String vietnamese) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        assertTrue(r.body().contains(english) && r.body().contains(vietnamese), r.body());
        assertTrue(r.body().contains("href=\"/\""), "a way back home: " + r.body());
        assertTrue(r.body().contains("href=\"/app.css\""), "the site's own look");
        assertFalse(r.body().contains("HTTP ERROR") || r.body().contains("Exception"), r.body());
    }

    @Test
    void anUnknownPageIsAPageOfTheSite() throws Exception {
        assertFriendlyPage(get(app, "/no-such-page", BROWSER), 404, "Page not found", "Không tìm thấy trang");
        HttpResponse<String> api = get(app, "/api/no-such-endpoint", BROWSER);
        assertEquals(404, api.statusCode());
        assertEquals(404, Json.MAPPER.readTree(api.body()).get("status").asInt(), "an API client keeps its JSON");
    }

    @Test
    void anAddressTooLongForTheServerIsExplained() throws Exception {
        String url = "/?view=search&q=" + "bao-hiem-y-te-".repeat(1100); // about 15 KB
        assertFriendlyPage(get(app, url, BROWSER), 414, "too long", "quá dài");
    }

    @Test
    void theAnswerStreamAskedForWithoutEventStreamSaysWhatToSend() throws Exception {
        for (String accept : new String[] {null, "*/*", "application/json"}) {
            HttpResponse<String> r = get(app, "/api/ask/stream?question=test", accept);
            assertEquals(406, r.statusCode(), "Accept " + accept + ": " + r.body());
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertTrue(body.get("error").asText().contains("Accept: text/event-stream") && body.get("error").asText().contains("POST /api/ask"),
                body.toString());
        }
    }

    @Test
    void aPlainPageWhoseKnowledgeBaseIsDownSaysSoAndServerFailuresArePagesToo() throws Exception {
        AppConfig config = TestElastic.config(FriendlyErrorsTest.class, Map.of("elasticsearch.url", "http://127.0.0.1:" + TestElastic.freePort()));
        try (Elastic dead = Elastic.open(config)) {
            Javalin down = WebApp.create(Services.of(config, dead)).start("127.0.0.1", 0);
            try {
                assertFriendlyPage(get(down, "/search?q=y+te", BROWSER), 503, "unavailable", "tạm thời");
                assertEquals(503, Json.MAPPER.readTree(get(down, "/api/search?q=y+te", BROWSER).body()).get("status").asInt());
            } finally {
                down.stop();
            }
        }
        String page = ErrorPages.page(500);
        assertTrue(page.contains("Something went wrong") && page.contains("Đã có lỗi"), page);
    }
}
