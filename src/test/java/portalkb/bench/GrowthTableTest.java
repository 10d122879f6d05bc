package portalkb.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthTableTest {

    private static GrowthTable tenfold(String name, GrowthTable.Kind kind, double before, double after) {
        GrowthTable table = new GrowthTable();
        table.define(name, "", kind);
        table.add(10_000, Map.of(name, before));
        table.add(100_000, Map.of(name, after));
        return table;
    }

    @Test
    void aCostThatGrowsWithTheCorpusHasExponentOneAndAConstantOneZero() {
        assertEquals(1.0, tenfold("disk", GrowthTable.Kind.COST, 45, 450).exponent("disk", 1), 1e-9);
        assertEquals(0.0, tenfold("p95", GrowthTable.Kind.COST, 80, 80).exponent("p95", 1), 1e-9);
        assertEquals(0.5, tenfold("p95", GrowthTable.Kind.COST, 10, 10 * Math.sqrt(10)).exponent("p95", 1), 1e-9);
    }

    @Test
    void anImportAtAnUnchangedRateCostsInProportionToTheCorpus() {
        assertEquals(1.0, tenfold("import", GrowthTable.Kind.CORPUS_RATE, 100, 100).exponent("import", 1), 1e-9);
        // half the rate at ten times the articles: 20 times the time
        assertEquals(Math.log(20) / Math.log(10), tenfold("import", GrowthTable.Kind.CORPUS_RATE, 100, 50).exponent("import", 1), 1e-9);
    }

    @Test
    void aCrawlOfTheSamePagesThatSlowsDownHasAPositiveExponent() {
        assertEquals(0.0, tenfold("crawl", GrowthTable.Kind.FIXED_WORK_RATE, 55, 55).exponent("crawl", 1), 1e-9);
        double slower = tenfold("crawl", GrowthTable.Kind.FIXED_WORK_RATE, 100, 10).exponent("crawl", 1);
        assertEquals(1.0, slower, 1e-9);
        assertTrue(tenfold("crawl", GrowthTable.Kind.FIXED_WORK_RATE, 100, 200).exponent("crawl", 1) < 0);
    }

    @Test
    void aMissingFigureHasNoExponent() {
        GrowthTable table = new GrowthTable();
        table.define("ask p95", "ms", GrowthTable.Kind.COST);
        table.add(10_000, Map.of("ask p95", 100.0));
        table.add(100_000, Map.of());
        assertTrue(Double.isNaN(table.exponent("ask p95", 1)));
    }
}
