package portalkb.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures measured at growing corpus sizes, each printed beside the previous size's with its growth exponent
 * log(cost ratio) / log(size ratio): 1 grows like the corpus, 0 not at all, above 1 faster than the corpus.
 * A rate is turned into its cost for the exponent: articles/s of the whole corpus into seconds for the corpus,
 * pages/s of a fixed amount of work (a crawl of the same pages at every size) into seconds for that work.
 */
final class GrowthTable {

    /** What a figure's value is, for its exponent. */
    enum Kind {
        /** Larger is more work: latency, memory, disk. */
        COST,
        /** A rate over the whole corpus (articles/s of the import): the cost is size / rate. */
        CORPUS_RATE,
        /** A rate over the same work at every size (pages/s of one crawl): the cost is 1 / rate. */
        FIXED_WORK_RATE
    }

    /** One figure's name, its unit as printed, and its kind. */
    record Figure(String name, String unit, Kind kind) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Long> sizes = new ArrayList<>();
    private final List<Map<String, Double>> values = new ArrayList<>();

    void define(String name, String unit, Kind kind) {
        figures.putIfAbsent(name, new Figure(name, unit, kind));
    }

    void add(long size, Map<String, Double> measured) {
        sizes.add(size);
        values.add(Map.copyOf(measured));
    }

    /** The exponent of {@code name} from size i-1 to size i; NaN when either value is missing or not positive. */
    double exponent(String name, int i) {
        Double now = values.get(i).get(name);
        Double before = values.get(i - 1).get(name);
        if (now == null || before == null || now <= 0 || before <= 0) {
            return Double.NaN;
        }
        Kind kind = figures.containsKey(name) ? figures.get(name).kind() : Kind.COST;
        double sizeRatio = (double) sizes.get(i) / sizes.get(i - 1);
        double costRatio = switch (kind) {
            case COST -> now / before;
            case CORPUS_RATE -> sizeRatio * before / now;
            case FIXED_WORK_RATE -> before / now;
        };
        return Math.log(costRatio) / Math.log(sizeRatio);
    }

    void print(PrintStream out) {
        StringBuilder head = new StringBuilder("| figure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 0; i < sizes.size(); i++) {
            head.append(String.format(" %,d |", sizes.get(i)));
            rule.append("---|");
            if (i > 0) {
                head.append(" exp. |");
                rule.append("---|");
            }
        }
        out.println(head);
        out.println(rule);
        for (Figure f : figures.values()) {
            StringBuilder row = new StringBuilder("| " + f.name() + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")") + " |");
            for (int i = 0; i < sizes.size(); i++) {
                Double v = values.get(i).get(f.name());
                row.append(' ').append(v == null ? "—" : format(v)).append(" |");
                if (i > 0) {
                    double e = exponent(f.name(), i);
                    row.append(' ').append(Double.isNaN(e) ? "—" : String.format("%.2f", e)).append(" |");
                }
            }
            out.println(row);
        }
    }

    private static String format(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format("%,.0f", v);
        }
        return String.format("%.1f", v);
    }
}
