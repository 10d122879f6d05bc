package portalkb.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.search.AnalyticsFixture;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./kb rank, trend and conflicts through the real launcher, against the analytics fixture in the test node. */
@ExtendWith(TestElastic.class)
class AnalyticsCommandTest {

    private static final String PREFIX = "t-analyticscommandtest";
    private static Elastic elastic;

    @BeforeAll
    static void load() throws Exception {
        AppConfig config = TestElastic.config(AnalyticsCommandTest.class, Map.of("elasticsearch.indexPrefix", PREFIX));
        elastic = AnalyticsFixture.load(config);
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    private static LauncherTest.Run kb(String... args) throws Exception {
        return LauncherTest.kb(Map.of("PORTALKB_DATA", TestElastic.dataDir().toString(), "PORTALKB_ES_PORT", Integer.toString(TestElastic.port()),
            "PORTALKB_INDEX_PREFIX", PREFIX), args);
    }

    @Test
    void rankShowsTiesConflictsAndTheCount() throws Exception {
        LauncherTest.Run run = kb("rank", "poverty_rate", "--year", "2023", "--order", "asc");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("figures for 5 of 63 provinces"), run.out());
        assertTrue(run.out().matches("(?s).*  1= Lạng Sơn .*4\\.3%.*also reported: 4\\.1%.*  1= Tuyên Quang .*"), run.out());
        assertTrue(run.out().contains("Hà Giang → Tuyên Quang"), run.out());
        LauncherTest.Run json = kb("rank", "poverty_rate", "--year", "2023", "--limit", "1", "--json");
        // stderr is merged into the output here: the JSON object starts at the first "{" line
        assertEquals(1, Json.MAPPER.readTree(json.out().substring(json.out().indexOf("{\n"))).get("rows").size(), json.out());
    }

    @Test
    void trendAndConflicts() throws Exception {
        LauncherTest.Run trend = kb("trend", "poverty_rate", "--province", "Lang Son,Tuyên Quang");
        assertEquals(0, trend.exit(), trend.out());
        assertTrue(trend.out().contains("2022 → 2023: -0.90 (-17.3%)"), trend.out());
        assertTrue(trend.out().contains("Hà Giang (part of Tuyên Quang since 2025)"), trend.out());
        LauncherTest.Run conflicts = kb("conflicts", "poverty_rate");
        assertTrue(conflicts.out().contains("\n1 conflicting figures\n"), conflicts.out());
        assertTrue(conflicts.out().contains("baolangson.example") && conflicts.out().contains("langson-portal.example"), conflicts.out());
    }

    @Test
    void badInputIsOneLineWithoutAStackTrace() throws Exception {
        LauncherTest.Run metric = kb("rank", "poverty");
        assertEquals(2, metric.exit(), metric.out());
        assertTrue(metric.out().contains("unknown metric 'poverty'"), metric.out());
        LauncherTest.Run province = kb("trend", "poverty_rate", "--province", "Atlantis");
        assertEquals(2, province.exit());
        assertTrue(province.out().contains("unknown province 'Atlantis'"), province.out());
        LauncherTest.Run order = kb("rank", "poverty_rate", "--order", "sideways");
        assertEquals(2, order.exit());
        LauncherTest.Run noProvince = kb("trend", "poverty_rate");
        assertEquals(2, noProvince.exit());
        for (LauncherTest.Run r : new LauncherTest.Run[]{metric, province, order, noProvince}) {
            assertFalse(r.out().contains("\tat "), r.out());
        }
    }
}
