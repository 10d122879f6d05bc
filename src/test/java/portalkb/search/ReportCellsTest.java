package portalkb.search;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.JsonData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.Gazetteer;
import portalkb.figures.MetricCatalogue;
import portalkb.search.Analysis.FigureCell;
import portalkb.store.Elastic;
import portalkb.store.Fact;
import portalkb.store.TestElastic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More cells than one search holds (issue 30: rankings past 100,000 articles stopped at search.max_buckets): facts
 * written straight into the facts index of the real node, 230 measures — more than the 200 a terms aggregation of
 * metrics used to return — in two provinces over up to three years, and a catalogued metric in every province; read
 * {@value #CELLS_PER_SEARCH} cells a search.
 */
@ExtendWith(TestElastic.class)
class ReportCellsTest {

    private static final int CELLS_PER_SEARCH = 20;
    private static final int MEASURES = 230;
    private static final String A = "Lạng Sơn";
    private static final String B = "Bắc Kạn";

    private static Elastic elastic;
    private static AppConfig config;
    private static ReportCells cells;
    /** metric|province|year → the latest article's fact. */
    private static final Map<String, Fact> EXPECTED = new HashMap<>();
    private static final Set<String> CONFLICTS = new HashSet<>();
    private static String povertyUnit;

    @BeforeAll
    static void load() throws Exception {
        config = TestElastic.config(ReportCellsTest.class, Map.of("analytics.cellsPerSearch", Integer.toString(CELLS_PER_SEARCH)));
        elastic = TestElastic.freshIndices(config);
        cells = new ReportCells(elastic, config.analytics());
        povertyUnit = MetricCatalogue.get().byId("poverty_rate").orElseThrow().primaryUnit();
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < MEASURES; i++) {
            String metric = String.format("test_measure_%03d", i);
            facts.add(fact(metric, A, 2022, i, "2023-01-10", "a22-" + i));
            facts.add(fact(metric, A, 2024, i + 0.5, "2025-01-10", "a24-" + i));
            facts.add(fact(metric, B, 2022, 100 + i, "2023-02-10", "b22-" + i));
            if (i % 3 != 0) { // B's latest year is 2023 for most measures, 2022 for the others
                facts.add(fact(metric, B, 2023, 200 + i, "2024-02-10", "b23-" + i));
            }
            if (i % 10 == 0) { // an earlier article disagrees: a conflict
                facts.add(fact(metric, A, 2024, i + 0.7, "2024-12-01", "a24-early-" + i));
                CONFLICTS.add(key(metric, A, 2024));
            }
            if (i % 10 == 5) { // a later article agrees: no conflict
                facts.add(fact(metric, A, 2022, i, "2023-06-01", "a22-again-" + i));
            }
        }
        for (Fact f : facts) {
            EXPECTED.merge(key(f.metric(), f.province(), f.year()), f, (kept, other) -> other.published().compareTo(kept.published()) > 0 ? other : kept);
        }
        int p = 0;
        for (Gazetteer.Province province : Gazetteer.get().provinces()) {
            p++;
            facts.add(poverty(province.name(), 2022, 10 + p / 10.0, "pov22-" + p));
            facts.add(poverty(province.name(), 2023, 9 + p / 10.0, "pov23-" + p));
        }
        elastic.client().bulk(b -> {
            for (Fact f : facts) {
                b.operations(o -> o.index(x -> x.index(elastic.names().facts()).id(f.articleId() + "-f0").document(f)));
            }
            return b.refresh(Refresh.True);
        });
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    private static String key(String metric, String province, int year) {
        return metric + "|" + province + "|" + year;
    }

    private static Fact fact(String metric, String province, int year, double value, String published, String article) {
        return new Fact(article, "https://example.test/" + article + ".html", "Bài " + article, "test", "Test", province, province,
            null, null, published + "T08:00:00+07:00", year, metric, value, "%", value + "%", "Năm " + year + " đạt " + value + "%.", 0, null,
            null);
    }

    private static Fact poverty(String province, int year, double value, String article) {
        return new Fact(article, "https://example.test/" + article + ".html", "Hộ nghèo " + province, "test", "Test", province, province,
            null, null, (year + 1) + "-01-10T08:00:00+07:00", year, "poverty_rate", value, povertyUnit, value + "%",
            "Năm " + year + ", tỷ lệ hộ nghèo còn " + value + "%.", 0, null, null);
    }

    private static List<FigureCell> measureCells(ReportCells.Result r) {
        return r.cells().stream().filter(c -> c.metric().startsWith("test_measure_")).toList();
    }

    @Test
    void everyCellOfEveryPageWithItsLatestReportAndTheConflictsSettled() throws Exception {
        ReportCells.Result r = cells.find(new ReportCells.Request(null, null, List.of(), null, null, null, false, false));
        List<FigureCell> found = measureCells(r);
        assertEquals(EXPECTED.size(), found.size(), "every cell, not the first page's or the first 200 measures'");
        Set<String> seen = new HashSet<>();
        for (FigureCell c : found) {
            String k = key(c.metric(), c.province(), c.year());
            assertTrue(seen.add(k), "each cell once: " + k);
            assertEquals(EXPECTED.get(k).value(), c.figure().value(), 1e-9, k);
            assertEquals(EXPECTED.get(k).url(), c.figure().url(), k);
            assertEquals(CONFLICTS.contains(k), c.conflicting(), k + " " + c.values());
        }
        assertEquals(2L * Gazetteer.get().provinces().size(), r.cells().stream().filter(c -> c.metric().equals("poverty_rate")).count());
        assertTrue(r.complete());
    }

    @Test
    void eachPairsLatestYearOnly() throws Exception {
        ReportCells.Result r = cells.find(new ReportCells.Request(null, null, List.of(), null, null, null, true, false));
        List<FigureCell> found = measureCells(r);
        assertEquals(2 * MEASURES, found.size(), "one cell per measure and province");
        for (FigureCell c : found) {
            int i = Integer.parseInt(c.metric().substring("test_measure_".length()));
            int latest = c.province().equals(A) ? 2024 : i % 3 != 0 ? 2023 : 2022;
            assertEquals(latest, c.year(), c.metric() + " " + c.province());
            assertEquals(EXPECTED.get(key(c.metric(), c.province(), latest)).value(), c.figure().value(), 1e-9);
        }
    }

    @Test
    void rankAndConflictsWorkPastTheNodesBucketLimit() throws Exception {
        FactAnalytics analytics = new FactAnalytics(elastic, config.analytics());
        int provinces = Gazetteer.get().provinces().size();
        // A page's cells with their year and value buckets stay under 100; all the cells of one search would not.
        setMaxBuckets(JsonData.of(100));
        try {
            Analysis.Ranking latest = analytics.rank("poverty_rate", null, FactAnalytics.Order.DESC, 0);
            assertEquals(provinces, latest.provincesWithFigure());
            assertTrue(latest.rows().stream().allMatch(row -> row.cell().year() == 2023));
            assertEquals(List.of(2023, 2022), latest.years());
            assertEquals(provinces, analytics.rank("poverty_rate", 2022, FactAnalytics.Order.ASC, 0).provincesWithFigure());
            Analysis.Conflicts all = analytics.conflicts(null, null, null);
            assertEquals(CONFLICTS.size(), all.conflicts().size());
            assertTrue(all.complete());
        } finally {
            setMaxBuckets(JsonData.fromJson("null"));
        }
    }

    @Test
    void pastTheFactBudgetWholeCellsAreReadFewestFactsFirstAndTheRestReportedUnchecked() throws Exception {
        // 23 cells hold two values, two facts each: 31 facts to read settle 15 of them whole, the 16th would not fit.
        AppConfig.Analytics d = config.analytics();
        FactAnalytics analytics = new FactAnalytics(elastic, new AppConfig.Analytics(d.valuesPerCell(), 31, d.maxTrendProvinces(), CELLS_PER_SEARCH));
        Analysis.Conflicts found = analytics.conflicts(null, null, null);
        assertEquals(15, found.conflicts().size(), "read by date across the cells, 31 facts would settle 8 cells");
        assertTrue(found.conflicts().stream().allMatch(c -> CONFLICTS.contains(key(c.metric(), c.province(), c.year())) && c.values().size() == 2));
        assertFalse(found.complete());
    }

    private static void setMaxBuckets(JsonData value) throws Exception {
        // Transient: gone with the node should a run stop before the reset.
        elastic.client().cluster().putSettings(p -> p.transient_("search.max_buckets", value));
    }
}
