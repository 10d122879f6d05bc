package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.ask.AskResponse;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.core.Fingerprints;
import portalkb.extract.TestDocuments;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A district health portal that publishes its reports as files: an article links a PDF report (a table
 * of districts on page 2), a workbook of figures, and files no one can read (encrypted, broken,
 * scanned, too large). All written by the test, served by a real HTTP server on 127.0.0.1, crawled into
 * the real node, and asked about.
 */
@ExtendWith(TestElastic.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentCrawlTest {

    static final String QUESTION = "Huyện nào có tỷ lệ tiêm chủng đầy đủ cao nhất theo báo cáo kết quả tiêm chủng mở rộng năm 2023 của Lai Châu?";

    private static TestSite site;
    private static AppConfig config;
    private static Elastic elastic;
    private static String yaml;
    private static final AtomicReference<byte[]> report = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        config = TestElastic.config(DocumentCrawlTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0",
            "crawler.documents.maxBytes", "400000"));
        elastic = TestElastic.freshIndices(config);
        report.set(reportPdf("Các huyện vùng cao còn gặp khó khăn do địa bàn rộng."));
        site.page("/laichau/", TestSite.listing("", "/laichau/tin/tcmr-2023.html"));
        site.page("/laichau/tin/tcmr-2023.html", TestSite.articleWith("", "Sở Y tế công bố báo cáo tiêm chủng mở rộng năm 2023",
            "Sở Y tế tỉnh Lai Châu vừa ban hành báo cáo kết quả công tác tiêm chủng mở rộng năm 2023 gửi các đơn vị trong tỉnh.",
            "Chi tiết xem tại các tệp đính kèm: <a href=\"/laichau/files/bao-cao-tcmr-2023.pdf\">Báo cáo (PDF)</a>, "
                + "<a href=\"/laichau/files/so-lieu-2023.xlsx\">Số liệu (Excel)</a>, <a href=\"/laichau/files/mat.pdf\">Tài liệu mật</a>, "
                + "<a href=\"/laichau/files/hong.pdf\">Tệp hỏng</a>, <a href=\"/laichau/files/ban-scan.pdf\">Bản scan</a>, "
                + "<a href=\"/laichau/files/rat-lon.pdf\">Tệp rất lớn</a>."));
        site.handle("/laichau/files/bao-cao-tcmr-2023.pdf", e -> serveWithValidators(e, "application/pdf", report.get()));
        site.handle("/laichau/files/so-lieu-2023.xlsx", e -> serveWithValidators(e,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook()));
        site.respond("/laichau/files/mat.pdf", 200, "application/pdf", TestDocuments.encryptedPdf("Tài liệu mật"));
        byte[] whole = reportPdf("x");
        site.respond("/laichau/files/hong.pdf", 200, "application/pdf", Arrays.copyOf(whole, 500));
        site.respond("/laichau/files/ban-scan.pdf", 200, "application/pdf", TestDocuments.imageOnlyPdf(2));
        site.respond("/laichau/files/rat-lon.pdf", 200, "application/octet-stream", oversized(whole));
        yaml = "sources:\n  - id: laichau\n    province: Lai Châu\n    delayMs: 0\n    seeds: [\"" + site.url("/laichau/") + "\"]\n";
    }

    @AfterAll
    static void stop() throws IOException {
        site.close();
        elastic.close();
    }

    static byte[] reportPdf(String lastLine) {
        return TestDocuments.pdf("Microsoft Word - BC TCMR 2023.docx", List.of(
            TestDocuments.Page.of("UBND TỈNH LAI CHÂU", "SỞ Y TẾ", "# BÁO CÁO", "# Kết quả tiêm chủng mở rộng năm 2023",
                "Năm 2023, ngành y tế tỉnh Lai Châu tiếp tục triển khai chương trình tiêm chủng mở rộng tại tất cả",
                "các xã, phường, thị trấn; công tác tiêm chủng được duy trì hằng tháng."),
            TestDocuments.Page.of("II. KẾT QUẢ THEO ĐỊA BÀN", TestDocuments.laiChauVaccination(), lastLine)));
    }

    static byte[] workbook() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Trạm y tế", List.of(
            List.of("SỐ TRẠM Y TẾ CÓ BÁC SĨ LÀM VIỆC NĂM 2023"),
            List.of("Huyện", "Số trạm y tế có bác sĩ", "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế (%)"),
            List.of("Mường Tè", 9, 71.4), List.of("Sìn Hồ", 14, 80.0), List.of("Phong Thổ", 12, 88.9), List.of("Than Uyên", 10, 91.7)));
        return TestDocuments.workbook(false, sheets, null);
    }

    /** More than crawler.documents.maxBytes (400,000 here), sent without a declared length, so only reading tells. */
    static byte[] oversized(byte[] pdf) {
        byte[] big = Arrays.copyOf(pdf, 450_000);
        Arrays.fill(big, pdf.length, big.length, (byte) ' ');
        return big;
    }

    /** A file served like a real server serves one: ETag and Last-Modified, 304 to a matching conditional GET. */
    static void serveWithValidators(HttpExchange e, String type, byte[] body) throws IOException {
        String etag = "\"" + Fingerprints.sha256Hex(body, 8) + "\"";
        e.getResponseHeaders().set("ETag", etag);
        e.getResponseHeaders().set("Last-Modified", "Mon, 15 Jan 2024 02:00:00 GMT");
        if (etag.equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
            e.sendResponseHeaders(304, -1);
            e.close();
            return;
        }
        TestSite.send(e, 200, type, body);
    }

    @Test
    @Order(1)
    @Timeout(180)
    void aPdfAndAWorkbookLinkedFromAnArticleAreIndexedWithPagesSheetsAndTheirTableFigures() throws Exception {
        List<SourceReport> reports = Crawls.run(elastic, config, yaml, Crawls.DUE);
        Map<String, Map<String, Object>> articles = Crawls.articles(elastic);
        String pdfUrl = site.url("/laichau/files/bao-cao-tcmr-2023.pdf");
        Map<String, Object> pdf = articles.get(pdfUrl);
        assertNotNull(pdf, "the PDF is indexed: " + articles.keySet() + " " + Crawls.errors(reports));
        assertEquals("pdf", pdf.get("type"));
        assertEquals("Báo cáo kết quả tiêm chủng mở rộng năm 2023", pdf.get("title"));
        assertEquals("Lai Châu", pdf.get("province"));
        assertEquals(2, ((Number) pdf.get("pages")).intValue());
        assertEquals(List.of(site.url("/laichau/tin/tcmr-2023.html")), linkedUrls(pdf), "the article that links the file");
        assertEquals("html", articles.get(site.url("/laichau/tin/tcmr-2023.html")).get("type"));

        List<Map<String, Object>> pageTwo = passages(pdfUrl + "#page=2");
        assertTrue(pageTwo.stream().allMatch(p -> ((Number) p.get("page")).intValue() == 2), pageTwo.toString());
        assertTrue(pageTwo.stream().anyMatch(p -> p.get("text").toString().contains("huyện Mường Tè: số trẻ dưới 1 tuổi 1.215 trẻ")), pageTwo.toString());
        Map<String, Object> fact = fact("Mường Tè", "full_immunisation");
        assertEquals(85.1, ((Number) fact.get("value")).doubleValue(), 1e-9);
        assertEquals(2023, ((Number) fact.get("year")).intValue());
        assertEquals(2, ((Number) fact.get("page")).intValue());
        assertEquals(pdfUrl + "#page=2", fact.get("url"), "a figure opens the file at its page");
        assertEquals("Lai Châu", fact.get("province"));

        Map<String, Object> xlsx = articles.get(site.url("/laichau/files/so-lieu-2023.xlsx"));
        assertNotNull(xlsx, articles.keySet().toString());
        assertEquals("xls", xlsx.get("type"));
        Map<String, Object> sheetFact = fact("Than Uyên", "communes_health_standard");
        assertEquals(91.7, ((Number) sheetFact.get("value")).doubleValue(), 1e-9);
        assertEquals("Trạm y tế", sheetFact.get("sheet"));

        assertSkipped("/laichau/files/mat.pdf", "encrypted PDF");
        assertSkipped("/laichau/files/hong.pdf", "broken PDF");
        assertSkipped("/laichau/files/ban-scan.pdf", "image-only PDF");
        assertSkipped("/laichau/files/rat-lon.pdf", "limit 400000 (crawler.documents.maxBytes)");
        assertTrue(Crawls.errors(reports).contains("encrypted PDF"), "the run says why: " + Crawls.errors(reports));
    }

    @Test
    @Order(2)
    @Timeout(180)
    void filesFollowTheRecrawlRulesUnchangedOnesAreNotReindexedChangedOnesAre() throws Exception {
        String pdfUrl = site.url("/laichau/files/bao-cao-tcmr-2023.pdf");
        Object indexedAt = Crawls.articles(elastic).get(pdfUrl).get("indexedAt");
        Crawls.run(elastic, config, yaml, Crawls.ALL);
        assertEquals(indexedAt, Crawls.articles(elastic).get(pdfUrl).get("indexedAt"), "304 for an unchanged file: not indexed again");
        assertEquals(304, Crawls.state(elastic, pdfUrl).httpStatus());

        report.set(reportPdf("Năm 2024, Sở Y tế sẽ tăng cường tiêm chủng tại các huyện vùng cao."));
        List<SourceReport> changed = Crawls.run(elastic, config, yaml, Crawls.ALL);
        assertTrue(changed.get(0).changed.get() >= 1, Crawls.errors(changed));
        Map<String, Object> pdf = Crawls.articles(elastic).get(pdfUrl);
        assertTrue(pdf.get("body").toString().contains("Năm 2024, Sở Y tế sẽ tăng cường"), pdf.get("body").toString());
        assertNotNull(pdf.get("changedAt"));
    }

    @Test
    @Order(3)
    @Timeout(120)
    void aQuestionWhoseAnswerIsOnlyInAPdfTableIsAnsweredWithTheFileAndPage() throws Exception {
        AskResponse answer = new AskService(elastic, config).ask(QUESTION, null, null, "vi");
        assertTrue(answer.answer().contains("Than Uyên"), answer.answer() + "\n" + answer.citations());
        String pdfUrl = site.url("/laichau/files/bao-cao-tcmr-2023.pdf");
        assertTrue(answer.citations().stream().anyMatch(c -> (pdfUrl + "#page=2").equals(c.url())),
            "cited at the file's page: " + answer.citations());
    }

    private static void assertSkipped(String path, String reason) throws IOException {
        UrlState state = Crawls.state(elastic, site.url(path));
        assertNotNull(state, path);
        assertEquals(UrlState.Status.SKIPPED, state.status(), state.toString());
        assertTrue(state.error() != null && state.error().contains(reason), state.toString());
        assertEquals("pdf", state.kind(), state.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> linkedUrls(Map<String, Object> doc) {
        Object linked = doc.get("linkedFrom");
        return linked == null ? List.of() : ((List<Map<String, Object>>) linked).stream().map(m -> (String) m.get("url")).toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Map<String, Object>> passages(String url) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().passages()));
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().passages()).size(50)
            .query(q -> q.term(t -> t.field("url").value(url))), Map.class);
        assertFalse(response.hits().hits().isEmpty(), "passages at " + url);
        return response.hits().hits().stream().map(h -> (Map<String, Object>) h.source()).toList();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Object> fact(String district, String metric) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().facts()));
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(50)
            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("district").value(district)))
                .filter(f -> f.term(t -> t.field("metric").value(metric))))), Map.class);
        List<Hit<Map>> hits = response.hits().hits();
        assertEquals(1, hits.size(), "one fact of " + district + " " + metric + ": " + hits.stream().map(Hit::source).toList());
        return hits.get(0).source();
    }

    @Test
    @Order(9)
    @Timeout(180)
    void aOnePageRemovedNoticeDoesNotReplaceALongReport() throws Exception {
        String url = site.url("/laichau/files/bao-cao-tcmr-2023.pdf");
        String stored = String.valueOf(Crawls.articles(elastic).get(url).get("body"));
        assertTrue(stored.contains("tiêm chủng mở rộng"), stored);
        report.set(TestDocuments.pdf(null, List.of(TestDocuments.Page.of("# Thông báo",
            "Tệp này đã được gỡ bỏ khỏi cổng thông tin điện tử theo yêu cầu của đơn vị quản lý nội dung.",
            "Vui lòng liên hệ Văn phòng Sở Y tế tỉnh Lai Châu để biết thêm chi tiết."))));
        try {
            Crawls.run(elastic, config, yaml, Crawls.ALL);
            String body = String.valueOf(Crawls.articles(elastic).get(url).get("body"));
            assertTrue(body.contains("tiêm chủng mở rộng"), "the report is kept: " + body);
        } finally {
            report.set(reportPdf("Các huyện vùng cao còn gặp khó khăn do địa bàn rộng."));
        }
    }
}
