package portalkb.search;

import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.StatedValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks rows of /api/facts and points of /api/compare whose province, metric and year articles report
 * with different values: {@code conflict: true}, and on compare points the other values with their sources.
 */
public final class ConflictFlags {

    private final Map<String, FigureCell> byCell = new HashMap<>();

    public ConflictFlags(Analysis.Conflicts conflicts) {
        conflicts.conflicts().forEach(c -> byCell.put(key(c.metric(), c.province(), c.year()), c));
    }

    private static String key(Object metric, Object province, Object year) {
        return metric + "|" + province + "|" + (year instanceof Number n ? n.intValue() : year);
    }

    /** Fact rows of {@link FactService#facts}: each gets {@code conflict} true or false. */
    public List<FactRow> markFacts(List<FactRow> rows) {
        return rows.stream().map(row -> row.withConflict(byCell.containsKey(key(row.fact().metric(), row.fact().province(),
            row.fact().year())))).toList();
    }

    /** {@link FactService#compare}'s series: a point of a conflicting cell gets {@code conflict} and {@code otherValues}. */
    public Comparison markCompare(Comparison compare) {
        List<Comparison.Series> series = new ArrayList<>();
        for (Comparison.Series s : compare.series()) {
            List<Comparison.Point> points = new ArrayList<>();
            for (Comparison.Point point : s.points()) {
                FigureCell cell = byCell.get(key(compare.metric(), s.province(), point.year()));
                points.add(point.flagged(cell != null, cell == null ? null : others(cell, point)));
            }
            series.add(new Comparison.Series(s.province(), points));
        }
        return new Comparison(compare.metric(), compare.name(), series);
    }

    private static List<Comparison.OtherValue> others(FigureCell cell, Comparison.Point point) {
        List<Comparison.OtherValue> others = new ArrayList<>();
        for (StatedValue v : cell.values()) {
            if (!(point.value() != null && point.value() == v.value())) {
                others.add(new Comparison.OtherValue(v.value(), v.articles(), v.latest().url(), v.latest().title(),
                    v.latest().source(), v.latest().published()));
            }
        }
        return others;
    }
}
