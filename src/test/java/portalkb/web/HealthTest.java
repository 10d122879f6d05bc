package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;
import portalkb.store.WriteBlocks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

@ExtendWith(TestElastic.class)
class HealthTest {

    private static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsElasticsearchAndArticles() throws Exception {
        try (Elastic elastic = TestElastic.freshIndices(HealthTest.class)) {
            Javalin app = WebApp.create(Services.of(TestElastic.config(HealthTest.class), elastic)).start("127.0.0.1", 0);
            try {
                HttpResponse<String> response = get(app, "/health");
                assertEquals(200, response.statusCode(), response.body());
                JsonNode body = Json.MAPPER.readTree(response.body());
                assertEquals("ok", body.get("status").asText());
                assertEquals(0, body.get("articles").asLong());
                assertEquals("accepted", body.get("elasticsearch").get("writes").asText());

                // A full disk (Elasticsearch's flood-stage block): still serving, degraded, and saying why.
                elastic.client().indices().putSettings(p -> p.index(elastic.names().articles()).settings(x -> x.blocks(b -> b.readOnlyAllowDelete(true))));
                JsonNode full = Json.MAPPER.readTree(get(app, "/health").body());
                elastic.client().indices().putSettings(p -> p.index(elastic.names().articles()).settings(x -> x.blocks(b -> b.readOnlyAllowDelete(false))));
                assertEquals("degraded", full.get("status").asText(), full.toString());
                assertTrue(full.get("elasticsearch").get("writes").asText().startsWith(WriteBlocks.DISK_FULL), full.toString());

                HttpResponse<String> missing = get(app, "/api/nothing-here");
                assertEquals(404, missing.statusCode());
                assertEquals(404, Json.MAPPER.readTree(missing.body()).get("status").asInt());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void deadElasticsearchGives503WithAClearMessage() throws Exception {
        AppConfig config = TestElastic.config(HealthTest.class,
            Map.of("elasticsearch.url", "http://127.0.0.1:" + TestElastic.freePort()));
        try (Elastic dead = Elastic.open(config)) {
            Javalin app = WebApp.create(Services.of(config, dead)).start("127.0.0.1", 0);
            try {
                HttpResponse<String> response = get(app, "/health");
                assertEquals(503, response.statusCode());
                JsonNode body = Json.MAPPER.readTree(response.body());
                assertEquals("unavailable", body.get("status").asText());
                assertFalse(response.body().contains("Exception:"), response.body());
            } finally {
                app.stop();
            }
        }
    }
}
