package portalkb.search;

import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.StatedValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    public void markFacts(List<Map<String, Object>> rows) {
        rows.forEach(row -> row.put("conflict", byCell.containsKey(key(row.get("metric"), row.get("province"), row.get("year")))));
    }

    /** {@link FactService#compare}'s series: a point of a conflicting cell gets {@code conflict} and {@code otherValues}. */
    @SuppressWarnings("unchecked")
    public void markCompare(Map<String, Object> compare) {
        Object metric = compare.get("metric");
        for (Map<String, Object> series : (List<Map<String, Object>>) compare.get("series")) {
            for (Map<String, Object> point : (List<Map<String, Object>>) series.get("points")) {
                FigureCell cell = byCell.get(key(metric, series.get("province"), point.get("year")));
                point.put("conflict", cell != null);
                if (cell != null) {
                    List<Map<String, Object>> others = new ArrayList<>();
                    for (StatedValue v : cell.values()) {
                        if (!(point.get("value") instanceof Number n && n.doubleValue() == v.value())) {
                            others.add(other(v));
                        }
                    }
                    point.put("otherValues", others);
                }
            }
        }
    }

    private static Map<String, Object> other(StatedValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("articles", v.articles());
        m.put("url", v.latest().url());
        m.put("title", v.latest().title());
        m.put("source", v.latest().source());
        m.put("published", v.latest().published());
        return m;
    }
}
