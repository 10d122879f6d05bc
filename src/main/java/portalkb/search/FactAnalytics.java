package portalkb.search;

import portalkb.config.AppConfig;
import portalkb.core.BadParameterException;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.figures.MetricCatalogue;
import portalkb.core.Provinces;
import portalkb.search.Analysis.Change;
import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.MetricRef;
import portalkb.search.Analysis.RankRow;
import portalkb.search.Analysis.Ranking;
import portalkb.search.Analysis.Trend;
import portalkb.search.Analysis.TrendSeries;
import portalkb.store.Elastic;

import java.io.IOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rankings, trends and conflicting figures across provinces, from the facts index (records in
 * {@link Analysis}). Metrics are catalogue ids; provinces any spelling ({@link Provinces}); a province of
 * today (the 2025 merger) also stands for the provinces it absorbed, whose figures come labelled as such.
 * Bad input is a {@link BadParameterException} naming the parameter.
 */
public final class FactAnalytics {

    public enum Order { DESC, ASC }

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final ReportCells cells;
    private final AppConfig.Analytics limits;

    public FactAnalytics(Elastic elastic, AppConfig.Analytics limits) {
        this.cells = new ReportCells(elastic, limits);
        this.limits = limits;
    }

    /** A catalogued metric or an open measure's key (./kb metrics --discover lists them), or a 400 that lists the known ids. */
    public static MetricCatalogue.Metric metric(String parameter, String id) {
        if (id == null || id.isBlank()) {
            throw new BadParameterException(parameter, "required: one of " + known() + ", or an open measure's key");
        }
        return MetricCatalogue.get().describe(id.strip())
            .orElseThrow(() -> new BadParameterException(parameter, "unknown metric '" + id.strip() + "' (known: " + known()
                + "; open measures: ./kb metrics --discover)"));
    }

    /** The unit figures are compared in: a catalogued metric's; an open measure's unit is part of its key. */
    private static String comparedUnit(MetricCatalogue.Metric m) {
        return MetricCatalogue.get().byId(m.id()).isPresent() ? m.primaryUnit() : null;
    }

    /** A metric as the answer names it: an open measure by the phrase its latest figure is written with. */
    private static MetricRef ref(MetricCatalogue.Metric m, List<FigureCell> cells) {
        if (MetricCatalogue.get().byId(m.id()).isPresent()) {
            return MetricRef.of(m);
        }
        String phrase = cells.stream().map(c -> c.figure().measure()).filter(x -> x != null && !x.isBlank())
            .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting())).entrySet().stream()
            .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(m.name());
        return new MetricRef(m.id(), phrase, phrase, m.kind(), m.primaryUnit());
    }

    private static String known() {
        return String.join(", ", MetricCatalogue.get().metrics().stream().map(MetricCatalogue.Metric::id).toList());
    }

    /**
     * Every province with a figure ranked on {@code metricId}: for {@code year}, or each province's latest
     * year when null. Equal values share a rank. {@code limit} null or 0: every province.
     */
    public Ranking rank(String metricId, Integer year, Order order, Integer limit) throws IOException {
        MetricCatalogue.Metric m = metric("metric", metricId);
        if (limit != null && limit < 0) {
            throw new BadParameterException("limit", "expected 0 (all) or more, got " + limit);
        }
        ReportCells.Result found = cells.find(new ReportCells.Request(m.id(), comparedUnit(m), List.of(), year, null, null, year == null, true));
        Comparator<FigureCell> byValue = Comparator.comparingDouble(c -> c.figure().value());
        List<FigureCell> sorted = new ArrayList<>(found.cells());
        sorted.sort((order == Order.ASC ? byValue : byValue.reversed()).thenComparing(FigureCell::province, VIETNAMESE));
        List<RankRow> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            FigureCell c = sorted.get(i);
            boolean tiedAbove = i > 0 && sorted.get(i - 1).figure().value() == c.figure().value();
            boolean tiedBelow = i + 1 < sorted.size() && sorted.get(i + 1).figure().value() == c.figure().value();
            int rank = tiedAbove ? rows.get(i - 1).rank() : i + 1;
            rows.add(new RankRow(rank, tiedAbove || tiedBelow, c));
        }
        List<RankRow> shown = limit == null || limit == 0 || limit >= rows.size() ? rows : rows.subList(0, limit);
        return new Ranking(ref(m, found.cells()), year, order.name().toLowerCase(Locale.ROOT), rows.size(),
            Gazetteer.get().provinces().size(), List.copyOf(shown), found.complete(), found.years());
    }

    /** {@code metricId} by year in each province asked for (and those a province of today absorbed), {@code from}–{@code to} if given. */
    public Trend trend(String metricId, List<String> provinces, Integer from, Integer to) throws IOException {
        MetricCatalogue.Metric m = metric("metric", metricId);
        List<String> asked = Provinces.resolve("province", provinces);
        if (asked.isEmpty()) {
            throw new BadParameterException("province", "name at least one province");
        }
        if (asked.size() > limits.maxTrendProvinces()) {
            throw new BadParameterException("province", "at most " + limits.maxTrendProvinces() + " provinces, got " + asked.size());
        }
        if (from != null && to != null && from > to) {
            throw new BadParameterException("from", "from " + from + " is after to " + to);
        }
        Map<String, String> series = withAbsorbed(asked);
        ReportCells.Result found = cells.find(new ReportCells.Request(m.id(), comparedUnit(m), List.copyOf(series.keySet()), null, from, to, false, false));
        List<TrendSeries> out = new ArrayList<>();
        series.forEach((province, absorbedInto) -> {
            List<FigureCell> points = found.cells().stream().filter(c -> c.province().equals(province))
                .map(c -> absorbedInto == null ? c : c.absorbedInto(absorbedInto))
                .sorted(Comparator.comparingInt(FigureCell::year)).toList();
            List<Change> changes = new ArrayList<>();
            for (int i = 1; i < points.size(); i++) {
                changes.add(Change.between(points.get(i - 1), points.get(i)));
            }
            Change overall = points.size() < 2 ? null : Change.between(points.get(0), points.get(points.size() - 1));
            out.add(new TrendSeries(province, todayOf(province), absorbedInto, points, changes, overall));
        });
        return new Trend(ref(m, found.cells()), out, found.complete());
    }

    /**
     * A province's own latest result of each catalogued metric, chosen as {@link #rank} chooses it (the province page's
     * cards), in the catalogue's order: no district's, facility's, other province's or absorbed province's figure, no
     * target, change or open measure.
     */
    public List<FigureCell> latestOf(String province) throws IOException {
        String name = Provinces.resolve("province", List.of(province)).get(0);
        ReportCells.Result found = cells.find(new ReportCells.Request(null, null, List.of(name), null, null, null, true, false));
        List<String> order = MetricCatalogue.get().metrics().stream().map(MetricCatalogue.Metric::id).toList();
        return found.cells().stream().filter(c -> order.contains(c.metric()))
            .sorted(Comparator.comparingInt(c -> order.indexOf(c.metric()))).toList();
    }

    /**
     * {@code metricId} in each named province by year, the same figures as {@link #trend} (conflicts flagged); names that
     * are no province are left out and listed in the result's {@code unknown}, unless nothing else is named.
     */
    public Comparison compare(String metricId, List<String> names) throws IOException {
        Provinces.Resolved resolved = Provinces.resolveKnown(names);
        if (resolved.known().isEmpty()) {
            throw new BadParameterException("provinces", resolved.unknown().isEmpty() ? "name at least one province"
                : "unknown province '" + String.join("', '", resolved.unknown()) + "'");
        }
        Trend trend = trend(metricId, resolved.known(), null, null);
        List<Comparison.Series> series = trend.series().stream()
            .map(s -> new Comparison.Series(s.province(), s.absorbedInto(), s.points().stream().map(Comparison.Point::of).toList())).toList();
        return new Comparison(trend.metric().id(), trend.metric().name(), trend.metric().vi(), series, resolved.unknown());
    }

    /**
     * Every province × metric × year that different articles report with different values, each value with
     * its latest source. Any filter may be null: all catalogued metrics, all provinces, all years.
     */
    public Analysis.Conflicts conflicts(String metricId, List<String> provinces, Integer year) throws IOException {
        MetricCatalogue.Metric m = metricId == null || metricId.isBlank() ? null : metric("metric", metricId);
        Map<String, String> scope = withAbsorbed(Provinces.resolve("province", provinces == null ? List.of() : provinces));
        ReportCells.Result found = cells.find(new ReportCells.Request(m == null ? null : m.id(), m == null ? null : comparedUnit(m),
            List.copyOf(scope.keySet()), year, null, null, false, false));
        List<FigureCell> conflicting = found.cells().stream().filter(FigureCell::conflicting)
            .map(c -> scope.get(c.province()) == null ? c : c.absorbedInto(scope.get(c.province())))
            .sorted(Comparator.comparing(FigureCell::metric).thenComparing(FigureCell::province, VIETNAMESE).thenComparingInt(FigureCell::year))
            .toList();
        return new Analysis.Conflicts(conflicting, found.complete());
    }

    /**
     * The open measure a question's words name ({@link portalkb.figures.MeasureKeys}): among the measures of provinces'
     * results holding those words, the one whose words and the question's most agree, a share when a share is asked
     * for; empty when none holds most of the question's words.
     */
    public java.util.Optional<String> openMeasure(List<String> words, boolean share) throws IOException {
        return cells.openMeasure(words, share);
    }

    /** Province name → the province of today it is asked for through (null when asked for itself). */
    private static Map<String, String> withAbsorbed(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, null);
            Province p = Gazetteer.get().resolve(name).orElseThrow();
            if (p.existsToday()) {
                Gazetteer.get().provinces().stream().filter(q -> !q.existsToday() && q.today().equals(p.name()))
                    .forEach(q -> out.putIfAbsent(q.name(), p.name()));
            }
        }
        return out;
    }

    private static String todayOf(String province) {
        return Gazetteer.get().resolve(province).map(p -> Gazetteer.get().today(p).name()).orElse(province);
    }
}
