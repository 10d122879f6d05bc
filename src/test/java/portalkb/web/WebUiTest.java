package portalkb.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import portalkb.app.Services;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.CrawlService;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourcesFile;
import portalkb.demo.StaticSiteServer;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI in real headless Chromium against a demo-like server on a random port: the bundled sample
 * portal crawled into the test node, plus one hostile article. Screenshots go to target/screenshots/.
 */
@ExtendWith(TestElastic.class)
class WebUiTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String CONFLICTING_URL = "https://tonghop.example/quang-ninh-bhyt-2023.html";
    private static final String HOSTILE_TITLE = "Bảo hiểm y tế <img src=x onerror=\"window.__xss=1\"> tin giả";

    private static StaticSiteServer portal;
    private static Elastic elastic;
    private static Javalin app;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/chromedriver").canExecute() && new File("/usr/bin/chromium").canExecute(),
            "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        AppConfig config = TestElastic.config(WebUiTest.class, Map.of("server.adminToken", "s3cret-token", "server.rateLimitPerMinute", "0"));
        elastic = TestElastic.freshIndices(config);
        portal = new StaticSiteServer("/portalkb/demo/sites", 0);
        Path sources = Files.createTempFile("ui-sources", ".yaml");
        try (InputStream in = WebUiTest.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            Files.writeString(sources, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", portal.baseUrl()));
        }
        new Crawler(elastic, config.crawler()).run(SourcesFile.load(sources, config.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE);
        // A source added after the crawl: it has never run (the crawl view's status filter finds it).
        Files.writeString(sources, """
              - id: haiphong-news
                name: Báo Hải Phòng (not crawled yet)
                province: Hải Phòng
                seeds: [http://127.0.0.1:9/xa-hoi]
            """, StandardOpenOption.APPEND);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(ArticleInput.of("https://hostile.example/tin.html", HOSTILE_TITLE,
                    "Tin có mã độc <script>window.__xss=2</script> và <img src=x onerror=\"window.__xss=3\"> về bảo hiểm y tế.")
                    .withProvince("Hà Nội").withSource("hostile").withPublished("2024-03-01T08:00:00+07:00"),
                // Our own article disagreeing with the sample portal's Quảng Ninh figure of 2023: a conflict for the Rankings view.
                ArticleInput.of(CONFLICTING_URL, "Quảng Ninh: bảo hiểm y tế năm 2023", "Năm 2023, tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 96,4% dân số.")
                    .withProvince("Quảng Ninh").withSource("tonghop").withPublished("2024-02-20T08:00:00+07:00")));
        }
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().passages(), elastic.names().facts())));
        CrawlService crawls = new CrawlService(elastic, config, sources, false);
        app = WebApp.create(Services.of(config, elastic).withCrawls(crawls)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 900));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (portal != null) {
            portal.close();
        }
        if (elastic != null) {
            elastic.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void shot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void searchWorksWithJavaScriptTurnedOff() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=vi-VN");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        WebDriver plain = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        try {
            plain.manage().window().setSize(new Dimension(1280, 900));
            plain.get(base + "/");
            WebElement q = new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("noscript-q")));
            q.sendKeys("bao hiem y te", Keys.ENTER);
            new WebDriverWait(plain, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.result mark")));
            List<WebElement> results = plain.findElements(By.cssSelector("li.result"));
            assertTrue(results.size() >= 3, plain.getPageSource());
            assertTrue(plain.getCurrentUrl().contains("/search?q=bao+hiem+y+te"), plain.getCurrentUrl());
            File file = ((TakesScreenshot) plain).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SHOTS.resolve("search-without-javascript.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            plain.quit();
        }
    }

    @Test
    void chatAnswersTheHeadlineQuestionWithAWorkingCitation() throws Exception {
        browser.get(base + "/?view=ask");
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id("question")));
        input.sendKeys("Which province reached 97.9% insurance coverage?", Keys.ENTER);
        WebElement answer = waiting().until(d -> {
            List<WebElement> a = d.findElements(By.cssSelector(".msg.bot[aria-busy='false'] .answer"));
            return a.isEmpty() ? null : a.get(0);
        });
        assertTrue(answer.getText().startsWith("Lạng Sơn"), () -> "answer: " + browser.findElement(By.id("chat")).getAttribute("innerHTML"));
        WebElement cite = browser.findElement(By.cssSelector(".msg.bot .answer a.cite"));
        assertEquals("[1]", cite.getText());
        String href = cite.getAttribute("href");
        assertTrue(href.startsWith(portal.baseUrl() + "/baolangson/"), href);
        browser.findElement(By.cssSelector(".citations summary .n")).click();
        assertTrue(browser.findElement(By.cssSelector(".citations blockquote")).getText().contains("97,9%"));
        assertEquals(200, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), "the cited article opens");
        input.sendKeys("and Yên Bái?", Keys.ENTER);
        waiting().until(d -> d.findElements(By.cssSelector(".msg.bot[aria-busy='false']")).size() == 2);
        String followUp = browser.findElements(By.cssSelector(".msg.bot .answer")).get(1).getText();
        assertTrue(followUp.contains("Yên Bái"), followUp);
        shot("ask");
    }

    @Test
    void searchWithoutDiacriticsAndFilterByAFacet() throws Exception {
        browser.get(base + "/?view=search&q=" + java.net.URLEncoder.encode("bao hiem y te", StandardCharsets.UTF_8));
        waiting().until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
        int before = browser.findElements(By.cssSelector(".hit")).size();
        assertTrue(browser.findElement(By.cssSelector(".hit .snippet mark")).getText().toLowerCase().contains("bảo hiểm"));
        // The hits come first; the total and the facets follow in their own request.
        waiting().until(d -> !d.findElements(By.cssSelector(".facet a.bucket")).isEmpty());
        assertTrue(browser.findElement(By.id("search-summary")).getText().matches(".*\\d.*"), browser.findElement(By.id("search-summary")).getText());
        WebElement facet = browser.findElements(By.cssSelector(".facet a.bucket")).stream()
            .filter(a -> a.getText().startsWith("Lạng Sơn")).findFirst().orElseThrow();
        facet.click();
        waiting().until(d -> d.getCurrentUrl().contains("province="));
        waiting().until(d -> d.findElements(By.cssSelector(".hit")).size() > 0 && d.findElements(By.cssSelector(".hit")).size() < before);
        for (WebElement meta : browser.findElements(By.cssSelector(".hit .meta"))) {
            assertTrue(meta.getText().contains("Lạng Sơn"), meta.getText());
        }
        String shared = browser.getCurrentUrl();
        browser.navigate().refresh();
        waiting().until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
        assertEquals(shared, browser.getCurrentUrl(), "the state lives in the URL");
        waiting().until(d -> !d.findElements(By.cssSelector(".facet a.bucket")).isEmpty());
        shot("search");
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("search-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void documentsHaveAFileTypeFacetAFileIconAndTheArticleThatLinksThem() throws Exception {
        browser.get(base + "/?view=search&q=" + java.net.URLEncoder.encode("tiêm chủng đầy đủ", StandardCharsets.UTF_8));
        waiting().until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty() && !d.findElements(By.cssSelector(".facet a.bucket")).isEmpty());
        WebElement pdf = browser.findElements(By.cssSelector(".facet a.bucket")).stream()
            .filter(a -> a.getText().startsWith("PDF")).findFirst().orElseThrow(() -> new AssertionError(browser.findElement(By.id("facets")).getText()));
        pdf.click();
        waiting().until(d -> d.getCurrentUrl().contains("type=pdf"));
        waiting().until(d -> !d.findElements(By.cssSelector(".hit.document")).isEmpty()
            && d.findElements(By.cssSelector(".hit")).size() == d.findElements(By.cssSelector(".hit .filetype-pdf")).size());
        WebElement hit = browser.findElement(By.cssSelector(".hit.document"));
        assertEquals("PDF", hit.findElement(By.cssSelector("h3 .filetype")).getText().replaceAll("[^A-Z]", ""));
        assertEquals("Báo cáo kết quả tiêm chủng mở rộng năm 2022", hit.findElement(By.cssSelector("h3 a")).getText());
        assertTrue(hit.findElement(By.cssSelector("h3 a")).getAttribute("href").endsWith("/laichau/tin-tuc/files/bao-cao-tcmr-2022.pdf"));
        WebElement linked = hit.findElement(By.cssSelector(".linked a"));
        assertEquals("Lai Châu đẩy nhanh tiêm chủng mở rộng", linked.getText(), "the article that links the file");
        assertTrue(linked.getAttribute("href").endsWith("/laichau/tin-tuc/tiem-chung-2022.html"));
        shot("search-documents");
    }

    @Test
    void aQuestionAnsweredFromAPdfTableCitesTheFileAtItsPage() throws Exception {
        browser.get(base + "/?view=ask");
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.id("question")));
        input.sendKeys("Huyện nào có tỷ lệ tiêm chủng đầy đủ cao nhất theo báo cáo kết quả tiêm chủng mở rộng năm 2022 của Lai Châu?", Keys.ENTER);
        WebElement answer = waiting().until(d -> {
            List<WebElement> a = d.findElements(By.cssSelector(".msg.bot[aria-busy='false'] .answer"));
            return a.isEmpty() ? null : a.get(0);
        });
        assertTrue(answer.getText().startsWith("Than Uyên"), () -> "answer: " + browser.findElement(By.id("chat")).getAttribute("innerHTML"));
        String href = browser.findElement(By.cssSelector(".msg.bot .answer a.cite")).getAttribute("href");
        assertTrue(href.endsWith("/laichau/tin-tuc/files/bao-cao-tcmr-2022.pdf#page=2"), href);
        WebElement summary = browser.findElement(By.cssSelector(".citations summary"));
        assertTrue(summary.getText().contains("page 2"), summary.getText());
        assertEquals(1, summary.findElements(By.cssSelector(".filetype-pdf")).size(), "a file icon on the citation");
        summary.findElement(By.cssSelector(".n")).click();
        String quote = browser.findElement(By.cssSelector(".citations blockquote")).getAttribute("textContent");
        assertTrue(quote.contains("99,0%"), quote);
        var opened = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href.replace("#page=2", ""))).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(200, opened.statusCode(), "the cited file opens");
        assertEquals("application/pdf", opened.headers().firstValue("Content-Type").orElse(""));
        shot("ask-document");
    }

    @Test
    void hostileTitlesAndBodiesRunNoScript() throws Exception {
        browser.get(base + "/?view=search&q=" + java.net.URLEncoder.encode("tin giả mã độc", StandardCharsets.UTF_8));
        WebElement title = waiting().until(d -> d.findElements(By.cssSelector(".hit h3 a")).stream()
            .filter(a -> a.getText().contains("tin giả")).findFirst().orElse(null));
        assertEquals(HOSTILE_TITLE, title.getText(), "shown as text");
        assertTrue(browser.findElements(By.cssSelector(".results img, .results script")).isEmpty());
        Thread.sleep(300);
        assertEquals(null, js("return window.__xss;"), "no script ran");
        browser.get(base + "/?view=ask&q=" + java.net.URLEncoder.encode("<img src=x onerror=\"window.__xss=4\">", StandardCharsets.UTF_8));
        waiting().until(d -> !d.findElements(By.cssSelector(".msg.bot[aria-busy='false']")).isEmpty());
        assertEquals(null, js("return window.__xss;"), "a hostile question is shown as text");
        shot("hostile");
    }

    @Test
    void provinceDashboardAndComparisonChart() throws Exception {
        browser.get(base + "/?view=provinces&province=lang-son");
        waiting().until(d -> !d.findElements(By.cssSelector(".card")).isEmpty());
        // The card's value in the reader's language (an English browser): 97.9%, not the article's "97,9%".
        assertTrue(browser.findElement(By.id("province-detail")).getText().contains("97.9%"), browser.findElement(By.id("province-detail")).getText());
        browser.get(base + "/?view=provinces&province=lang-son&metric=health_insurance_coverage&provinces="
            + java.net.URLEncoder.encode("Lạng Sơn,Bắc Kạn,Hà Giang,Yên Bái", StandardCharsets.UTF_8));
        waiting().until(d -> d.findElements(By.cssSelector("#compare-points li")).size() >= 4);
        waiting().until(d -> Boolean.TRUE.equals(js("return !!window.Chart && !!window.Chart.getChart(document.getElementById('compare-chart'));")));
        WebElement point = browser.findElement(By.cssSelector("#compare-points a.point-source"));
        assertTrue(point.getAttribute("href").startsWith(portal.baseUrl()), "each point links to its source article");
        shot("province");
        js("document.querySelector('.chart-box').scrollIntoView({block: 'center'});");
        Thread.sleep(500);
        shot("province-chart");
    }

    @Test
    void rankingsBarsLinkToSourcesTheTableSortsAndConflictsAreMarked() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1500));
        browser.get(base + "/?view=rankings&metric=health_insurance_coverage");
        waiting().until(d -> d.findElements(By.cssSelector("#rank-rows tr[data-province]")).size() >= 5);
        waiting().until(d -> Boolean.TRUE.equals(js("return !!window.Chart && !!window.Chart.getChart(document.getElementById('rank-chart'));")));
        assertTrue(browser.findElement(By.id("rank-summary")).getText().matches("Figures for \\d+ of 63 provinces.*"),
            browser.findElement(By.id("rank-summary")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#rank-rows tr[data-province]"));
        assertEquals(rows.size(), ((Number) js("return Chart.getChart(document.getElementById('rank-chart')).data.labels.length;")).intValue(),
            "a bar for every province with a figure");
        for (WebElement row : rows) {
            String href = row.findElement(By.cssSelector("a.rank-source")).getAttribute("href");
            assertTrue(href.startsWith(portal.baseUrl()) || href.equals(CONFLICTING_URL), href);
        }
        // The conflict: Quảng Ninh 2023 is 96,4% in our article and 96,8% on the sample portal; both are shown with their sources.
        WebElement quangNinh = browser.findElement(By.cssSelector("#rank-rows tr[data-province='Quảng Ninh']"));
        assertTrue(quangNinh.getAttribute("class").contains("conflicting"));
        assertEquals(CONFLICTING_URL, quangNinh.findElement(By.cssSelector("a.rank-source")).getAttribute("href"));
        assertTrue(quangNinh.findElement(By.cssSelector(".conflict")).getText().contains("96.8%"), quangNinh.getText());
        assertTrue(quangNinh.findElement(By.cssSelector(".conflict a")).getAttribute("href").startsWith(portal.baseUrl()));
        assertTrue(((String) js("return Chart.getChart(document.getElementById('rank-chart')).data.labels.join('|');")).contains("⚠ Quảng Ninh"));

        // A click on the first bar opens its source article.
        String firstUrl = rows.get(0).findElement(By.cssSelector("a.rank-source")).getAttribute("href");
        String home = browser.getWindowHandle();
        js("const c = Chart.getChart(document.getElementById('rank-chart')); const b = c.getDatasetMeta(0).data[0];"
            + "const r = c.canvas.getBoundingClientRect(); const o = {clientX: r.left + b.x - 5, clientY: r.top + b.y, bubbles: true};"
            + "c.canvas.dispatchEvent(new MouseEvent('mousemove', o)); c.canvas.dispatchEvent(new MouseEvent('click', o));");
        waiting().until(d -> d.getWindowHandles().size() == 2);
        String opened = browser.getWindowHandles().stream().filter(h -> !h.equals(home)).findFirst().orElseThrow();
        browser.switchTo().window(opened);
        waiting().until(d -> d.getCurrentUrl().equals(firstUrl));
        browser.close();
        browser.switchTo().window(home);

        // Sortable: by value ascending, then descending.
        browser.findElement(By.cssSelector("#rank-table th[data-sort=value]")).click();
        List<Double> ascending = shownValues();
        assertEquals(ascending.stream().sorted().toList(), ascending);
        browser.findElement(By.cssSelector("#rank-table th[data-sort=value]")).click();
        List<Double> descending = shownValues();
        assertEquals(ascending.reversed(), descending);
        assertEquals("descending", browser.findElement(By.cssSelector("#rank-table th[data-sort=value]")).getAttribute("aria-sort"));

        String export = browser.findElement(By.id("rank-export")).getAttribute("href");
        assertTrue(export.contains("format=csv") && export.contains("metric=health_insurance_coverage"), export);
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(export)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("Quảng Ninh"), csv.body());

        // The trend of chosen provinces: a line each, points with sources and changes.
        WebElement provinces = browser.findElement(By.id("trend-provinces"));
        provinces.clear();
        provinces.sendKeys("Bắc Kạn, Quảng Ninh", Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("trend="));
        waiting().until(d -> d.findElements(By.cssSelector("#trend-points > li")).size() == 2);
        waiting().until(d -> ((Number) js("const c = Chart.getChart(document.getElementById('trend-chart')); return c ? c.data.datasets.length : 0;")).intValue() == 2);
        assertTrue(browser.findElement(By.id("trend-points")).getText().contains("Quảng Ninh"));
        assertFalse(browser.findElements(By.cssSelector("#trend-points .conflict")).isEmpty(), "the conflicting year is marked in the trend too");
        js("window.scrollTo(0, 0);");
        shot("rankings");
        js("document.getElementById('trend-chart').scrollIntoView({block: 'center'});");
        Thread.sleep(300);
        shot("rankings-trend");

        browser.findElement(By.id("lang")).click();
        waiting().until(d -> d.findElement(By.cssSelector("nav a[data-view=rankings]")).getText().equals("Xếp hạng"));
        waiting().until(d -> d.findElement(By.id("rank-summary")).getText().startsWith("Có số liệu của"));
        assertEquals("Hạng", browser.findElement(By.cssSelector("#rank-table th[data-sort=rank]")).getText().replace(" ▲", "").replace(" ▼", ""));
        js("window.scrollTo(0, 0);");
        shot("rankings-vi");
        browser.findElement(By.id("lang")).click();
        waiting().until(d -> d.findElement(By.cssSelector("nav a[data-view=rankings]")).getText().equals("Rankings"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static List<Double> shownValues() {
        return browser.findElements(By.cssSelector("#rank-rows tr[data-province] td.num")).stream()
            .map(td -> Double.parseDouble(td.getText().replace("%", "").replace(",", "").strip())).toList();
    }

    @Test
    void theProvinceComparisonChartStartsFilled() throws Exception {
        // Hà Giang shares its province of today with Tuyên Quang: the two are compared without typing anything.
        browser.get(base + "/?view=provinces&province=ha-giang");
        waiting().until(d -> !d.findElements(By.cssSelector("#compare-points li")).isEmpty());
        String chosen = browser.findElement(By.id("compare-provinces")).getAttribute("value");
        assertTrue(chosen.startsWith("Hà Giang") && chosen.contains("Tuyên Quang"), chosen);
        waiting().until(d -> Boolean.TRUE.equals(js("return !!window.Chart && !!window.Chart.getChart(document.getElementById('compare-chart'));")));
        // Lạng Sơn merged with nobody: the top 5 of its first metric join it.
        browser.get(base + "/?view=provinces&province=lang-son");
        waiting().until(d -> d.findElement(By.id("compare-provinces")).getAttribute("value").split(",").length >= 3);
        waiting().until(d -> d.findElements(By.cssSelector("#compare-points li")).size() >= 3);
        js("document.querySelector('.chart-box').scrollIntoView({block: 'center'});");
        Thread.sleep(1500); // the bars' animation
        shot("province-chart-filled");
    }

    @Test
    void crawlNowIsRefusedWithoutTheToken() throws Exception {
        browser.get(base + "/?view=crawl");
        waiting().until(d -> d.findElements(By.cssSelector("#crawl-rows tr")).size() >= 10);
        browser.findElement(By.id("crawl-now")).click();
        WebElement message = waiting().until(d -> {
            WebElement m = d.findElement(By.id("crawl-message"));
            return m.getText().isBlank() ? null : m;
        });
        assertTrue(message.getText().contains("Refused"), message.getText());
        assertFalse(message.getText().contains("started"));
        shot("crawl");
    }

    @Test
    void crawlViewShowsProvincesAndFiltersByProvinceAndStatus() throws Exception {
        browser.get(base + "/?view=crawl");
        waiting().until(d -> d.findElements(By.cssSelector("#crawl-rows tr")).size() >= 10);
        List<String> headers = browser.findElements(By.cssSelector(".crawl-table th")).stream().map(WebElement::getText).toList();
        assertTrue(headers.containsAll(List.of("Source", "Province", "Last run", "Next run", "Pages", "Errors", "Status")), headers.toString());
        // A merged province shows the province it belongs to today.
        WebElement hagiang = browser.findElement(By.cssSelector("#crawl-rows tr[data-source=hagiang]"));
        assertTrue(hagiang.getText().contains("Hà Giang") && hagiang.getText().contains("Tuyên Quang"), hagiang.getText());
        int all = rows().size();

        new Select(browser.findElement(By.id("crawl-province"))).selectByValue("Hải Phòng");
        waiting().until(d -> rows().size() == 1);
        assertEquals("haiphong-news", rows().get(0).getAttribute("data-source"));
        assertTrue(rows().get(0).getText().contains("Never run"), rows().get(0).getText());

        new Select(browser.findElement(By.id("crawl-province"))).selectByValue("");
        new Select(browser.findElement(By.id("crawl-status"))).selectByValue("never");
        waiting().until(d -> rows().size() == 1);
        assertEquals("haiphong-news", rows().get(0).getAttribute("data-source"));

        new Select(browser.findElement(By.id("crawl-status"))).selectByValue("ok");
        waiting().until(d -> !rows().isEmpty() && rows().size() < all
            && rows().stream().noneMatch(r -> "haiphong-news".equals(r.getAttribute("data-source"))));
        // Today's province finds the merged ones too: Tuyên Quang includes Hà Giang.
        new Select(browser.findElement(By.id("crawl-province"))).selectByValue("Tuyên Quang");
        waiting().until(d -> rows().stream().anyMatch(r -> "hagiang".equals(r.getAttribute("data-source"))));
        assertTrue(rows().stream().allMatch(r -> r.getText().contains("Tuyên Quang")), "only Tuyên Quang rows");
        assertTrue(browser.findElement(By.id("crawl-shown")).getText().matches("\\d+ of " + all + " sources"),
            browser.findElement(By.id("crawl-shown")).getText());
        shot("crawl-filter");

        browser.findElement(By.id("lang")).click();
        waiting().until(d -> d.findElements(By.cssSelector(".crawl-table th")).stream().anyMatch(h -> h.getText().equals("Tỉnh")));
        browser.findElement(By.id("lang")).click();
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#crawl-rows tr[data-source]"));
    }
}
