package portalkb.search;

import portalkb.search.Analysis.FigureCell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks rows of /api/facts whose province, metric and year articles report with different values: {@code conflict: true}.
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
}
