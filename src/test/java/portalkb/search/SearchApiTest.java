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
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.Article;
import portalkb.store.BulkIndexer;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/search, /api/facts, /api/compare, /api/provinces over our own fixture articles in the real node. */
@ExtendWith(TestElastic.class)
class SearchApiTest {

    private static final String YEN_BAI_PORTAL = "Cổng TTĐT tỉnh Yên Bái";

    static final List<ArticleInput> ARTICLES = List.of(
        article("https://baolangson.example/y-te/tong-ket-2019.html", "Ngành y tế nhìn lại năm 2019", "Lạng Sơn", "baolangson", "2020-01-27T08:00:00+07:00",
            "Hội nghị của Sở Y tế đánh giá năm 2019: toàn tỉnh có 10,8 bác sĩ/vạn dân, tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số."),
        article("https://yenbai.example/tin/bhyt-2022.html", "Yên Bái giữ vững độ bao phủ BHYT", "Yên Bái", "yenbai-portal", "2023-01-12T08:00:00+07:00",
            "Năm 2022, tỷ lệ người dân tham gia bảo hiểm y tế của tỉnh đạt 95,1%, với 147.645 thẻ cấp cho người nghèo và cận nghèo.")
            .withSourceName(YEN_BAI_PORTAL),
        article("https://yenbai.example/tin/mui-3.html", "Tiêm mũi 3 vắc xin cho người lớn", "Yên Bái", "yenbai-portal", "2022-05-12T07:48:09+07:00",
            "Đến ngày 10/5/2022, tỷ lệ người trên 18 tuổi được tiêm mũi 3 đạt 95,7%. Trẻ em từ 12 đến 17 tuổi được tiêm 2 mũi đạt 97,2%.")
            .withSourceName(YEN_BAI_PORTAL),
        article("https://backan.example/Pages/y-te-tu-nhan.aspx", "Quản lý cơ sở hành nghề y tư nhân", "Bắc Kạn", "backan-portal", "2019-04-26T10:22:19+07:00",
            "Trên địa bàn tỉnh hiện có 136 cơ sở hành nghề y tư nhân; năm 2018 tỷ lệ bao phủ bảo hiểm y tế đạt 96,5%."),
        article("https://hostile.example/a.html", "Tin \"đặc biệt\", <script>alert('xss')</script> bảo hiểm", "Hà Nội", "hostile", "2024-01-01T08:00:00+07:00",
            "Bài viết có <img src=x onerror=alert(1)> và bảo hiểm y tế cho mọi người dân, không loại trừ ai."),
        article("https://copy.example/tin/mui-3.html", "Tiêm mũi 3 vắc xin cho người lớn", "Hà Nội", "tonghop", "2022-05-13T07:00:00+07:00",
            "Đến ngày 10/5/2022, tỷ lệ người trên 18 tuổi được tiêm mũi 3 đạt 95,7%. Trẻ em từ 12 đến 17 tuổi được tiêm 2 mũi đạt 97,2%."));

    private static Elastic elastic;
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ArticleInput article(String url, String title, String province, String source, String published, String body) {
        return ArticleInput.of(url, title, body).withProvince(province).withSource(source).withPublished(published);
    }

    @BeforeAll
    static void start() throws Exception {
        AppConfig config = TestElastic.config(SearchApiTest.class);
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk);
            for (ArticleInput a : ARTICLES) {
                writer.write(List.of(a));
                bulk.flush();
                elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            }
        }
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().facts())));
        app = WebApp.create(Services.of(config, elastic)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        elastic.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> urls(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("hits").forEach(h -> out.add(h.get("url").asText()));
        return out;
    }

    @Test
    void theSourceFacetNamesEachOutletByItsName() throws Exception {
        JsonNode sources = json("/api/search?q=" + q("bảo hiểm y tế")).get("facets").get("source");
        Map<String, String> labels = new java.util.HashMap<>();
        sources.forEach(b -> labels.put(b.get("value").asText(), b.has("label") ? b.get("label").asText() : null));
        assertEquals(YEN_BAI_PORTAL, labels.get("yenbai-portal"), sources.toString());
        assertTrue(labels.containsKey("baolangson") && labels.get("baolangson") == null, "an outlet stored without a name keeps its id alone: " + sources);
    }

    @Test
    void wordsThatAreNoSearchSyntaxHereAreLeftOutAndSaidSo() throws Exception {
        JsonNode plain = json("/api/search?q=" + q("bảo hiểm y tế"));
        assertFalse(plain.has("notices"), plain.toString());
        JsonNode operators = json("/api/search?q=" + q("bảo hiểm OR tiêm mũi 3 AND ("));
        assertTrue(operators.get("total").asLong() > 0, "the words are still searched: " + operators);
        List<String> codes = new ArrayList<>();
        operators.get("notices").forEach(n -> codes.add(n.get("code").asText()));
        assertEquals(List.of("operators", "parentheses"), codes);
        assertTrue(operators.get("notices").get(0).get("message").asText().contains("OR"), operators.get("notices").toString());
        JsonNode quote = json("/api/search?facets=false&q=" + q("\"bảo hiểm y tế"));
        assertEquals("quote", quote.get("notices").get(0).get("code").asText(), "the page asked for alone says so too: " + quote);
        assertFalse(quote.get("hits").isEmpty());
    }

    @Test
    void filesHaveATypeFacetAFilterAndTheArticleThatLinksThem() throws Exception {
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(ArticleInput.of("https://camau.example/files/sxh-2023.pdf",
                    "Báo cáo phòng chống sốt xuất huyết năm 2023", "Số ca sốt xuất huyết trong năm giảm 12% so với cùng kỳ.")
                .withType("pdf").withProvince("Cà Mau").withSource("camau").withPublished("2024-01-10T08:00:00+07:00")
                .withLinkedFrom(List.of(new Article.Link("https://camau.example/tin/sxh.html", "Cà Mau giảm ca sốt xuất huyết", null)))));
            bulk.flush();
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        JsonNode all = json("/api/search?q=" + q("sốt xuất huyết"));
        assertEquals("pdf", all.get("facets").get("type").get(0).get("value").asText(), all.toString());
        JsonNode files = json("/api/search?q=" + q("sốt xuất huyết") + "&type=pdf");
        assertEquals(List.of("https://camau.example/files/sxh-2023.pdf"), urls(files));
        JsonNode hit = files.get("hits").get(0);
        assertEquals("pdf", hit.get("type").asText());
        assertEquals("https://camau.example/tin/sxh.html", hit.get("linkedFrom").get(0).get("url").asText());
        JsonNode pages = json("/api/search?q=" + q("tiêm") + "&type=html");
        assertTrue(pages.get("total").asLong() > 0);
        pages.get("hits").forEach(h -> assertEquals("html", h.get("type").asText()));
        assertEquals(0, json("/api/search?q=" + q("sốt xuất huyết") + "&type=html").get("total").asLong());
        HttpResponse<String> bad = get("/api/search?q=x&type=zip");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"parameter\":\"type\""), bad.body());
    }

    @Test
    void diacriticFreeAndUpperCaseQueriesFindTheSameArticles() throws Exception {
        JsonNode exact = json("/api/search?q=" + q("bảo hiểm y tế"));
        assertEquals(4, exact.get("total").asLong(), exact.toString());
        assertEquals(urls(exact).stream().sorted().toList(), urls(json("/api/search?q=" + q("bao hiem y te"))).stream().sorted().toList());
        assertEquals(urls(exact).stream().sorted().toList(), urls(json("/api/search?q=" + q("BẢO HIỂM Y TẾ"))).stream().sorted().toList());
        assertTrue(json("/api/search?q=BHYT").get("total").asLong() >= 4, "synonym BHYT ↔ bảo hiểm y tế");
    }

    @Test
    void numbersMatchWhateverTheDecimalAndThousandsSeparators() throws Exception {
        assertEquals("https://baolangson.example/y-te/tong-ket-2019.html", urls(json("/api/search?q=" + q("97.9%"))).get(0));
        assertEquals("https://baolangson.example/y-te/tong-ket-2019.html", urls(json("/api/search?q=" + q("bao phu bao hiem 97,9"))).get(0));
        assertEquals(List.of("https://yenbai.example/tin/bhyt-2022.html"), urls(json("/api/search?q=147645")));
    }

    @Test
    void provinceFiltersAcceptAnyAliasAndFacetsCount() throws Exception {
        JsonNode a = json("/api/search?q=" + q("bảo hiểm") + "&province=" + q("Lang Son"));
        JsonNode b = json("/api/search?q=" + q("bảo hiểm") + "&province=" + q("tỉnh lạng sơn"));
        assertEquals(List.of("https://baolangson.example/y-te/tong-ket-2019.html"), urls(a));
        assertEquals(urls(a), urls(b));
        JsonNode all = json("/api/search?q=" + q("y tế"));
        long sum = 0;
        for (JsonNode bucket : all.get("facets").get("province")) {
            sum += bucket.get("count").asLong();
        }
        assertEquals(all.get("total").asLong(), sum);
        JsonNode lookup = json("/api/search?q=" + q("province:\"Yen Bai\" tiêm"));
        assertEquals(List.of("https://yenbai.example/tin/mui-3.html"), urls(lookup));
    }

    @Test
    void theTotalAndTheFacetsCountExactlyTheArticlesThePageFinds() throws Exception {
        // The facets search runs a leaner query than the page (ArticleQuery.matchSet): it must find the same articles.
        for (String query : List.of("bảo hiểm y tế", "bao hiem y te", "BẢO HIỂM", "BHYT", "97,9", "147645", "tiêm mũi 3",
            "tiem mui 3 nguoi", "y tế cơ sở", "vắc xin người lớn", "nhin lai nam 2019", "giữ vững độ bao phủ", "\"tiem mui 3\"", "bảo hiểm y tế -\"hành nghề\"", "sốt xuất huyết", "hanh nghe y tu nhan")) {
            JsonNode all = json("/api/search?size=100&q=" + q(query));
            assertEquals(all.get("hits").size(), all.get("total").asLong(), query + ": " + urls(all));
            long byType = 0;
            for (JsonNode bucket : all.get("facets").get("type")) {
                byType += bucket.get("count").asLong();
            }
            assertEquals(all.get("total").asLong(), byType, query);
        }
    }

    @Test
    void thePageAloneAndTheFacetsAloneMakeUpTheWholeAnswer() throws Exception {
        // The web page asks for the hits and for the total with the facets apart, to show the hits first.
        for (String query : List.of("bảo hiểm y tế", "tiem mui 3", "97,9", "\"tiem mui 3\"", "không có gì như thế này")) {
            JsonNode whole = json("/api/search?q=" + q(query) + "&province=" + q("Yên Bái,Lạng Sơn,Bắc Kạn,Hà Nội"));
            JsonNode page = json("/api/search?facets=false&q=" + q(query) + "&province=" + q("Yên Bái,Lạng Sơn,Bắc Kạn,Hà Nội"));
            JsonNode counted = json("/api/search/facets?q=" + q(query) + "&province=" + q("Yên Bái,Lạng Sơn,Bắc Kạn,Hà Nội"));
            assertEquals(whole.get("hits"), page.get("hits"), query);
            assertFalse(page.has("total") || page.has("facets"), page.toString());
            assertEquals(whole.get("total"), counted.get("total"), query);
            assertEquals(whole.get("facets"), counted.get("facets"), query);
            assertEquals(0, counted.get("hits").size(), counted.toString());
        }
        HttpResponse<String> bad = get("/api/search?q=x&facets=maybe");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("facets", Json.MAPPER.readTree(bad.body()).get("parameter").asText());
        assertEquals("province", Json.MAPPER.readTree(get("/api/search/facets?q=x&province=Atlantis").body()).get("parameter").asText());
    }

    @Test
    void phrasesExclusionsAndSyndicatedCopies() throws Exception {
        assertEquals(List.of("https://yenbai.example/tin/mui-3.html"), urls(json("/api/search?q=" + q("\"tiem mui 3\""))),
            "the syndicated copy on copy.example is not shown twice");
        List<String> without = urls(json("/api/search?q=" + q("bảo hiểm y tế -\"hành nghề\"")));
        assertFalse(without.contains("https://backan.example/Pages/y-te-tu-nhan.aspx"));
        assertEquals(3, without.size());
    }

    @Test
    void snippetsAreEscapedHtmlWithOnlyOurMarks() throws Exception {
        JsonNode hit = json("/api/search?q=" + q("onerror bảo hiểm") + "&source=hostile").get("hits").get(0);
        String snippet = hit.get("snippet").asText();
        assertFalse(snippet.contains("<img"), snippet);
        assertTrue(snippet.contains("&lt;img"), snippet);
        assertTrue(snippet.contains("<mark>"), snippet);
        assertEquals("Tin \"đặc biệt\", <script>alert('xss')</script> bảo hiểm", hit.get("title").asText(), "titles are data; the UI escapes them");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        for (String[] c : new String[][]{{"size=1000", "size"}, {"year=abc", "year"}, {"page=5000&size=10", "page"},
            {"from=yesterday", "from"}, {"province=Atlantis", "province"}, {"sort=random", "sort"}, {"metric=nope", "metric"}}) {
            HttpResponse<String> r = get("/api/search?q=x&" + c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            assertEquals(c[1], Json.MAPPER.readTree(r.body()).get("parameter").asText(), r.body());
        }
        assertTrue(get("/api/search?q=x&page=5000&size=10").body().contains("format=csv"));
        assertEquals(400, get("/api/search?q=" + "a".repeat(600)).statusCode());
    }

    @Test
    void csvExportQuotesWhatNeedsQuoting() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + q("bảo hiểm") + "&format=csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(r.body().substring(1))).getRecords();
        assertEquals(json("/api/search?q=" + q("bảo hiểm")).get("total").asLong(), rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.get("title").equals("Tin \"đặc biệt\", <script>alert('xss')</script> bảo hiểm")));
    }

    @Test
    void factsCompareAndProvinces() throws Exception {
        JsonNode facts = json("/api/facts?metric=health_insurance_coverage&province=" + q("Yen Bai"));
        assertEquals(95.1, facts.get("facts").get(0).get("value").asDouble());
        assertEquals(2022, facts.get("facts").get(0).get("year").asInt());

        JsonNode compare = json("/api/compare?metric=health_insurance_coverage&provinces=" + q("Lạng Sơn,yen bai,Bac Kan"));
        Map<String, Double> values = new java.util.HashMap<>();
        compare.get("series").forEach(s -> s.get("points").forEach(p -> values.put(s.get("province").asText() + " " + p.get("year").asInt(), p.get("value").asDouble())));
        assertEquals(Map.of("Lạng Sơn 2019", 97.9, "Yên Bái 2022", 95.1, "Bắc Kạn 2018", 96.5), values);

        JsonNode provinces = json("/api/provinces");
        assertEquals(63, provinces.get("provinces").size());
        assertEquals(34, provinces.get("today").size());
        JsonNode laoCai = json("/api/provinces/" + q("Lào Cai").replace("+", "%20"));
        assertEquals(2, laoCai.get("articles").asInt(), "Yên Bái's articles count for today's Lào Cai");
        assertEquals(400, get("/api/compare?metric=health_insurance_coverage").statusCode());
    }

    @Test
    void searchResultsAreReadableWithoutJavaScript() throws Exception {
        HttpResponse<String> page = get("/search?q=" + q("bao hiem y te") + "&size=2");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertEquals(2, html.split("<li class=\"result\">", -1).length - 1, html);
        assertTrue(html.contains("<mark>"), html);
        assertTrue(html.contains("rel=\"next\" href=\"/search?q=bao+hiem+y+te&amp;size=2&amp;page=2\""), html);
        assertTrue(html.contains("4 kết quả"), html);

        // The hostile article: its markup is shown as text, never as tags.
        String hostile = get("/search?q=" + q("không loại trừ ai") + "&lang=en").body();
        assertTrue(hostile.contains("&lt;script&gt;alert"), hostile);
        assertFalse(hostile.contains("<script>") || hostile.contains("<img"), hostile);
        String echoed = get("/search?q=" + q("\"><script>alert(1)</script>")).body();
        assertFalse(echoed.contains("<script>"), echoed);

        HttpResponse<String> bad = get("/search?q=y+te&page=0");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("page"), bad.body());
    }
}
