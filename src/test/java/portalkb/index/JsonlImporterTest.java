package portalkb.index;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import portalkb.core.UrlNormalizer;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestElastic.class)
class JsonlImporterTest {

    private static Elastic elastic;

    @BeforeAll
    static void indices() throws IOException {
        elastic = TestElastic.freshIndices(JsonlImporterTest.class);
    }

    @AfterAll
    static void close() throws IOException {
        elastic.close();
    }

    private JsonlImporter.Summary importFile(Path file) throws Exception {
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk);
            JsonlImporter.Summary summary = new JsonlImporter(writer, bulk, new PrintStream(new ByteArrayOutputStream()),
                JsonlImporter.Settings.of(TestElastic.config(JsonlImporterTest.class))).importFile(file);
            elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
            return summary;
        }
    }

    @Test
    void importsGoodLinesReportsBadOnesByNumberAndIsIdempotent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("articles.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"url\":\"https://baolangson.vn/a.html?utm_source=fb\",\"title\":\"Tổng kết y tế năm 2019\",\"body\":\"Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97,9%.\",\"published\":\"2020-01-27\",\"source\":\"baolangson\",\"province\":\"Lang Son\",\"editor\":\"kept as is\"}",
            "{not json",
            "{\"title\":\"no url\",\"body\":\"x\"}",
            "",
            "{\"url\":\"https://backan.gov.vn/b.aspx\",\"title\":\"Hội nghị\",\"body\":\"Có 136 cơ sở hành nghề y tư nhân.\",\"published\":\"2019-04-26T10:22:19\",\"source\":\"backan\",\"province\":\"Bắc Kạn\"}",
            "{\"url\":\"https://example.vn/c\",\"title\":\"Bad date\",\"body\":\"x\",\"published\":\"hôm qua\"}",
            "{\"title\":\"no url either\",\"body\":\"y\"}") + "\n", StandardCharsets.UTF_8);

        JsonlImporter.Summary first = importFile(file);
        assertEquals(2, first.indexed());
        assertEquals(4, first.rejected());
        List<String> problems = first.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 2:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 3:") && p.contains("url")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 6:") && p.contains("date")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 7:") && p.contains("url")), problems.toString());

        GetResponse<Map> article = elastic.client().get(g -> g.index(elastic.names().articles())
            .id(UrlNormalizer.id("https://baolangson.vn/a.html")), Map.class);
        assertTrue(article.found(), "the utm_source parameter is not part of the id");
        Map<?, ?> source = article.source();
        assertEquals("Lạng Sơn", source.get("province"));
        assertEquals("Lạng Sơn", source.get("provinceToday"));
        assertEquals("kept as is", source.get("editor"), "unknown fields are kept");
        assertEquals(List.of(2019), source.get("reportYears"));
        assertEquals("Bắc Kạn", elastic.client().get(g -> g.index(elastic.names().articles())
            .id(UrlNormalizer.id("https://backan.gov.vn/b.aspx")), Map.class).source().get("province"));
        assertEquals("Thái Nguyên", elastic.client().get(g -> g.index(elastic.names().articles())
            .id(UrlNormalizer.id("https://backan.gov.vn/b.aspx")), Map.class).source().get("provinceToday"));

        long facts = factsOf("baolangson", "backan");
        assertEquals(2, facts);

        JsonlImporter.Summary second = importFile(file);
        assertEquals(0, second.indexed());
        assertEquals(2, second.unchanged());
        assertEquals(facts, factsOf("baolangson", "backan"));
    }

    private long factsOf(String... sources) throws IOException {
        var values = java.util.Arrays.stream(sources).map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
        return elastic.client().count(c -> c.index(elastic.names().facts())
            .query(q -> q.terms(t -> t.field("source").terms(v -> v.value(values))))).count();
    }

    @Test
    void aLineThatWouldEmptyAStoredArticleIsRefusedAndAnOverlongLineIsRejected(@TempDir Path dir) throws Exception {
        String url = "https://baolangson.vn/y-te/thap-coi.html";
        String phrase = "tỷ lệ trẻ suy dinh dưỡng thấp còi giảm còn 19,5%";
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            // What a crawl stored: its source, province and full text.
            new ArticleWriter(elastic, bulk).writeFetched(ArticleInput.of(url, "Trẻ thấp còi giảm ở các xã vùng cao",
                "Năm 2023, " + phrase + ". Ngành y tế tỉnh tổ chức cân đo định kỳ cho trẻ dưới 5 tuổi ở 200 xã, thị trấn.")
                .withSource("langson-crawl").withProvince("Lạng Sơn"), OverwritePolicy.ALWAYS, null).stored().get();
        }
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"url\":\"" + url + "\",\"title\":\"x\"}\n"
            + "{\"url\":\"https://baolangson.vn/dai.html\",\"title\":\"Dài\",\"body\":\"" + "a".repeat(2_500_000) + "\"}\n", StandardCharsets.UTF_8);
        JsonlImporter.Summary summary = importFile(file);
        assertEquals(0, summary.changed(), summary.describe());
        assertEquals(0, summary.indexed(), summary.describe());
        List<String> problems = summary.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 1:") && p.contains("kept the stored version")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 2:") && p.contains("importer.maxLineChars")), problems.toString());
        Map<?, ?> article = elastic.client().get(g -> g.index(elastic.names().articles()).id(UrlNormalizer.id(url)), Map.class).source();
        assertTrue(String.valueOf(article.get("body")).contains(phrase), "the stored text is kept: " + article.get("body"));
        assertEquals("langson-crawl", article.get("source"));
        assertEquals("Lạng Sơn", article.get("province"));
    }

    @Test
    void changedArticleReplacesItsFactsAndKeepsHistory(@TempDir Path dir) throws Exception {
        Path v1 = dir.resolve("v1.jsonl");
        Path v2 = dir.resolve("v2.jsonl");
        String url = "https://baoyenbai.vn/edited.html";
        Files.writeString(v1, "{\"url\":\"" + url + "\",\"title\":\"Tiêm chủng\",\"body\":\"Tỷ lệ tiêm mũi 3 đạt 95,7%. Có 31 kỹ thuật mới.\",\"province\":\"Yên Bái\"}\n");
        Files.writeString(v2, "{\"url\":\"" + url + "\",\"title\":\"Tiêm chủng\",\"body\":\"Tỷ lệ tiêm mũi 3 đạt 96,1%.\",\"province\":\"Yên Bái\"}\n");
        importFile(v1);
        String id = UrlNormalizer.id(url);
        assertEquals(2, elastic.client().count(c -> c.index(elastic.names().facts()).query(q -> q.term(t -> t.field("articleId").value(id)))).count());
        JsonlImporter.Summary changed = importFile(v2);
        assertEquals(1, changed.changed());
        var facts = elastic.client().search(s -> s.index(elastic.names().facts()).query(q -> q.term(t -> t.field("articleId").value(id))), Map.class);
        assertEquals(1, facts.hits().total().value());
        assertEquals(96.1, ((Number) facts.hits().hits().get(0).source().get("value")).doubleValue(), 1e-9);
        assertEquals(1, elastic.client().count(c -> c.index(elastic.names().history()).query(q -> q.term(t -> t.field("articleId").value(id)))).count());
    }

    @Test
    void aChangedLineWithoutSourceOrProvinceKeepsTheStoredOnesAndALineThatSaysThemReplacesThem(@TempDir Path dir) throws Exception {
        // A neutral host and a text that names no province: the province can only come from what a line says.
        String url = "https://tintuc.example/y-te/tiem-chung.html";
        String id = UrlNormalizer.id(url);
        Path full = dir.resolve("full.jsonl");
        Files.writeString(full, "{\"url\":\"" + url + "\",\"title\":\"Tiêm chủng mở rộng\",\"body\":\"Tỷ lệ tiêm mũi 3 đạt 95,7%. "
            + "Có 31 kỹ thuật mới.\",\"published\":\"2023-05-02\",\"source\":\"baolangson\",\"sourceName\":\"Báo Lạng Sơn\","
            + "\"province\":\"Lạng Sơn\",\"author\":\"Minh Anh\",\"lang\":\"vi\"}\n", StandardCharsets.UTF_8);
        importFile(full);
        assertEquals("Lạng Sơn", elastic.client().get(g -> g.index(elastic.names().articles()).id(id), Map.class).source().get("province"));

        // The edited text alone: what the line does not say is kept.
        Path edited = dir.resolve("edited.jsonl");
        Files.writeString(edited, "{\"url\":\"" + url + "\",\"title\":\"Tiêm chủng mở rộng\",\"body\":\"Tỷ lệ tiêm mũi 3 đạt 96,1%. "
            + "Có 31 kỹ thuật mới.\"}\n", StandardCharsets.UTF_8);
        JsonlImporter.Summary summary = importFile(edited);
        assertEquals(1, summary.changed(), summary.describe());
        Map<?, ?> kept = elastic.client().get(g -> g.index(elastic.names().articles()).id(id), Map.class).source();
        assertTrue(String.valueOf(kept.get("body")).contains("96,1%"), "the line's text is written: " + kept.get("body"));
        assertEquals("baolangson", kept.get("source"));
        assertEquals("Báo Lạng Sơn", kept.get("sourceName"));
        assertEquals("Lạng Sơn", kept.get("province"));
        assertEquals("Minh Anh", kept.get("author"));
        assertTrue(String.valueOf(kept.get("published")).startsWith("2023-05-02"), String.valueOf(kept.get("published")));
        var facts = elastic.client().search(s -> s.index(elastic.names().facts()).query(q -> q.term(t -> t.field("articleId").value(id))), Map.class);
        assertTrue(facts.hits().total().value() > 0);
        for (var fact : facts.hits().hits()) {
            assertEquals("baolangson", fact.source().get("source"), "a fact carries the kept source: " + fact.source());
            assertEquals("Lạng Sơn", fact.source().get("province"), "a fact carries the kept province: " + fact.source());
        }

        // A line that says them replaces them.
        Path moved = dir.resolve("moved.jsonl");
        Files.writeString(moved, "{\"url\":\"" + url + "\",\"title\":\"Tiêm chủng mở rộng\",\"body\":\"Tỷ lệ tiêm mũi 3 đạt 96,4%. "
            + "Có 31 kỹ thuật mới.\",\"source\":\"baocaobang\",\"province\":\"Cao Bằng\"}\n", StandardCharsets.UTF_8);
        assertEquals(1, importFile(moved).changed());
        Map<?, ?> replaced = elastic.client().get(g -> g.index(elastic.names().articles()).id(id), Map.class).source();
        assertEquals("baocaobang", replaced.get("source"));
        assertEquals("Cao Bằng", replaced.get("province"));
        assertEquals(null, replaced.get("sourceName"), "a source's name goes with the source the line gives");
        assertEquals("Minh Anh", replaced.get("author"), "what this line does not say is still kept");
    }

    @Test
    void linesWithFieldsOfOtherShapesAreImportedOrRejectedOneByOneNeverStopTheImport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shapes.jsonl");
        Files.writeString(file, String.join("\n",
            // "parts" and "tableFigures" name what the crawler hands over for a file; in a line they are just other fields.
            "{\"url\":\"https://baocaobang.vn/parts.html\",\"title\":\"Báo cáo y tế\",\"body\":\"Tỷ lệ tiêm chủng đạt 97,1%.\","
                + "\"province\":\"Cao Bằng\",\"parts\":[{\"page\":1,\"text\":\"trang 1\"}],\"tableFigures\":\"none\"}",
            "{\"url\":\"https://baocaobang.vn/docs.html\",\"title\":\"Văn bản\",\"body\":\"Có 12 trạm y tế.\",\"documents\":\"https://baocaobang.vn/a.pdf\"}",
            "{\"url\":\"https://baocaobang.vn/title.html\",\"title\":{\"vi\":\"Tiêu đề\"},\"body\":\"x\"}",
            "{\"url\":\"https://baocaobang.vn/fetched.html\",\"title\":\"Tin\",\"body\":\"x\",\"fetchedAt\":\"hôm qua\"}",
            "[1, 2]",
            "{\"url\":\"https://baocaobang.vn/day.html\",\"title\":\"Tin\",\"body\":\"y\",\"fetchedAt\":\"2024-01-01\"}") + "\n", StandardCharsets.UTF_8);

        JsonlImporter.Summary summary = importFile(file);
        assertEquals(3, summary.indexed(), summary.problems().toString());
        assertEquals(3, summary.rejected(), summary.problems().toString());
        List<String> problems = summary.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 3:") && p.contains("title")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 4:") && p.contains("fetchedAt")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 5:") && p.contains("JSON object")), problems.toString());
        Map<?, ?> parts = elastic.client().get(g -> g.index(elastic.names().articles())
            .id(UrlNormalizer.id("https://baocaobang.vn/parts.html")), Map.class).source();
        assertEquals("Cao Bằng", parts.get("province"));
        assertEquals("none", parts.get("tableFigures"), "unknown fields are kept as given");
        assertEquals(List.of(Map.of("page", 1, "text", "trang 1")), parts.get("parts"), "unknown fields are kept as given");
        Map<?, ?> docs = elastic.client().get(g -> g.index(elastic.names().articles())
            .id(UrlNormalizer.id("https://baocaobang.vn/docs.html")), Map.class).source();
        assertEquals(List.of("https://baocaobang.vn/a.pdf"), docs.get("documents"), "a single link reads as a list of one");
    }

    @Test
    void anArticleStoredWithAnOldStyleTimeIsStillReplacedByItsNewVersion(@TempDir Path dir) throws Exception {
        // Imports once kept any "fetchedAt" as given; such an article must stay readable when its new version comes.
        String url = "https://laichau.example/tin/old-import.html";
        elastic.client().index(i -> i.index(elastic.names().articles()).id(UrlNormalizer.id(url)).refresh(Refresh.True)
            .document(Map.of("id", UrlNormalizer.id(url), "url", url, "title", "Tân Uyên", "body", "Cũ.", "contentHash", "old", "fetchedAt", "2024-01-01")));
        Path file = dir.resolve("new.jsonl");
        Files.writeString(file, "{\"url\":\"" + url + "\",\"title\":\"Tân Uyên\",\"body\":\"Huyện Tân Uyên có 12 trạm y tế.\"}\n", StandardCharsets.UTF_8);
        JsonlImporter.Summary summary = importFile(file);
        assertEquals(1, summary.changed(), summary.problems().toString());
    }

    @Test
    void linesOfOneAddressAreWrittenInFileOrderWhateverTheLanes(@TempDir Path dir) throws Exception {
        // Batches go out on several lanes at once; the later line of an address must still be the version kept.
        StringBuilder lines = new StringBuilder();
        String url = "https://yenbai.example/tin/ban-tin-y-te.html";
        lines.append("{\"url\":\"").append(url).append("\",\"title\":\"Bản tin y tế\",\"body\":\"Bản đầu: 136 cơ sở.\"}\n");
        for (int i = 0; i < 6 * JsonlImporter.BATCH; i++) {
            lines.append("{\"url\":\"https://yenbai.example/tin/").append(i).append(".html\",\"title\":\"Tin số ").append(i)
                .append("\",\"body\":\"Nội dung riêng của tin số ").append(i).append(" về trạm y tế xã.\"}\n");
        }
        lines.append("{\"url\":\"").append(url).append("\",\"title\":\"Bản tin y tế\",\"body\":\"Bản sau: 140 cơ sở.\"}\n");
        lines.append("{\"title\":\"no url\"}\n");
        Path file = dir.resolve("lanes.jsonl");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        JsonlImporter.Summary summary;
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            summary = new JsonlImporter(new ArticleWriter(elastic, bulk), bulk, new PrintStream(new ByteArrayOutputStream()),
                JsonlImporter.Settings.of(TestElastic.config(JsonlImporterTest.class)).withLanes(3)).importFile(file);
            elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        }
        // Both versions in one batch count once (the later kept); in two, the earlier may not be readable yet
        // when the later is looked up (then both count as indexed).
        assertTrue(summary.indexed() + summary.changed() >= 6 * JsonlImporter.BATCH + 1, summary.describe());
        assertEquals(1, summary.rejected(), summary.describe());
        assertEquals(List.of("line " + (6 * JsonlImporter.BATCH + 3) + ": missing or invalid url (http or https)"), summary.problems());
        GetResponse<ObjectNode> kept = elastic.client().get(g -> g.index(elastic.names().articles()).id(UrlNormalizer.id(url)), ObjectNode.class);
        assertEquals("Bản sau: 140 cơ sở.", kept.source().get("body").asText());
    }
}
