package portalkb.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words that name a kind of place, by level (data: portalkb/core/place-words.yaml): written before a name
 * ("huyện", "xã", "bệnh viện"), after it ("district", "commune"), or standing for a whole unit ("toàn tỉnh",
 * "cả nước"). Folded forms.
 */
public final class PlaceWords {

    /** The level of a place a figure can be about. */
    public enum Level {
        PROVINCE, DISTRICT, COMMUNE, NATIONAL, OTHER_PROVINCE, FACILITY;

        /** "province", "other-province", … as labels and stored facts write it. */
        public String id() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** The words of one level. */
    public record Words(List<String> before, List<String> after, List<String> whole) {
    }

    private static final PlaceWords INSTANCE = load();

    private final Map<Level, Words> byLevel;

    private PlaceWords(Map<Level, Words> byLevel) {
        this.byLevel = byLevel;
    }

    public static PlaceWords get() {
        return INSTANCE;
    }

    /** The words of a level; OTHER_PROVINCE has those of PROVINCE. */
    public Words of(Level level) {
        return byLevel.get(level == Level.OTHER_PROVINCE ? Level.PROVINCE : level);
    }

    /**
     * A place of these levels named in folded text: a kind word before a name ("huyen pac nam", "xa dai thang") or
     * after one ("cai nuoc district").
     */
    public java.util.regex.Pattern named(Level... levels) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Level level : levels) {
            of(level).before().forEach(w -> before.add(java.util.regex.Pattern.quote(w)));
            of(level).after().forEach(w -> after.add(java.util.regex.Pattern.quote(w)));
        }
        // longer words first, so that "thi xa" is not read as "xa"
        java.util.Comparator<String> longestFirst = java.util.Comparator.comparingInt(String::length).reversed();
        before.sort(longestFirst);
        after.sort(longestFirst);
        return java.util.regex.Pattern.compile("\\b(?:" + String.join("|", before) + ")\\s+[a-z]|[a-z]\\s+(?:"
            + String.join("|", after) + ")\\b");
    }

    private static PlaceWords load() {
        try (InputStream in = PlaceWords.class.getResourceAsStream("/portalkb/core/place-words.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portalkb/core/place-words.yaml is missing from the classpath");
            }
            JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<Level, Words> byLevel = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                if (level == Level.OTHER_PROVINCE) {
                    continue;
                }
                JsonNode n = file.path(level.name().toLowerCase());
                byLevel.put(level, new Words(list(n.path("before")), list(n.path("after")), list(n.path("whole"))));
            }
            return new PlaceWords(byLevel);
        } catch (IOException e) {
            throw new UncheckedIOException("portalkb/core/place-words.yaml: " + e.getMessage(), e);
        }
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
