package portalkb.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Provinces, their aliases and districts, and the 2025 merger (data: gazetteer.yaml). Resolves a
 * user's or a source's spelling to a province, and finds provinces mentioned in article text.
 */
public final class Gazetteer {

    public record Province(String id, String name, String kind, String today, List<String> aliases, List<String> districts) {
        public boolean existsToday() {
            return name.equals(today);
        }
    }

    private record Entry(String name, String kind, String today, List<String> aliases, List<String> districts) {
    }

    private record File(List<Entry> provinces) {
    }

    private static final Pattern QUALIFIER = Pattern.compile(
        "^(tinh|thanh pho|tp\\.?|t\\.p\\.?|province of|city of)\\s+|\\s+(province|city|tinh)$");

    private static volatile Gazetteer instance;

    private final Map<String, Province> byId = new LinkedHashMap<>();
    private final Map<String, Province> byKey = new HashMap<>();
    private final Map<String, Province> districtKey = new HashMap<>();
    private final NameScanner mentionScanner;
    private final Map<String, Province> mentionNames = new HashMap<>();
    private final NameScanner placeScanner;
    private final Map<String, String> districtNames = new HashMap<>();

    public static Gazetteer get() {
        if (instance == null) {
            synchronized (Gazetteer.class) {
                if (instance == null) {
                    instance = load();
                }
            }
        }
        return instance;
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream("/portalkb/core/gazetteer.yaml")) {
            return new Gazetteer(new ObjectMapper(new YAMLFactory()).readValue(in, File.class).provinces());
        } catch (IOException e) {
            throw new IllegalStateException("gazetteer.yaml is missing or invalid: " + e.getMessage(), e);
        }
    }

    private Gazetteer(List<Entry> entries) {
        Map<String, Set<String>> districtOwners = new HashMap<>();
        for (Entry e : entries) {
            Province p = new Province(Text.slug(e.name()), e.name(), e.kind(), e.today(),
                e.aliases() == null ? List.of() : e.aliases(), e.districts() == null ? List.of() : e.districts());
            byId.put(p.id(), p);
            for (String d : p.districts()) {
                districtOwners.computeIfAbsent(Text.fold(d), k -> new LinkedHashSet<>()).add(p.id());
            }
        }
        for (Province p : byId.values()) {
            byKey.put(Text.fold(p.name()), p);
            byKey.put(p.id(), p);
            p.aliases().forEach(a -> byKey.put(Text.fold(a), p));
            mentionNames.put(p.name(), p);
            mentionNames.putIfAbsent(Text.otherTonePlacement(p.name()), p);
            p.aliases().stream().filter(a -> !a.equals(Text.fold(a))).forEach(a -> mentionNames.put(a, p));
            // English articles write "Vinh Phuc", "Tra Vinh": the unaccented name, capitalised, counts for names of two words or more.
            String ascii = asciiTitle(p.name());
            if (ascii.contains(" ") && !ascii.equals(p.name())) {
                mentionNames.putIfAbsent(ascii, p);
            }
        }
        districtOwners.forEach((key, owners) -> {
            if (owners.size() == 1 && !byKey.containsKey(key)) {
                districtKey.put(key, byId.get(owners.iterator().next()));
            }
        });
        for (Province p : byId.values()) {
            for (String d : p.districts()) {
                if (districtKey.get(Text.fold(d)) == p && !mentionNames.containsKey(d)) {
                    districtNames.put(d, d);
                    String other = Text.otherTonePlacement(d);
                    if (!mentionNames.containsKey(other)) {
                        districtNames.putIfAbsent(other, d);
                    }
                    String ascii = asciiTitle(d);
                    if (ascii.contains(" ") && !ascii.equals(d) && !mentionNames.containsKey(ascii)) {
                        districtNames.putIfAbsent(ascii, d);
                    }
                }
            }
        }
        // The longest name at a position wins ("Thừa Thiên Huế" over "Huế"). Case-sensitive: "hòa bình" (peace) is no province.
        mentionScanner = new NameScanner(mentionNames.keySet());
        Set<String> placeNames = new LinkedHashSet<>(mentionNames.keySet());
        placeNames.addAll(districtNames.keySet());
        placeScanner = new NameScanner(placeNames);
    }

    /**
     * A province or district named in a text at [start, end): {@code district} is the district's name as the gazetteer
     * spells it (null for a province), {@code province} the province it lies in.
     */
    public record PlaceMention(Province province, String district, int start, int end) {
        public boolean isDistrict() {
            return district != null;
        }
    }

    /**
     * Provinces and unambiguous districts named in an NFC text, in text order, the longest name at a position first
     * ("Vĩnh Long" is the province, not the district "Vinh"); offsets are the text's.
     */
    public List<PlaceMention> places(String text) {
        List<PlaceMention> out = new ArrayList<>();
        placeScanner.forEachAt(text, (name, start) -> {
            Province p = mentionNames.get(name);
            if (p != null) {
                out.add(new PlaceMention(p, null, start, start + name.length()));
            } else {
                String district = districtNames.get(name);
                out.add(new PlaceMention(districtKey.get(Text.fold(district)), district, start, start + name.length()));
            }
        });
        return out;
    }

    public Collection<Province> provinces() {
        return byId.values();
    }

    /** The 34 provinces since 1 July 2025. */
    public List<Province> provincesToday() {
        return byId.values().stream().filter(Province::existsToday).toList();
    }

    public Optional<Province> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Any spelling: "Lạng Sơn", "lang son", "Lang Son province", "tỉnh Lạng Sơn", "TP.HCM", an id. */
    public Optional<Province> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = Text.fold(text);
        Province direct = byKey.get(key);
        if (direct != null) {
            return Optional.of(direct);
        }
        String stripped = QUALIFIER.matcher(key).replaceAll("").strip();
        return Optional.ofNullable(byKey.get(stripped));
    }

    /** The province a district belongs to, when the district name is unambiguous. */
    public Optional<Province> provinceOfDistrict(String district) {
        if (district == null || district.isBlank()) {
            return Optional.empty();
        }
        String key = Text.fold(district).replaceFirst("^(huyen|thi xa|thanh pho|quan)\\s+", "");
        return Optional.ofNullable(districtKey.get(key));
    }

    public Province today(Province province) {
        return byKey.get(Text.fold(province.today()));
    }

    private static String asciiTitle(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : Text.fold(name).split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** Provinces named in a text (diacritic spellings, case-sensitive), in order of first mention. */
    public List<Province> mentions(String text) {
        Set<Province> found = new LinkedHashSet<>();
        mentionScanner.forEach(Text.nfc(text), name -> found.add(mentionNames.get(name)));
        return new ArrayList<>(found);
    }
}
