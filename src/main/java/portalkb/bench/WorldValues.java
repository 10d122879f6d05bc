package portalkb.bench;

import portalkb.bench.WorldTemplates.Measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static portalkb.bench.WorldNumbers.between;
import static portalkb.bench.WorldNumbers.round;

/**
 * Every measure's value for every province and year: drawn from the region's range in the year before the first (so
 * the first year has a change too), then drifting year by year. Values are kept as written (rounded to the measure's
 * decimals). In each year asked about, the highest and the lowest province are unique, so that every superlative
 * question has exactly one right answer: a year whose draw ties at either end is drawn again.
 */
final class WorldValues {

    private static final int MAX_ATTEMPTS = 10_000;
    /** A gap never closes below this: 99.9 is the highest share a 1-decimal measure writes. */
    private static final double SMALLEST_GAP = 0.1;
    /** No level-model share goes above this (a district can, in its own list). */
    private static final double HIGHEST_LEVEL_SHARE = 95;

    private final List<WorldProvince> provinces;
    private final long seed;
    private final int first;
    private final int from;
    private final int last;
    /** What drifts (the value, or 100 minus it), by measure id: [province][year - first]. */
    private final Map<String, double[][]> drifting = new HashMap<>();
    private final Map<String, double[][]> values = new HashMap<>();

    WorldValues(List<Measure> measures, List<WorldProvince> provinces, long seed, int from, int to) {
        this.provinces = provinces;
        this.seed = seed;
        this.first = from - 1;
        this.from = from;
        this.last = to;
        measures.forEach(this::draw);
    }

    List<WorldProvince> provinces() {
        return provinces;
    }

    double value(Measure m, int province, int year) {
        return values.get(m.id())[province][year - first];
    }

    /** The count a share stands for ("16.003" hộ nghèo beside "19,93%"), of the measure's total. */
    long count(Measure m, int province, int year) {
        return Math.round(value(m, province, year) / 100 * total(m, province, year));
    }

    long total(Measure m, int province, int year) {
        String of = m.count() != null ? m.count().of() : m.countOf();
        return provinces.get(province).total(of, year);
    }

    /** The country's figure: the sum of a count, the population-weighted mean of anything else. */
    double national(Measure m, int year) {
        double sum = 0;
        double weights = 0;
        for (WorldProvince p : provinces) {
            double weight = m.isCount() ? 1 : p.population(year);
            sum += value(m, p.index(), year) * weight;
            weights += m.isCount() ? 0 : weight;
        }
        return round(m.isCount() ? sum : sum / weights, m.decimals());
    }

    /**
     * The target the province sets for the next year, strictly better than this year's value as written; NaN where
     * no sensible one exists (a share already near 0 or 100 at the target's precision).
     */
    double target(Measure m, int province, int year) {
        double drift = drifting.get(m.id())[province][year - first] * (1 + m.target().change());
        double target = round(raw(m, provinces.get(province), year + 1, clamp(m, drift)), m.target().decimals());
        double value = value(m, province, year);
        double step = Math.pow(10, -m.target().decimals());
        boolean higher = m.better().equals("higher");
        while (higher ? target <= value : target >= value) {
            target = round(target + (higher ? step : -step), m.target().decimals());
        }
        return target <= 0 || (m.isShare() && target > 100) ? Double.NaN : target;
    }

    private void draw(Measure m) {
        int years = last - first + 1;
        double[][] drift = new double[provinces.size()][years];
        double[][] written = new double[provinces.size()][years];
        for (WorldProvince p : provinces) {
            Random random = WorldRandom.of(seed, "start", m.id(), p.name());
            List<Double> range = m.start().get(p.profile().region());
            double start = between(random, range.get(0), range.get(1));
            if (!m.gap() && p.isCity() && m.cityFactor() != null) {
                start *= m.cityFactor();
            }
            drift[p.index()][0] = clamp(m, m.gap() ? 100 - start : start);
            written[p.index()][0] = written(m, p, first, drift[p.index()][0]);
        }
        for (int y = 1; y < years; y++) {
            drawYear(m, first + y, drift, written);
        }
        drifting.put(m.id(), drift);
        values.put(m.id(), written);
    }

    private void drawYear(Measure m, int year, double[][] drift, double[][] written) {
        int y = year - first;
        double shock = m.yearShock() == null ? 0
            : between(WorldRandom.of(seed, "shock", m.id(), year), m.yearShock().get(0), m.yearShock().get(1));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            for (WorldProvince p : provinces) {
                Random random = WorldRandom.of(seed, "drift", m.id(), p.name(), year, attempt);
                double factor = Math.max(0.05, 1 + between(random, m.yearly().get(0), m.yearly().get(1)) + shock);
                drift[p.index()][y] = clamp(m, drift[p.index()][y - 1] * factor);
                written[p.index()][y] = written(m, p, year, drift[p.index()][y]);
            }
            if (year < from || extremesUnique(written, y)) {
                return;
            }
        }
        throw new IllegalStateException("no draw of " + m.id() + " in " + year + " without a tie at the top or bottom");
    }

    private static boolean extremesUnique(double[][] written, int y) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double[] province : written) {
            max = Math.max(max, province[y]);
            min = Math.min(min, province[y]);
        }
        int atMax = 0;
        int atMin = 0;
        for (double[] province : written) {
            atMax += province[y] == max ? 1 : 0;
            atMin += province[y] == min ? 1 : 0;
        }
        return atMax == 1 && atMin == 1;
    }

    private double clamp(Measure m, double drift) {
        if (m.gap()) {
            return Math.min(99, Math.max(SMALLEST_GAP, drift));
        }
        return m.isShare() ? Math.min(HIGHEST_LEVEL_SHARE, drift) : drift;
    }

    /**
     * As written: rounded, and never below the smallest written value (no report says "0 ca" or "0,00%"). A share of
     * a few hundred communes is the share of a whole number of them, so that "89,5% (51/57 xã)" adds up; one commune
     * at least is still short, or several provinces would tie at 100%.
     */
    private static double written(Measure m, WorldProvince p, int year, double drift) {
        double raw = raw(m, p, year, drift);
        if (m.count() != null && m.count().of().equals("communeUnits")) {
            long total = p.total("communeUnits", year);
            raw = 100.0 * Math.min(total - 1, Math.round(raw / 100 * total)) / total;
        }
        return Math.max(Math.pow(10, -m.decimals()), round(raw, m.decimals()));
    }

    private static double raw(Measure m, WorldProvince p, int year, double drift) {
        if ("communes".equals(m.countOf())) {
            // At least one commune is always still short of the standard: no province reports all of them.
            long total = p.communes();
            return Math.max(0, total - Math.max(1, Math.round(total * drift / 100)));
        }
        double value = m.gap() ? 100 - drift : drift;
        return m.per100k() ? value * p.population(year) / 100_000 : value;
    }
}
