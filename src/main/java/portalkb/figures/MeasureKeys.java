package portalkb.figures;

import portalkb.core.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An open measure's key: what a figure measures when the catalogue has no id for it, normalised so that the same
 * indicator written another way gets the same key. The phrase (an English one first put into the Vietnamese portals
 * write, through the glossary) is folded, abbreviations are written out ("BHYT" → "bảo hiểm y tế", from
 * index-config/synonyms-vi.txt), words that say how it is counted or where are left out, and the rest is sorted;
 * the unit's class follows the dot: {@code ho-ngheo.pct} for "tỷ lệ hộ nghèo", {@code ho-ngheo.ho} for "số hộ
 * nghèo".
 */
public final class MeasureKeys {

    /** Words that say how a thing is counted, where or when, not what it is. */
    private static final Set<String> FILLER = Set.of(
        "so", "luong", "tong", "cua", "cac", "nhung", "la", "tren", "dia", "ban", "tinh", "toan", "duoc", "da", "co", "ty",
        "ti", "le", "hien", "nay", "trong", "do", "va", "voi", "theo", "den", "tai", "o", "thi", "mot", "nhu", "ve", "cho",
        "dat", "con", "muc", "the", "of", "a", "an", "in", "on", "at", "to", "for", "by", "and", "number", "total", "share",
        "rate", "proportion", "percentage", "with", "as", "from", "its", "their", "this", "that", "were", "was", "is", "are",
        "has", "have", "had", "been", "nam", "year", "province", "provincial", "locality", "dia phuong");
    private static final Map<String, String> EXPANSIONS = expansions();
    private static final int MAX_WORDS = 10;

    private MeasureKeys() {
    }

    /** The key of a measure phrase (Vietnamese, or English put into Vietnamese by {@link #vietnamese}) and its unit. */
    public static String key(String phrase, String unitClass) {
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return null;
        }
        TreeSet<String> sorted = new TreeSet<>(words.size() > MAX_WORDS ? words.subList(0, MAX_WORDS) : words);
        return String.join("-", sorted) + "." + unitClass;
    }

    /** The words of an open measure's key ("ho-ngheo.pct" → [ho, ngheo]), for finding it from a question's words. */
    public static List<String> wordsOf(String key) {
        int dot = key.lastIndexOf('.');
        return List.of((dot < 0 ? key : key.substring(0, dot)).split("-"));
    }

    /** The unit class of an open measure's key ("pct", "ho", "vnd"). */
    public static String unitClassOf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Whether a metric name is an open measure's key rather than a catalogue id. */
    public static boolean isOpen(String metric) {
        return metric != null && metric.indexOf('.') > 0 && !metric.equals(MetricCatalogue.OTHER);
    }

    /** The class of a unit: "pct" for a share, the currency for money, else the folded unit noun ("ho", "xa"). */
    public static String unitClass(String unit, boolean share) {
        if (share) {
            return "pct";
        }
        String f = Glossary.fold(unit == null ? "" : unit);
        if (f.isBlank()) {
            return "n";
        }
        // money by its currency as written: "lao động" folds like "đồng"
        String written = unit.toLowerCase(java.util.Locale.ROOT);
        if (Regexes.matches(written, "(?U).*(\\bđồng\\b|\\bđ\\b|\\bvnd\\b|\\bvnđ\\b|^đ/).*") || Regexes.matches(written, "(nghìn|ngàn|triệu|tỷ|tỉ) đồng.*")) {
            return f.contains("/") ? "vnd-per" : "vnd";
        }
        if (Regexes.matches(f, ".*\\b(usd|dollars?)\\b.*")) {
            return "usd";
        }
        String noun = f.replaceAll("\\b(nghin|ngan|trieu|ty|ti|thousand|million|billion|trillion)\\b", "").strip();
        List<String> same = Glossary.get().sameUnits(noun);
        String base = same.isEmpty() ? noun : Glossary.fold(same.get(0));
        return base.isBlank() ? "n" : base.replace("/", "-per-").replace(' ', '_');
    }

    /** An English phrase in the words Vietnamese portals write, through the glossary; words it lacks stay. */
    public static String vietnamese(String english) {
        String folded = Glossary.fold(english);
        List<Glossary.Match> matches = Glossary.get().find(folded);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Glossary.Match m : matches) {
            if (m.start() < at) {
                continue;
            }
            out.append(folded, at, m.start()).append(' ').append(m.term().vietnamese().get(0)).append(' ');
            at = Math.min(folded.length(), m.end());
        }
        out.append(folded.substring(Math.min(at, folded.length())));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");

    /** The words a key is made of, in phrase order: folded, abbreviations written out, filler and numbers left out. */
    public static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        if (phrase == null) {
            return out;
        }
        for (String w : NOT_WORD.split(Glossary.fold(phrase))) {
            if (w.isEmpty()) {
                continue;
            }
            for (String part : EXPANSIONS.getOrDefault(w, w).split(" ")) {
                if (!FILLER.contains(part) && !Regexes.matches(part, "\\d+") && !out.contains(part)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** Abbreviations and their written-out form, from the search synonyms ("bhyt, bảo hiểm y tế"). */
    private static Map<String, String> expansions() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = MeasureKeys.class.getResourceAsStream("/index-config/synonyms-vi.txt")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] forms = line.split(",");
                String first = Text.fold(forms[0].strip());
                if (forms.length > 1 && !first.contains(" ")) {
                    out.put(first, Text.fold(forms[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index-config/synonyms-vi.txt: " + e.getMessage(), e);
        }
        out.put("ti", "ty");
        out.put("ntm", "nong thon moi");
        return out;
    }
}
