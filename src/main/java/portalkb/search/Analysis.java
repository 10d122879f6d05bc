package portalkb.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import portalkb.figures.MetricCatalogue;
import portalkb.store.Fact;

import java.util.List;

/**
 * What the analytics over the facts index answer (records in, records out; shared by the API, the CLI and
 * the ask path). One figure per province, metric and year: the report of the most recently published
 * article of that year. An article's report is the largest count it states (a year-to-date total beats
 * the week's), or the first share or rate it states (the headline figure).
 */
public final class Analysis {

    private Analysis() {
    }

    /** A catalogued metric as the analytics use it: figures are compared in {@code unit}. */
    public record MetricRef(String id, String name, String vi, String kind, String unit) {
        public static MetricRef of(MetricCatalogue.Metric m) {
            return new MetricRef(m.id(), m.name(), m.vi(), m.kind(), m.primaryUnit());
        }
    }

    /** One article's figure for a province, metric and year, with its source ({@code source}: the crawler's id, {@code sourceName}: the outlet's name). */
    public record Report(String metric, String province, String provinceToday, int year, double value, String unit, String raw,
                         String text, String articleId, String url, String title, String source, String published, String measure,
                         String sourceName) {
        /** A stored fact as a report (no year or value: 0). */
        static Report of(Fact f) {
            return new Report(f.metric(), f.province(), f.provinceToday(), f.year() == null ? 0 : f.year(), f.value() == null ? 0 : f.value(),
                f.unit(), f.raw(), f.text(), f.articleId(), f.url(), f.title(), f.source(), f.published(), f.measure(), f.sourceName());
        }
    }

    /** A value stated for one cell by {@code articles} articles; {@code latest} is the most recent of them. */
    public record StatedValue(double value, int articles, Report latest) {
    }

    /**
     * The figure of one province, metric and year. {@code values}: every value articles state for it, the
     * chosen one first; more than one is a conflict. {@code absorbedInto}: set when the province was asked
     * for as the province of today that absorbed it (the 2025 merger).
     */
    public record FigureCell(String metric, String province, String provinceToday, String absorbedInto, int year,
                             Report figure, List<StatedValue> values) {
        @JsonProperty("conflict")
        public boolean conflicting() {
            return values.size() > 1;
        }

        FigureCell absorbedInto(String today) {
            return new FigureCell(metric, province, provinceToday, today, year, figure, values);
        }
    }

    /** A place in a ranking: provinces with equal values share a rank ({@code tied}). */
    public record RankRow(int rank, boolean tied, FigureCell cell) {
    }

    /**
     * Provinces ranked on a metric: for {@code year}, or each province's latest year when year is null.
     * {@code provincesWithFigure} of {@code provincesTotal} have a figure at all (before {@code limit}).
     * {@code conflictsChecked}: false when more reports disagreed than one request reads (analytics.conflictFacts).
     * {@code years}: the years with a figure of the metric in any province, latest first.
     */
    public record Ranking(MetricRef metric, Integer year, String order, int provincesWithFigure, int provincesTotal,
                          List<RankRow> rows, boolean conflictsChecked, List<Integer> years) {
    }

    /** From one year's figure to a later one: the difference (points, for shares) and the change in percent (null from 0). */
    public record Change(int fromYear, int toYear, double from, double to, double difference, Double percent) {
        static Change between(FigureCell a, FigureCell b) {
            double from = a.figure().value();
            double to = b.figure().value();
            return new Change(a.year(), b.year(), from, to, round(to - from), from == 0 ? null : round((to - from) / from * 100));
        }

        private static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }
    }

    /** One province's figures by year, with the change between consecutive years and from first to last. */
    public record TrendSeries(String province, String provinceToday, String absorbedInto, List<FigureCell> points,
                              List<Change> changes, Change overall) {
    }

    /** A metric's trend in the provinces asked for (a province of today: also the provinces it absorbed). */
    public record Trend(MetricRef metric, List<TrendSeries> series, boolean conflictsChecked) {
    }

    /** Every province, metric and year that articles report with different values. */
    public record Conflicts(List<FigureCell> conflicts, boolean complete) {
    }
}
