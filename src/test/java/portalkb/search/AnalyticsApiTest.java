package portalkb.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;
import portalkb.web.WebApp;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/rank, /api/trend, /api/conflicts and the conflict flags of /api/facts and /api/compare, over HTTP on the real node. */
@ExtendWith(TestElastic.class)
class AnalyticsApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Elastic elastic;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        AppConfig config = TestElastic.config(AnalyticsApiTest.class);
        elastic = AnalyticsFixture.load(config);
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
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body().substring(1))).getRecords();
    }

    @Test
    void rankingWithTiesConflictsAndTheCount() throws Exception {
        JsonNode r = json("/api/rank?metric=poverty_rate&year=2023&order=asc");
        assertEquals(5, r.get("provincesWithFigure").asInt());
        assertEquals(63, r.get("provincesTotal").asInt());
        JsonNode first = r.get("rows").get(0);
        assertEquals("Lạng Sơn", first.get("cell").get("province").asText());
        assertTrue(first.get("tied").asBoolean());
        assertTrue(first.get("cell").get("conflict").asBoolean());
        assertEquals(4.1, first.get("cell").get("values").get(1).get("value").asDouble());
        assertEquals("share", r.get("metric").get("kind").asText());
        assertEquals(2, json("/api/rank?metric=poverty_rate&year=2023&limit=2").get("rows").size());
    }

    @Test
    void trendOfAProvinceOfTodayIncludesTheAbsorbedOnes() throws Exception {
        JsonNode t = json("/api/trend?metric=poverty_rate&province=" + q("Tuyen Quang"));
        List<String> names = new ArrayList<>();
        t.get("series").forEach(s -> names.add(s.get("province").asText() + "/" + s.get("absorbedInto").asText()));
        assertEquals(List.of("Tuyên Quang/null", "Hà Giang/Tuyên Quang"), names);
        JsonNode both = json("/api/trend?metric=poverty_rate&province=" + q("Lạng Sơn") + "&province=" + q("Bắc Kạn"));
        assertEquals(-17.31, both.get("series").get(0).get("overall").get("percent").asDouble());
    }

    @Test
    void conflictsListBothValuesWithTheirSources() throws Exception {
        JsonNode c = json("/api/conflicts?metric=poverty_rate");
        assertEquals(1, c.get("conflicts").size());
        JsonNode cell = c.get("conflicts").get(0);
        assertEquals("Lạng Sơn", cell.get("province").asText());
        assertEquals("https://langson-portal.example/tin/giam-ngheo.html", cell.get("values").get(0).get("latest").get("url").asText());
        assertEquals("https://baolangson.example/xa-hoi/ra-soat-ho-ngheo-2023.html", cell.get("values").get(1).get("latest").get("url").asText());
        assertEquals(0, json("/api/conflicts?province=" + q("Bắc Kạn")).get("conflicts").size());
        List<CSVRecord> rows = csv("/api/conflicts?metric=poverty_rate&format=csv");
        assertEquals(2, rows.size(), "one row per value");
        assertEquals("true", rows.get(0).get("chosen"));
    }

    @Test
    void factsAndCompareFlagConflictingFigures() throws Exception {
        JsonNode facts = json("/api/facts?metric=poverty_rate&province=" + q("Lang Son") + "&year=2023");
        assertEquals(2, facts.get("total").asInt());
        facts.get("facts").forEach(f -> assertTrue(f.get("conflict").asBoolean(), f.toString()));
        assertFalse(json("/api/facts?metric=poverty_rate&province=" + q("Bac Kan")).get("facts").get(0).get("conflict").asBoolean());
        JsonNode compare = json("/api/compare?metric=poverty_rate&provinces=" + q("Lạng Sơn,Bắc Kạn"));
        JsonNode langSon2023 = null;
        for (JsonNode s : compare.get("series")) {
            for (JsonNode p : s.get("points")) {
                if (s.get("province").asText().equals("Lạng Sơn") && p.get("year").asInt() == 2023) {
                    langSon2023 = p;
                }
                if (s.get("province").asText().equals("Bắc Kạn")) {
                    assertFalse(p.get("conflict").asBoolean());
                }
            }
        }
        assertTrue(langSon2023 != null && langSon2023.get("conflict").asBoolean(), compare.toString());
        assertEquals(4.1, langSon2023.get("otherValues").get(0).get("value").asDouble());
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() throws Exception {
        List<CSVRecord> rows = csv("/api/rank?metric=poverty_rate&year=2023&format=csv");
        assertEquals(5, rows.size());
        CSVRecord hostile = rows.stream().filter(r -> r.get("province").equals("Yên Bái")).findFirst().orElseThrow();
        assertEquals("'" + AnalyticsFixture.HOSTILE_TITLE, hostile.get("title"));
        assertEquals("11.4", hostile.get("value"));
        List<CSVRecord> trend = csv("/api/trend?metric=poverty_rate&province=" + q("Lạng Sơn") + "&format=csv");
        assertEquals("-0.9", trend.get(1).get("changeFromPrevious"), "numbers stay numbers");
        List<CSVRecord> facts = csv("/api/facts?metric=poverty_rate&province=" + q("Yên Bái") + "&format=csv");
        assertTrue(facts.get(0).get("title").startsWith("'="), facts.get(0).toString());
    }

    @Test
    void badParametersAreNamed() throws Exception {
        for (String[] c : new String[][]{{"/api/rank?metric=poverty", "metric"}, {"/api/rank", "metric"}, {"/api/rank?metric=poverty_rate&order=up", "order"},
            {"/api/rank?metric=poverty_rate&year=twenty", "year"}, {"/api/rank?metric=poverty_rate&limit=-1", "limit"},
            {"/api/trend?metric=poverty_rate", "province"}, {"/api/trend?metric=poverty_rate&province=Atlantis", "province"},
            {"/api/trend?metric=nope&province=" + q("Lạng Sơn"), "metric"}, {"/api/conflicts?province=Atlantis", "province"},
            {"/api/conflicts?metric=nope", "metric"}, {"/api/rank?metric=poverty_rate&format=xls", "format"}}) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " " + r.body());
            assertEquals(c[1], Json.MAPPER.readTree(r.body()).get("parameter").asText(), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }

    @Test
    void theMetricCatalogueSaysEachKind() throws Exception {
        JsonNode metrics = json("/api/metrics").get("metrics");
        List<String> kinds = new ArrayList<>();
        metrics.forEach(m -> kinds.add(m.get("id").asText() + ":" + m.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("poverty_rate:share", "dengue_cases:count", "doctors_per_10k:rate")), kinds.toString());
    }

    @Test
    void theMetricsNameStoredUnitsInEnglish() throws Exception {
        // The web UI's English mode writes "700 beds", not "700 giường" (issue 28): the glossary's unit names.
        JsonNode units = json("/api/metrics").get("units");
        assertEquals("beds", units.path("giường").asText(), units.toString());
        assertEquals("doctors per 10,000 people", units.path("bác sĩ/vạn dân").asText());
        assertEquals("visits", units.path("lượt").asText());
    }
}
