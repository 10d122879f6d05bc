package portalkb.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.BadParameterException;
import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.RankRow;
import portalkb.search.Analysis.Ranking;
import portalkb.search.Analysis.Trend;
import portalkb.search.Analysis.TrendSeries;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rankings, trends and conflicts over our own articles in the real node (facts written by ArticleWriter). */
@ExtendWith(TestElastic.class)
class FactAnalyticsTest {

    private static Elastic elastic;
    private static FactAnalytics analytics;

    @BeforeAll
    static void load() throws Exception {
        AppConfig config = TestElastic.config(FactAnalyticsTest.class);
        elastic = AnalyticsFixture.load(config);
        analytics = new FactAnalytics(elastic, config.analytics());
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    private static List<String> provinces(Ranking r) {
        return r.rows().stream().map(row -> row.cell().province()).toList();
    }

    @Test
    void lowestPovertyRateOf2023WithTheTieAndHowManyProvincesHaveAFigure() throws Exception {
        Ranking r = analytics.rank("poverty_rate", 2023, FactAnalytics.Order.ASC, null);
        assertEquals(List.of("Lạng Sơn", "Tuyên Quang", "Bắc Kạn", "Yên Bái", "Hà Giang"), provinces(r));
        assertEquals(5, r.provincesWithFigure());
        assertEquals(63, r.provincesTotal());
        RankRow first = r.rows().get(0);
        RankRow second = r.rows().get(1);
        assertEquals(4.3, first.cell().figure().value(), 1e-9, "the latest report of 2023 (1 May 2024), not the February one");
        assertEquals("https://langson-portal.example/tin/giam-ngheo.html", first.cell().figure().url());
        assertTrue(first.tied() && second.tied() && first.rank() == 1 && second.rank() == 1, r.rows().toString());
        assertEquals(3, r.rows().get(2).rank());
        assertFalse(r.rows().get(2).tied());
        assertTrue(r.conflictsChecked());
        assertEquals(List.of(2023, 2022), r.years(), "every year with a figure, for the year picker");
    }

    @Test
    void highestFirstAndALimit() throws Exception {
        Ranking r = analytics.rank("poverty_rate", 2023, FactAnalytics.Order.DESC, 2);
        assertEquals(List.of("Hà Giang", "Yên Bái"), provinces(r));
        assertEquals(5, r.provincesWithFigure(), "counted before the limit");
    }

    @Test
    void withoutAYearEachProvincesLatestYear() throws Exception {
        Ranking r = analytics.rank("health_insurance_coverage", null, FactAnalytics.Order.DESC, null);
        assertEquals(List.of("Bắc Kạn", "Lạng Sơn"), provinces(r));
        assertEquals(2023, r.rows().get(0).cell().year());
        assertEquals(2022, r.rows().get(1).cell().year());
    }

    @Test
    void aConflictShowsBothValuesWithTheirSources() throws Exception {
        FigureCell langSon = analytics.rank("poverty_rate", 2023, FactAnalytics.Order.ASC, null).rows().get(0).cell();
        assertTrue(langSon.conflicting());
        assertEquals(List.of(4.3, 4.1), langSon.values().stream().map(Analysis.StatedValue::value).toList());
        assertEquals("https://baolangson.example/xa-hoi/ra-soat-ho-ngheo-2023.html", langSon.values().get(1).latest().url());
        List<FigureCell> all = analytics.conflicts(null, null, null).conflicts();
        assertEquals(1, all.size(), "two dengue counts of one article and a district's figure are no conflicts: " + all);
        assertEquals("Lạng Sơn", all.get(0).province());
        assertEquals(2023, all.get(0).year());
        assertTrue(analytics.conflicts("poverty_rate", List.of("Bac Kan"), 2023).conflicts().isEmpty());
    }

    @Test
    void anArticleReportsItsLargestCount() throws Exception {
        FigureCell dengue = analytics.rank("dengue_cases", 2023, FactAnalytics.Order.DESC, null).rows().get(0).cell();
        assertEquals(1020, dengue.figure().value(), 1e-9);
        assertFalse(dengue.conflicting());
    }

    @Test
    void trendWithChangeInPointsAndPercent() throws Exception {
        Trend t = analytics.trend("poverty_rate", List.of("lang son"), null, null);
        TrendSeries s = t.series().get(0);
        assertEquals("Lạng Sơn", s.province());
        assertEquals(List.of(2022, 2023), s.points().stream().map(FigureCell::year).toList());
        assertEquals(-0.9, s.overall().difference(), 1e-9);
        assertEquals(-17.31, s.overall().percent(), 1e-9);
        assertNull(s.absorbedInto());
    }

    @Test
    void aProvinceOfTodayListsTheProvincesItAbsorbed() throws Exception {
        Trend t = analytics.trend("poverty_rate", List.of("Tuyên Quang"), 2022, 2023);
        assertEquals(List.of("Tuyên Quang", "Hà Giang"), t.series().stream().map(TrendSeries::province).toList());
        TrendSeries haGiang = t.series().get(1);
        assertEquals("Tuyên Quang", haGiang.absorbedInto());
        assertEquals(List.of(18.0, 15.2), haGiang.points().stream().map(p -> p.figure().value()).toList());
        assertTrue(haGiang.points().stream().allMatch(p -> "Tuyên Quang".equals(p.absorbedInto())));
        assertEquals(1, t.series().get(0).points().size());
    }

    @Test
    void unknownMetricsAndProvincesAreRefusedByName() {
        BadParameterException metric = assertThrows(BadParameterException.class, () -> analytics.rank("poverty", null, FactAnalytics.Order.DESC, null));
        assertEquals("metric", metric.parameter());
        assertTrue(metric.getMessage().contains("poverty_rate"), "lists the known metrics");
        BadParameterException province = assertThrows(BadParameterException.class, () -> analytics.trend("poverty_rate", List.of("Atlantis"), null, null));
        assertEquals("province", province.parameter());
        assertThrows(BadParameterException.class, () -> analytics.trend("poverty_rate", List.of(), null, null));
        assertThrows(BadParameterException.class, () -> analytics.rank("other", null, FactAnalytics.Order.DESC, null));
    }
}
