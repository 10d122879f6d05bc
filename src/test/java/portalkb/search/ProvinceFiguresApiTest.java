package portalkb.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;
import portalkb.web.WebApp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The province page's cards and the comparison chart show what the Rankings view ranks: a province's own results of
 * catalogued metrics (not a hospital's size, a target, a neighbour's figure or an absorbed province's), each figure with
 * the one year Rankings gives it. Our own articles, over HTTP on the real node.
 */
@ExtendWith(TestElastic.class)
class ProvinceFiguresApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Elastic elastic;
    private static Javalin app;

    private static final List<ArticleInput> ARTICLES = List.of(
        article("https://tinlangson.example/y-te/tong-ket-2020.html", "Y tế Lạng Sơn năm 2020", "Lạng Sơn", "2021-01-20T08:00:00+07:00",
            "Năm 2020, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 95,3%; toàn tỉnh có 9,7 bác sĩ/vạn dân.\n\n"
                + "Bệnh viện Đa khoa tỉnh mới khánh thành có quy mô 700 giường bệnh.\n\n"
                + "Mục tiêu đến năm 2025, tỉnh đạt 12 bác sĩ/vạn dân. Tỉnh Cao Bằng lân cận có tỷ lệ bao phủ bảo hiểm y tế đạt 96,0%."),
        article("https://tinlangson.example/y-te/tong-ket-2019.html", "Y tế Lạng Sơn năm 2019", "Lạng Sơn", "2020-01-15T08:00:00+07:00",
            "Năm 2019, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 94,8%."),
        article("https://tinhagiang.example/y-te/bhyt-2021.html", "Hà Giang: bảo hiểm y tế năm 2021", "Hà Giang", "2022-01-10T08:00:00+07:00",
            "Năm 2021, tỷ lệ bao phủ bảo hiểm y tế trên địa bàn tỉnh đạt 98,2%."));

    private static ArticleInput article(String url, String title, String province, String published, String body) {
        return ArticleInput.of(url, title, body).withProvince(province).withSource(URI.create(url).getHost()).withPublished(published);
    }

    @BeforeAll
    static void start() throws Exception {
        AppConfig config = TestElastic.config(ProvinceFiguresApiTest.class);
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(ARTICLES);
        }
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().facts())));
        app = WebApp.create(Services.of(config, elastic)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        elastic.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** metric → "value (year)" of a province's cards. */
    private static Map<String, String> cards(String province) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : json("/api/provinces/" + q(province)).get("latestFigures")) {
            assertTrue(out.put(f.get("metric").asText(), f.get("value").asDouble() + " (" + f.get("year").asInt() + ")") == null,
                "one card per metric: " + f);
        }
        return out;
    }

    @Test
    void provinceCardsShowTheProvincesOwnResultsOfCataloguedMetrics() throws Exception {
        assertEquals(Map.of("health_insurance_coverage", "95.3 (2020)", "doctors_per_10k", "9.7 (2020)"), cards("Lạng Sơn"),
            "no hospital's size, no target, no open measure");
        assertEquals(Map.of(), cards("Tuyên Quang"), "Hà Giang's figures are Hà Giang's, though it is part of Tuyên Quang today");
        assertEquals(Map.of(), cards("Cao Bằng"), "a neighbour named in Lạng Sơn's article is no report of Cao Bằng's");
    }

    @Test
    void aCardHasTheFigureAndYearRankingsGiveIt() throws Exception {
        JsonNode ranking = json("/api/rank?metric=health_insurance_coverage");
        for (JsonNode row : ranking.get("rows")) {
            JsonNode cell = row.get("cell");
            String card = cards(cell.get("province").asText()).get("health_insurance_coverage");
            assertEquals(cell.get("figure").get("value").asDouble() + " (" + cell.get("year").asInt() + ")", card, cell.toString());
        }
        JsonNode card = json("/api/provinces/" + q("Lạng Sơn")).get("latestFigures").get(0);
        assertTrue(card.has("name") && card.has("vi") && card.has("sourceName") && card.has("url"), card.toString());
    }

    @Test
    void compareShowsTheTrendsFiguresAndNamesWhatItDoesNotKnow() throws Exception {
        JsonNode compare = json("/api/compare?metric=health_insurance_coverage&provinces=" + q("Lạng Sơn, Atlantis, Hà Giang, Cao Bằng"));
        Map<String, List<String>> points = new HashMap<>();
        for (JsonNode s : compare.get("series")) {
            List<String> list = new ArrayList<>();
            s.get("points").forEach(p -> list.add(p.get("year").asInt() + ": " + p.get("value").asDouble()));
            points.put(s.get("province").asText(), list);
        }
        assertEquals(Map.of("Lạng Sơn", List.of("2019: 94.8", "2020: 95.3"), "Hà Giang", List.of("2021: 98.2"), "Cao Bằng", List.of()), points);
        assertEquals("[\"Atlantis\"]", compare.get("unknown").toString(), "an unknown name is said, the rest is still compared");
        assertEquals(400, get("/api/compare?metric=health_insurance_coverage&provinces=Atlantis").statusCode(), "nothing known: a 400");
        JsonNode trend = json("/api/trend?metric=health_insurance_coverage&province=" + q("Lạng Sơn"));
        assertEquals(trend.get("series").get(0).get("points").get(1).get("figure").get("url").asText(),
            compare.get("series").get(0).get("points").get(1).get("url").asText(), "the same report in both");
        assertFalse(compare.toString().contains("96.0"), "the neighbour's figure is in no series");
    }
}
