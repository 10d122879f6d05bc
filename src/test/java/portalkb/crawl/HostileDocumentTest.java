package portalkb.crawl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.extract.TestDocuments;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files built to exhaust the reader: one PDF page of a million text runs (4 MB on the wire, seconds of CPU
 * to read), and a Word file whose one XML part is tens of megabytes (a heap many times that to read). Their
 * reading is cut at crawler.documents.timeoutMs however long one page takes, and at
 * crawler.documents.maxHeapMb in a child JVM, never in the crawling JVM's heap: the crawl goes on and the
 * article that links them is stored.
 */
@ExtendWith(TestElastic.class)
class HostileDocumentTest {

    private static TestSite site;

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        // Two sections, one file each: a crawl of one reads one file (and starts one reader).
        site.page("/tinh/", TestSite.listing("", "/tinh/bao-cao.html"));
        site.page("/tinh/bao-cao.html", TestSite.articleWith("", "Báo cáo công tác y tế năm 2023",
            "Sở Y tế tỉnh vừa ban hành báo cáo kết quả công tác y tế năm 2023 gửi các đơn vị trong tỉnh.",
            "Chi tiết xem tại tệp đính kèm: <a href=\"/tinh/files/bao-cao.pdf\">Báo cáo (PDF)</a>."));
        site.page("/so/", TestSite.listing("", "/so/so-lieu.html"));
        site.page("/so/so-lieu.html", TestSite.articleWith("", "Số liệu công tác y tế năm 2023",
            "Sở Y tế tỉnh công bố số liệu công tác y tế năm 2023 của các huyện, thị xã và thành phố trong tỉnh.",
            "Chi tiết xem tại tệp đính kèm: <a href=\"/tinh/files/so-lieu.docx\">Số liệu (Word)</a>."));
        site.respond("/tinh/files/bao-cao.pdf", 200, "application/pdf", TestDocuments.heavyOnePagePdf(1_000_000));
        site.respond("/tinh/files/so-lieu.docx", 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            TestDocuments.hugeDocx(300_000));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** Crawls a section of the site with {@code settings}; returns the run's report and the states of the two files. */
    private static Object[] crawl(String prefix, String section, String article, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("elasticsearch.indexPrefix", prefix);
        all.put("crawler.retryBackoffMs", "10");
        all.put("crawler.maxRetries", "0");
        AppConfig config = TestElastic.config(HostileDocumentTest.class, all);
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            List<SourceReport> reports = Crawls.run(elastic, config, Crawls.source("tinh", List.of(site.url(section)),
                List.of("^" + java.util.regex.Pattern.quote(site.url("/"))), null), Crawls.ALL);
            assertNotNull(Crawls.articles(elastic).get(site.url(article)), "the article that links the file is stored");
            UrlState pdf = Crawls.state(elastic, site.url("/tinh/files/bao-cao.pdf"));
            UrlState docx = Crawls.state(elastic, site.url("/tinh/files/so-lieu.docx"));
            return new Object[] {reports.get(0), pdf, docx};
        }
    }

    @Test
    @Timeout(180)
    void readingOnePageIsCutAtTheTimeLimit() throws Exception {
        Object[] crawled = crawl("t-hostile-time", "/tinh/", "/tinh/bao-cao.html", Map.of("crawler.documents.timeoutMs", "800"));
        UrlState pdf = (UrlState) crawled[1];
        assertEquals(UrlState.Status.SKIPPED, pdf.status(), "the file is recorded as skipped: " + pdf);
        assertTrue(pdf.error().contains("crawler.documents.timeoutMs"), pdf.error());
        long parseMs = ((SourceReport) crawled[0]).parseNanos.get() / 1_000_000;
        assertTrue(parseMs < 4_000, "the reading was cut near the 800 ms limit (plus the reader's start), not after the whole page: "
            + parseMs + " ms");
    }

    @Test
    @Timeout(180)
    void aFileThatNeedsMoreThanTheReadersHeapIsSkipped() throws Exception {
        Object[] crawled = crawl("t-hostile-memory", "/so/", "/so/so-lieu.html", Map.of("crawler.documents.maxHeapMb", "64", "crawler.documents.timeoutMs", "60000"));
        UrlState docx = (UrlState) crawled[2];
        assertEquals(UrlState.Status.SKIPPED, docx.status(), "the file is recorded as skipped: " + docx);
        assertTrue(docx.error().contains("crawler.documents.maxHeapMb"), docx.error());
    }

    @Test
    @Timeout(120)
    void htmlServedAsAPdfGetsThePageLimitNotTheDocumentLimit() throws Exception {
        AppConfig config = TestElastic.config(HostileDocumentTest.class, Map.of("crawler.maxPageBytes", "100000",
            "crawler.documents.maxBytes", "5000000", "crawler.maxRetries", "0"));
        String html = TestSite.article("Trang rất dài", "x".repeat(400_000));
        site.respond("/tinh/gia.pdf", 200, "application/pdf", TestSite.utf8(html));
        FetchResult result = new Fetcher(config.crawler()).fetch(site.url("/tinh/gia.pdf"), null, null, u -> true);
        assertEquals(FetchResult.Outcome.TOO_LARGE, result.outcome(), "a page of 400 kB called a PDF: " + result.error());
        assertTrue(result.error().contains("crawler.maxPageBytes"), result.error());
    }
}
