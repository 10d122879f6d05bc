package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import portalkb.figures.MetricCatalogue;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people's first minutes with the demo, in real headless Chromium, in both languages, on a desktop and on a phone.
 * A researcher asks in their language, follows up, opens the citation, compares two provinces and exports the ranking as
 * CSV; a journalist searches in Vietnamese, filters by province, year and dates, opens the rankings, finds the conflicting
 * figure and switches language. Each step asserts what the person would check — the province, value, year and unit of an
 * answer, the page a citation opens, the series of a chart, labels and numbers in the reader's language — and saves a
 * screenshot (the README shows some: docs/screenshots/).
 */
@ExtendWith({TestElastic.class, DemoPortal.class})
class JourneysTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String COVERAGE = "health_insurance_coverage";

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Reader.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of("en", Reader.Screen.DESKTOP), Arguments.of("vi", Reader.Screen.DESKTOP),
            Arguments.of("en", Reader.Screen.PHONE), Arguments.of("vi", Reader.Screen.PHONE));
    }

    private static JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(DemoPortal.base() + pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The figure the trend (and Rankings) give a province in a year: what an answer about it must say. */
    private static JsonNode figureOf(String province, int year) throws Exception {
        for (JsonNode point : api("/api/trend?metric=" + COVERAGE + "&province=" + q(province)).get("series").get(0).get("points")) {
            if (point.get("year").asInt() == year) {
                return point.get("figure");
            }
        }
        throw new AssertionError("no " + COVERAGE + " of " + province + " in " + year);
    }

    private static String metricName(String lang) {
        MetricCatalogue.Metric m = MetricCatalogue.get().byId(COVERAGE).orElseThrow();
        return "vi".equals(lang) ? m.vi() : m.name();
    }

    /** The n-th answer once it is complete. */
    private static WebElement answered(Reader r, int n) {
        return r.until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector(".msg.bot[aria-busy='false']"));
            return done.size() >= n ? done.get(n - 1) : null;
        });
    }

    /** Whether an answer states {@code value} written either way (answers quote the article's "98,1%"). */
    private static boolean states(String text, double value) {
        String dot = Double.toString(value).replaceAll("\\.0$", "");
        return text.contains(dot + "%") || text.contains(dot.replace('.', ',') + "%");
    }

    private static boolean vietnamese(String text) {
        return text.matches(".*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].*");
    }

    @ParameterizedTest(name = "researcher, {0}, {1}")
    @MethodSource("readers")
    void researcher(String lang, Reader.Screen screen) throws Exception {
        String id = "researcher-" + lang + "-" + screen.name().toLowerCase();
        boolean readme = "en".equals(lang) && screen == Reader.Screen.DESKTOP || "vi".equals(lang) && screen == Reader.Screen.PHONE;
        try (Reader r = new Reader(lang, screen)) {
            r.open("/?view=ask");
            r.until(d -> d.findElements(By.cssSelector("#example-list .example")).size() == 5);
            for (WebElement example : r.all("#example-list .example")) {
                assertEquals("vi".equals(lang), vietnamese(example.getText().replaceAll("Bắc Kạn|Quảng Ninh|Yên Bái|Hà Giang|Điện Biên", "")),
                    "an example question in the reader's language: " + example.getText());
            }
            if (screen == Reader.Screen.PHONE) {
                r.assertFitsTheScreen("the ask view");
            }

            // Asks in their language; while the answer is pending, the page says so.
            r.visible("#question").sendKeys(r.en("What was health insurance coverage in Bắc Kạn in 2020?",
                "Tỷ lệ bao phủ bảo hiểm y tế của Bắc Kạn năm 2020?"));
            assertEquals(Boolean.TRUE, r.js("document.getElementById('ask-form').requestSubmit();"
                + "return !!document.querySelector('.msg.bot[aria-busy=\"true\"] .pending');"), "a loading indicator while the answer is pending");
            WebElement answer = answered(r, 1);
            JsonNode figure = figureOf("Bắc Kạn", 2020);
            assertEquals(98.1, figure.get("value").asDouble(), "the demo article's figure");
            String text = answer.findElement(By.cssSelector(".answer")).getText();
            assertTrue(text.contains("Bắc Kạn") && states(text, 98.1) && text.contains("2020"), "province, value with its unit, year: " + text);
            assertTrue(answer.findElements(By.cssSelector(".pending")).isEmpty(), "the indicator is gone");
            WebElement cite = answer.findElement(By.cssSelector(".answer a.cite"));
            assertEquals("[1]", cite.getText(), "the first source is [1]");
            assertEquals(figure.get("url").asText(), cite.getAttribute("href"), "the citation is the article the figure is read from");
            assertEquals("[1]", answer.findElement(By.cssSelector(".citations li:first-child .n")).getText().strip(), "the sources list starts at [1]");
            r.scrollTo(answer);
            r.shot(id + "-1-answer", readme);

            // Opens the citation: the article says what the answer says.
            String home = r.browser.getWindowHandle();
            cite.click();
            r.until(d -> d.getWindowHandles().size() == 2);
            r.browser.switchTo().window(r.browser.getWindowHandles().stream().filter(h -> !h.equals(home)).findFirst().orElseThrow());
            r.until(d -> Objects.equals(d.getCurrentUrl(), figure.get("url").asText()));
            assertTrue(r.find("body").getText().contains(figure.get("raw").asText()), "the cited page states " + figure.get("raw"));
            r.browser.close();
            r.browser.switchTo().window(home);

            // Follows up: the same measure a year earlier, suggested in their language.
            WebElement followUp = r.visible(".msg.bot .follow-up:not(.ranking)");
            assertEquals(r.en("What was health insurance coverage in Bắc Kạn in 2019?", "Tỷ lệ bao phủ bảo hiểm y tế của Bắc Kạn năm 2019?"),
                followUp.getText());
            r.scrollTo(followUp);
            followUp.click();
            WebElement second = answered(r, 2);
            String secondText = second.findElement(By.cssSelector(".answer")).getText();
            assertTrue(secondText.contains("Bắc Kạn") && states(secondText, figureOf("Bắc Kạn", 2019).get("value").asDouble())
                && secondText.contains("2019"), secondText);
            r.scrollTo(second);
            r.shot(id + "-2-follow-up", readme);

            // Compares two provinces: a bar each, side by side in the years both report, named in their language.
            r.open("/?view=provinces&province=bac-kan");
            r.until(d -> !d.findElements(By.cssSelector(".card")).isEmpty());
            new Select(r.find("#metric-select")).selectByValue(COVERAGE);
            WebElement names = r.find("#compare-provinces");
            names.clear();
            names.sendKeys("Bắc Kạn, Hà Giang", Keys.ENTER);
            r.until(d -> d.getCurrentUrl().contains("provinces=") && ((Number) r.js("const c = window.Chart && Chart.getChart(document.getElementById('compare-chart'));"
                + "return c ? c.data.datasets.length : 0;")).intValue() == 2);
            assertEquals(List.of("Bắc Kạn", "Hà Giang"), r.js("return Chart.getChart(document.getElementById('compare-chart')).data.datasets.map(d => d.label);"));
            assertEquals(Boolean.TRUE, r.js("const d = Chart.getChart(document.getElementById('compare-chart')).data.datasets;"
                + "return d[0].data.some((v, i) => v !== null && d[1].data[i] !== null);"), "two bars side by side in a year both report");
            assertEquals(metricName(lang), r.js("return Chart.getChart(document.getElementById('compare-chart')).options.plugins.title.text;"));
            String points = r.find("#compare-points").getText();
            assertTrue(points.contains("Bắc Kạn 2021: " + r.percent(98.6)) && points.contains("Hà Giang 2021: " + r.percent(98.2)), points);
            r.scrollTo(r.find(".chart-box"));
            r.shot(id + "-3-compare", readme);
            if (screen == Reader.Screen.PHONE) {
                r.assertFitsTheScreen("the compare chart");
            }

            // Exports the ranking as CSV: the file has what the table shows, with the outlet's name.
            r.open("/?view=rankings&metric=" + COVERAGE);
            WebElement row = r.until(d -> d.findElements(By.cssSelector("#rank-rows tr[data-province='Bắc Kạn']")).stream().findFirst().orElse(null));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals(List.of("2021", r.percent(98.6)), List.of(cells.get(2).getText(), cells.get(3).getText()));
            HttpResponse<String> csv = get(r.find("#rank-export").getAttribute("href"));
            assertEquals(200, csv.statusCode());
            CSVRecord exported = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords().stream()
                .filter(x -> x.get("province").equals("Bắc Kạn")).findFirst().orElseThrow();
            assertEquals("2021", exported.get("year"));
            assertEquals(98.6, Double.parseDouble(exported.get("value")));
            assertEquals("Cổng TTĐT tỉnh Bắc Kạn", exported.get("sourceName"));
            assertTrue(row.getText().contains("Cổng TTĐT tỉnh Bắc Kạn"), "the table names the outlet: " + row.getText());
            r.shot(id + "-4-rankings", "en".equals(lang) && screen == Reader.Screen.DESKTOP);
        }
    }

    @ParameterizedTest(name = "journalist, {0}, {1}")
    @MethodSource("readers")
    void journalist(String lang, Reader.Screen screen) throws Exception {
        String id = "journalist-" + lang + "-" + screen.name().toLowerCase();
        boolean readme = "vi".equals(lang) && screen == Reader.Screen.DESKTOP || "en".equals(lang) && screen == Reader.Screen.PHONE;
        try (Reader r = new Reader(lang, screen)) {
            // Searches in Vietnamese.
            r.open("/?view=search");
            r.visible("#q").sendKeys("bảo hiểm y tế", Keys.ENTER);
            r.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty() && !d.findElements(By.cssSelector(".facet a.bucket")).isEmpty());
            String summary = r.find("#search-summary").getText();
            assertTrue(summary.endsWith(r.en("results", "kết quả")), summary);
            WebElement sourceFacet = r.all("#facets .facet").stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().equals(r.en("Source", "Nguồn"))).findFirst().orElseThrow();
            List<String> sources = sourceFacet.findElements(By.cssSelector("a.bucket span:first-child")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
            assertTrue(sources.contains("Báo Cao Bằng") && sources.stream().noneMatch(s -> s.matches("[a-z-]+")),
                "outlets by name, not crawler ids: " + sources);

            // Filters by province, then by year.
            WebElement caoBang = r.all(".facet a.bucket").stream().filter(a -> a.getText().startsWith("Cao Bằng")).findFirst().orElseThrow();
            r.scrollTo(caoBang);
            caoBang.click();
            r.until(d -> d.getCurrentUrl().contains("province=") && d.findElements(By.cssSelector(".facet a.clear")).size() == 1);
            r.until(d -> d.findElements(By.cssSelector(".hit .meta")).stream().allMatch(m -> m.getText().contains("Cao Bằng")));
            int inProvince = r.all(".hit").size();
            WebElement year = r.all(".facet a.bucket").stream().filter(a -> a.getAttribute("href").contains("year=")
                && a.getText().startsWith("2022")).findFirst().orElseThrow(() -> new AssertionError(r.find("#facets").getText()));
            r.scrollTo(year);
            year.click();
            r.until(d -> d.getCurrentUrl().contains("year=2022") && d.findElements(By.cssSelector(".facet a.clear")).size() == 2);
            assertTrue(r.all(".hit").size() <= inProvince);

            // Narrows to the days the year-end reports came out: every article shown is from then.
            r.js("document.getElementById('from').value = '2022-01-01'; document.getElementById('to').value = '2022-01-31';"
                + "document.getElementById('search-form').requestSubmit();");
            r.until(d -> d.getCurrentUrl().contains("from=2022-01-01") && !d.findElements(By.cssSelector(".hit")).isEmpty()
                && d.findElements(By.cssSelector(".facet a.clear")).size() == 3);
            for (WebElement meta : r.all(".hit .meta")) {
                String date = meta.getText().replaceAll(".*(\\d{2}/\\d{2}/\\d{4}).*", "$1");
                LocalDate day = LocalDate.parse(date, DateTimeFormatter.ofPattern("dd/MM/yyyy"));
                assertFalse(day.isBefore(LocalDate.of(2022, 1, 1)) || day.isAfter(LocalDate.of(2022, 1, 31)), meta.getText());
            }
            assertEquals(2, r.all(".hit").size(), "the provincial paper's report and the national outlet's estimate");
            r.scrollTo(r.find("#results"));
            r.shot(id + "-1-search", readme);
            if (screen == Reader.Screen.PHONE) {
                r.assertFitsTheScreen("the search view");
            }

            // Opens the rankings and finds the conflicting figure: both values, each with its outlet.
            r.scrollTo(r.find("nav a[data-view=rankings]"));
            r.find("nav a[data-view=rankings]").click();
            WebElement conflict = r.until(d -> d.findElements(By.cssSelector("#rank-rows tr.conflicting")).stream().findFirst().orElse(null));
            assertEquals("Cao Bằng", conflict.getAttribute("data-province"));
            String note = conflict.findElement(By.cssSelector(".conflict")).getText();
            assertTrue(note.contains(r.percent(96.1)) && note.contains("Thời báo Sức khỏe & Xã hội"), note);
            assertTrue(conflict.getText().contains(r.percent(96.4)) && conflict.getText().contains("Báo Cao Bằng"), conflict.getText());
            assertTrue(r.find("#rank-summary").getText().contains("⚠"), r.find("#rank-summary").getText());
            for (WebElement source : r.all("#rank-rows td:last-child .meta")) {
                assertFalse(source.getText().matches(".*· [a-z]+(-[a-z]+)* ·.*"), "an outlet's name, not its crawler id: " + source.getText());
            }
            r.scrollTo(conflict);
            r.shot(id + "-2-conflict", readme);
            if (screen == Reader.Screen.PHONE) {
                r.assertFitsTheScreen("the rankings");
            }

            // Switches language: labels, metric names and numbers follow.
            String other = "vi".equals(lang) ? "en" : "vi";
            r.find("#lang").click();
            r.until(d -> d.findElement(By.cssSelector("nav a[data-view=rankings]")).getText().equals("vi".equals(other) ? "Xếp hạng" : "Rankings"));
            WebElement switched = r.until(d -> d.findElements(By.cssSelector("#rank-rows tr.conflicting")).stream().findFirst().orElse(null));
            String otherPercent = "vi".equals(other) ? "96,4%" : "96.4%";
            r.until(d -> switched.isDisplayed() && d.findElement(By.cssSelector("#rank-rows tr.conflicting td.num")).getText().equals(otherPercent));
            assertEquals(metricName(other), new Select(r.find("#rank-metric")).getFirstSelectedOption().getText());
            assertEquals("vi".equals(other) ? "Hạng" : "Rank", r.find("#rank-table th[data-sort=rank]").getText().replaceAll(" [▲▼]", ""));
            r.js("window.scrollTo(0, 0);");
            r.shot(id + "-3-switched", readme);
            assertNotNull(r.find("#rank-chart"));
        }
    }
}
