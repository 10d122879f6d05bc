package portalkb.core;

import portalkb.core.Gazetteer.Province;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signs read for one article: each province's score (all signs) and text score (the article's own words, not the
 * source or the address), its signs and where it is first named; and the decision ({@link #decide}).
 */
final class ProvinceTally {
    private final Map<Province, double[]> scores = new LinkedHashMap<>();
    private final Map<Province, Integer> firstAt = new LinkedHashMap<>();
    private final List<ProvinceReading.Sign> signs = new ArrayList<>();

    void add(Province p, String kind, String written, double weight, boolean fromText, int at) {
        double[] s = scores.computeIfAbsent(p, k -> new double[2]);
        s[0] += weight;
        if (fromText) {
            s[1] += weight;
        }
        touch(p, at);
        signs.add(new ProvinceReading.Sign(p.name(), kind, written, Math.round(weight * 100) / 100.0));
    }

    void touch(Province p, int at) {
        firstAt.merge(p, at, Math::min);
    }

    double total(Province p) {
        double[] s = scores.get(p);
        return s == null ? 0 : s[0];
    }

    /** The province the article's own words weigh most so far (the first named on a tie), or null. */
    Province leading() {
        return scores.keySet().stream().filter(p -> text(p) > 0)
            .min(Comparator.comparingDouble((Province p) -> -text(p)).thenComparingInt(p -> firstAt.getOrDefault(p, Integer.MAX_VALUE)))
            .orElse(null);
    }

    double text(Province p) {
        double[] s = scores.get(p);
        return s == null ? 0 : s[1];
    }

    ProvinceReading decide(ProvinceSigns.Decision decision) {
        List<Province> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((Province p) -> -total(p)).thenComparingInt(p -> firstAt.getOrDefault(p, Integer.MAX_VALUE)));
        if (ranked.isEmpty() || total(ranked.get(0)) < decision.minScore()) {
            return new ProvinceReading(null, List.of(), 0, evidence(ranked.stream().limit(2).toList()));
        }
        Province primary = ranked.get(0);
        double second = ranked.size() > 1 ? total(ranked.get(1)) : 0;
        double confidence = Math.round(100 * total(primary) / (total(primary) + second + 1)) / 100.0;
        List<Province> reported = new ArrayList<>(List.of(primary));
        for (Province p : ranked.subList(1, ranked.size())) {
            if (text(p) >= decision.minScore() && text(p) >= decision.reportedShare() * text(primary)) {
                reported.add(p);
            }
        }
        List<Province> explained = new ArrayList<>(reported);
        if (ranked.size() > 1 && !reported.contains(ranked.get(1))) {
            explained.add(ranked.get(1));
        }
        return new ProvinceReading(primary, List.copyOf(reported), confidence, evidence(explained));
    }

    private List<ProvinceReading.Sign> evidence(List<Province> provinces) {
        Set<String> names = new HashSet<>();
        provinces.forEach(p -> names.add(p.name()));
        return signs.stream().filter(s -> names.contains(s.province()))
            .sorted(Comparator.comparingDouble(ProvinceReading.Sign::weight).reversed()).limit(12).toList();
    }
}
