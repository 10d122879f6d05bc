package portalkb.core;

import portalkb.core.Gazetteer.Province;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The province whose outlet an address is: one listed in province-evidence.yaml, or one whose labels spell a province
 * ("baohaugiang.com.vn", "soyte.sonla.gov.vn", "tinhuyquangtri.vn", "dienbientv.vn"). Names shorter than five letters
 * are not looked for inside a label: they turn up in unrelated words.
 */
final class OutletHosts {

    private static final int MIN_LETTERS = 5;
    private static final Map<Province, List<String>> SPELLINGS = new LinkedHashMap<>();

    static {
        Gazetteer.get().provinces().forEach(p -> SPELLINGS.put(p, spellings(p)));
    }

    private OutletHosts() {
    }

    /** Null when the address names no province, or names two. */
    static Province province(String host, ProvinceSigns signs) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.toLowerCase().replaceFirst(":\\d+$", "");
        Gazetteer g = Gazetteer.get();
        for (Map.Entry<String, String> e : signs.outletHosts().entrySet()) {
            if (h.equals(e.getKey()) || h.endsWith("." + e.getKey())) {
                return g.resolve(e.getValue()).orElse(null);
            }
        }
        Map<Province, String> found = new LinkedHashMap<>();
        for (String label : h.split("\\.")) {
            String letters = label.replace("-", "");
            for (Map.Entry<Province, List<String>> e : SPELLINGS.entrySet()) {
                Province p = e.getKey();
                for (String spelled : e.getValue()) {
                    if (letters.contains(spelled) && spelled.length() > found.getOrDefault(p, "").length()) {
                        found.put(p, spelled);
                    }
                }
            }
        }
        // a name inside a longer one found too is that one's part
        List<String> all = List.copyOf(found.values());
        found.values().removeIf(s -> all.stream().anyMatch(o -> o.length() > s.length() && o.contains(s)));
        return found.size() == 1 ? found.keySet().iterator().next() : null;
    }

    private static List<String> spellings(Province p) {
        List<String> out = new ArrayList<>();
        for (String name : concat(p.name(), p.aliases())) {
            String letters = Text.fold(name).replaceAll("[^a-z]", "");
            if (letters.length() >= MIN_LETTERS) {
                out.add(letters);
            }
        }
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
