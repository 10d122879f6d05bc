package portalkb.web;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import portalkb.store.TestElastic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new user met in their first minutes with the demo (issue 28), each checked in real headless Chromium on the
 * demo portal: a question too long is said so, not cut; "Crawl now" says why it is off; the crawl table's status is on a
 * phone's screen; a lone source is [1]; names that are no province leave the comparison drawn; the trend's lone years
 * are whole dots; broken search syntax gets a hint; province cards speak the reader's language; a wrong address gets
 * the site's own page.
 */
@ExtendWith({TestElastic.class, DemoPortal.class})
class FirstMinutesUiTest {

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Reader.available(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aQuestionOverTheLimitIsSaidTooLongNotCut() throws Exception {
        try (Reader r = new Reader("en", Reader.Screen.DESKTOP)) {
            r.open("/?view=ask");
            String question = "What was health insurance coverage in Bắc Kạn in 2020 and why? ".repeat(10).strip(); // 629 characters
            WebElement input = r.visible("#question");
            r.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input, question);
            assertEquals(question.length(), input.getAttribute("value").length(), "nothing is cut");
            input.sendKeys(Keys.ENTER);
            WebElement note = r.visible("#question-length");
            assertTrue(note.getText().contains("629") && note.getText().contains("500"), note.getText());
            assertTrue(r.all(".msg").isEmpty(), "not sent");
            assertEquals(question.length(), input.getAttribute("value").length(), "kept for shortening");
            r.shot("question-too-long", false);
        }
    }

    @Test
    void crawlNowSaysWhyItIsOffAndAPhoneSeesEachSourcesStatus() throws Exception {
        try (Reader r = new Reader("vi", Reader.Screen.PHONE)) {
            r.open("/?view=crawl");
            r.until(d -> d.findElements(By.cssSelector("#crawl-rows tr[data-source]")).size() >= 10);
            assertFalse(r.find("#crawl-now").isEnabled());
            WebElement why = r.visible("#crawl-why");
            assertTrue(why.getText().contains("server.adminToken") && why.getText().startsWith("Chức năng thu thập"), why.getText());
            for (WebElement state : r.all("#crawl-rows td.state")) {
                var box = state.getRect();
                assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= 390, "status on screen: " + box);
                assertEquals("Bình thường", state.getText());
            }
            r.assertFitsTheScreen("the crawl view");
            r.shot("crawl-phone", true);
        }
    }

    @Test
    void aLoneSourceIsNumberedOne() throws Exception {
        try (Reader r = new Reader("vi", Reader.Screen.DESKTOP)) {
            r.open("/?view=ask&q=" + q("Tỷ lệ bao phủ bảo hiểm y tế của Hà Giang năm 2020?"));
            WebElement answer = r.until(d -> d.findElements(By.cssSelector(".msg.bot[aria-busy='false']")).stream().findFirst().orElse(null));
            List<String> cited = answer.findElements(By.cssSelector(".answer a.cite")).stream().map(WebElement::getText).distinct().toList();
            assertEquals(List.of("[1]"), cited, answer.getText());
            List<WebElement> sources = answer.findElements(By.cssSelector(".citations li"));
            assertEquals(1, sources.size());
            assertEquals("1", sources.get(0).getAttribute("value"));
            assertTrue(sources.get(0).getText().startsWith("[1]"), sources.get(0).getText());
        }
    }

    @Test
    void namesThatAreNoProvinceLeaveTheComparisonDrawn() throws Exception {
        try (Reader r = new Reader("en", Reader.Screen.DESKTOP)) {
            r.open("/?view=provinces&province=lang-son&metric=health_insurance_coverage&provinces=" + q("Lạng Sơn, Atlantis, Cao Bằng"));
            r.until(d -> ((Number) r.js("const c = window.Chart && Chart.getChart(document.getElementById('compare-chart'));"
                + "return c ? c.data.datasets.length : 0;")).intValue() == 2);
            assertTrue(r.visible("#compare-unknown").getText().contains("Atlantis"), r.find("#compare-unknown").getText());
            assertTrue(r.find("#compare-points").getText().contains("Cao Bằng 2021: 96.4% ⚠"), r.find("#compare-points").getText());
            r.scrollTo(r.find(".chart-box"));
            r.shot("compare-unknown-name", false);
        }
    }

    @Test
    void theTrendsFirstAndLastYearsAreWholeDots() throws Exception {
        try (Reader r = new Reader("en", Reader.Screen.DESKTOP)) {
            // Lạng Sơn and Hà Nội report years the others do not: their dots sit at the ends of the axis.
            r.open("/?view=rankings&metric=health_insurance_coverage&trend=" + q("Lạng Sơn, Hà Nội, Quảng Ninh"));
            r.until(d -> ((Number) r.js("const c = window.Chart && Chart.getChart(document.getElementById('trend-chart'));"
                + "return c ? c.data.datasets.length : 0;")).intValue() == 3);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cut = (List<Map<String, Object>>) r.js("const c = Chart.getChart(document.getElementById('trend-chart'));"
                + "const a = c.chartArea; const out = [];"
                + "c.data.datasets.forEach((d, i) => c.getDatasetMeta(i).data.forEach((p, j) => {"
                + "  if (d.data[j] === null) return; const radius = p.options.radius;"
                + "  if (p.x - radius < a.left || p.x + radius > a.right || p.y - radius < a.top || p.y + radius > a.bottom)"
                + "    out.push({series: d.label, year: c.data.labels[j], x: p.x, y: p.y, area: [a.left, a.right, a.top, a.bottom]}); }));"
                + "return out;");
            assertEquals(List.of(), cut, "dots cut at the chart's edges");
            r.scrollTo(r.find("#trend-chart"));
            r.shot("trend", true);
        }
    }

    @Test
    void searchSyntaxThatIsNoneHereGetsAHint() throws Exception {
        try (Reader r = new Reader("en", Reader.Screen.DESKTOP)) {
            r.open("/?view=search&q=" + q("bảo hiểm OR tiêm chủng AND ("));
            WebElement hint = r.visible("#search-notices .notice[data-code=operators]");
            assertTrue(hint.getText().contains("OR, AND and NOT"), hint.getText());
            assertFalse(r.all("#search-notices .notice[data-code=parentheses]").isEmpty());
            r.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
            r.shot("search-hint", false);
        }
    }

    @Test
    void provinceCardsSpeakTheReadersLanguage() throws Exception {
        try (Reader r = new Reader("vi", Reader.Screen.DESKTOP)) {
            r.open("/?view=provinces&province=lang-son");
            WebElement card = r.until(d -> d.findElements(By.cssSelector(".card[data-metric=health_insurance_coverage]")).stream().findFirst().orElse(null));
            assertEquals("Tỷ lệ bao phủ bảo hiểm y tế", card.findElement(By.cssSelector(".metric")).getText());
            assertEquals("97,9%", card.findElement(By.cssSelector(".value")).getText());
            WebElement doctors = r.find(".card[data-metric=doctors_per_10k] .value");
            assertEquals("10,8 bác sĩ/vạn dân", doctors.getText());
            r.shot("province-vi", true);
        }
        try (Reader r = new Reader("en", Reader.Screen.DESKTOP)) {
            r.open("/?view=provinces&province=lang-son");
            WebElement doctors = r.until(d -> d.findElements(By.cssSelector(".card[data-metric=doctors_per_10k] .value")).stream().findFirst().orElse(null));
            assertEquals("10.8 doctors per 10,000 people", doctors.getText());
            assertTrue(r.find(".card[data-metric=doctors_per_10k] .metric").getText().equals("Doctors per 10,000 people"));
        }
    }

    @Test
    void aWrongAddressIsAPageOfTheSite() throws Exception {
        try (Reader r = new Reader("en", Reader.Screen.PHONE)) {
            r.browser.get(DemoPortal.base() + "/no-such-page");
            assertEquals("Page not found", r.visible("h1").getText());
            r.find("a[href='/']").click();
            r.visible("#question");
            r.browser.get(DemoPortal.base() + "/?view=search&q=" + "bao-hiem-y-te-".repeat(1100));
            assertEquals("This address is too long", r.visible("h1").getText());
            r.shot("error-414-phone", false);
        }
    }
}
