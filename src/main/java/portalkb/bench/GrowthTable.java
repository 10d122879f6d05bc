package portalkb.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures measured at growing corpus sizes, each printed beside the previous size's with its growth exponent
 * log(cost ratio) / log(size ratio): 1 grows like the corpus, 0 not at all, above 1 faster than the corpus.
 * A rate (articles/s) is turned into its cost (seconds for the whole corpus) for the exponent.
 */
final class GrowthTable {

    /** One figure's name, its unit as printed, and whether a larger value is a cost (latency, memory) or a rate. */
    record Figure(String name, String unit, boolean rate) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Long> sizes = new ArrayList<>();
    private final List<Map<String, Double>> values = new ArrayList<>();

    void define(String name, String unit, boolean rate) {
        figures.putIfAbsent(name, new Figure(name, unit, rate));
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
        Figure f = figures.get(name);
        double sizeRatio = (double) sizes.get(i) / sizes.get(i - 1);
        // a rate's cost is the time for the whole corpus: size / rate
        double costRatio = f != null && f.rate() ? sizeRatio * before / now : now / before;
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
