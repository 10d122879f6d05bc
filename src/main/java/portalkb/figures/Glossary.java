package portalkb.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import portalkb.core.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * English and diacritic-free question terms → the Vietnamese words portals write, from resources
 * portalkb/figures/glossary.yaml and the metric catalogue. Matching is on folded text, longest phrase first,
 * without overlaps.
 */
public final class Glossary {

    /** One glossary entry: its Vietnamese and English forms (folded), the metric it names, the unit nouns a count of it carries. */
    public record Term(List<String> vietnamese, List<String> english, String metric, List<String> units) {
    }

    /** A term found in a question, at [start, end) of the folded question. */
    public record Match(Term term, int start, int end) {
    }

    private record Entry(String folded, Term term, String needle) {
        Entry(String folded, Term term) {
            this(folded, term, " " + folded + " ");
        }
    }

    private record File(Map<String, String> unitNames, Map<String, String> unitScales, List<List<String>> units, List<FileTerm> terms) {
    }

    private record FileTerm(String vi, List<String> en, String metric, List<String> unit) {
    }


    private final List<Entry> entries;
    private final List<List<String>> unitClasses;
    /** unitNames as written in the file, folded key → English name; the scale words (folded) → English. */
    private final Map<String, String> namedUnits;
    private final Map<String, String> scales;
    /** Every unit a figure can be stored with (the file's, the catalogue's, the figure reader's nouns) → its English name. */
    private final Map<String, String> unitNames;

    private Glossary(List<Entry> entries, List<List<String>> unitClasses, Map<String, String> fileUnitNames, Map<String, String> scales) {
        this.entries = entries;
        this.unitClasses = unitClasses;
        Map<String, String> named = new java.util.LinkedHashMap<>();
        fileUnitNames.forEach((k, v) -> named.putIfAbsent(fold(k), v));
        this.namedUnits = Map.copyOf(named);
        Map<String, String> scaleWords = new java.util.LinkedHashMap<>();
        scales.forEach((k, v) -> scaleWords.put(fold(k), v));
        this.scales = Map.copyOf(scaleWords);
        Map<String, String> all = new java.util.TreeMap<>(fileUnitNames);
        List<String> stored = new ArrayList<>(UnitNouns.KNOWN.values());
        MetricCatalogue.get().metrics().stream().filter(m -> m.units() != null).forEach(m -> stored.addAll(m.units()));
        for (String unit : stored) {
            if (!all.containsKey(unit) && !"%".equals(unit)) {
                englishUnit(unit).ifPresent(name -> all.put(unit, name));
            }
        }
        this.unitNames = java.util.Collections.unmodifiableMap(all);
    }

    /**
     * A stored figure's unit as written (Vietnamese) → its English name, for showing figures to an English reader: the
     * file's unitNames, and the name {@link #englishUnit} gives every unit the catalogue and the figure reader store.
     */
    public Map<String, String> unitNames() {
        return unitNames;
    }

    /**
     * A unit as a sentence writes it after a number, in English: "giường" → "beds", "triệu lượt" → "million visits" (a
     * scale word, then the unit), "hộ nghèo" → "poor households" (a glossary term that counts a named unit noun, by its
     * English form that holds that noun's name), "giường ở cơ" → "beds" (the longest run of leading words that names a
     * unit: the words after it are the sentence's, not the unit's). Empty when none of it is named.
     */
    public java.util.Optional<String> englishUnit(String unit) {
        String folded = fold(unit == null ? "" : unit);
        if (folded.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (namedUnits.containsKey(folded)) {
            return java.util.Optional.of(namedUnits.get(folded));
        }
        List<String> words = List.of(folded.split(" "));
        String written = unit.strip();
        String scale = scales.get(words.get(0));
        if (scale != null) {
            if (words.size() == 1) {
                return java.util.Optional.of(scale);
            }
            return englishUnit(String.join(" ", words.subList(1, words.size()))).map(rest -> scale + " " + rest);
        }
        for (int n = words.size(); n >= 1; n--) {
            String head = String.join(" ", words.subList(0, n));
            if (namedUnits.containsKey(head)) {
                return java.util.Optional.of(namedUnits.get(head));
            }
            java.util.Optional<String> counted = countedTerm(head, written);
            if (counted.isPresent()) {
                return counted;
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A glossary term that counts a named unit noun ("hộ nghèo", unit hộ → "households"): its English form holding that
     * name ("poor households"), the noun the phrase starts with first ("người nhiễm HIV" → "people with HIV", not "HIV
     * cases"); a word the phrase writes in capitals (an acronym) keeps them.
     */
    private java.util.Optional<String> countedTerm(String folded, String written) {
        for (Entry e : entries) {
            Term t = e.term();
            if (!e.folded().equals(folded) || !t.vietnamese().contains(folded) || t.units().isEmpty()) {
                continue;
            }
            List<String> units = new ArrayList<>(t.units());
            units.sort(Comparator.comparing(u -> !(folded + " ").startsWith(u + " ")));
            for (String u : units) {
                String name = namedUnits.get(u);
                if (name == null) {
                    continue;
                }
                for (String en : t.english()) {
                    if ((" " + en + " ").contains(" " + fold(name) + " ")) {
                        return java.util.Optional.of(withCapitals(en, written));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The words of {@code english} that {@code written} spells in capitals ("HIV"), in capitals. */
    private static String withCapitals(String english, String written) {
        java.util.Set<String> capitals = new java.util.HashSet<>();
        for (String w : written.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1 && w.equals(w.toUpperCase(java.util.Locale.ROOT)) && w.chars().anyMatch(Character::isLetter)) {
                capitals.add(fold(w));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String w : english.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(capitals.contains(w) ? w.toUpperCase(java.util.Locale.ROOT) : w);
        }
        return out.toString();
    }

    /** Every unit that counts the same thing as {@code unit} (folded), itself included. */
    public List<String> sameUnits(String unit) {
        for (List<String> c : unitClasses) {
            if (c.contains(unit)) {
                return c;
            }
        }
        return List.of(unit);
    }

    public static Glossary get() {
        return INSTANCE;
    }

    private static Glossary load() {
        try (InputStream in = Glossary.class.getResourceAsStream("/portalkb/figures/glossary.yaml")) {
            File file = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            List<Entry> entries = new ArrayList<>();
            MetricCatalogue catalogue = MetricCatalogue.get();
            List<List<String>> alternatives = file.terms().stream()
                .map(f -> Arrays.stream(f.vi().split("\\|")).map(Glossary::fold).filter(v -> !v.isBlank()).toList())
                .filter(forms -> forms.size() > 1).toList();
            for (MetricCatalogue.Metric m : catalogue.metrics()) {
                // A count metric's unit ("giường") is what "how many beds" asks for; a share's "%" is not a noun.
                List<String> units = m.units() == null ? List.of()
                    : m.units().stream().filter(u -> !u.contains("%") && !u.contains("/")).map(Glossary::fold).toList();
                Term t = new Term(List.of(fold(m.vi())), List.of(fold(m.name())), m.id(), units);
                if (m.glossary() != null) {
                    m.glossary().forEach(g -> entries.add(new Entry(fold(g), t)));
                }
                entries.add(new Entry(fold(m.vi()), t));
                entries.add(new Entry(fold(m.name()), t));
            }
            for (FileTerm f : file.terms()) {
                if (f.metric() != null && catalogue.byId(f.metric()).isEmpty()) {
                    throw new IllegalStateException("glossary.yaml: '" + f.vi() + "' names metric " + f.metric() + ", which metrics.yaml does not have");
                }
                List<String> forms = withAlternatives(Arrays.stream(f.vi().split("\\|")).map(Glossary::fold).filter(s -> !s.isBlank()).toList(),
                    alternatives);
                Term t = new Term(forms, f.en().stream().map(Glossary::fold).toList(), f.metric(),
                    f.unit() == null ? List.of() : f.unit().stream().map(Glossary::fold).toList());
                f.en().forEach(e -> entries.add(new Entry(fold(e), t)));
                forms.forEach(v -> entries.add(new Entry(v, t)));
            }
            List<Entry> merged = withMetricForms(entries);
            merged.sort(Comparator.comparingInt((Entry e) -> -e.folded().length()));
            List<List<String>> units = file.units() == null ? List.of()
                : file.units().stream().map(c -> c.stream().map(Glossary::fold).toList()).toList();
            return new Glossary(List.copyOf(merged), units, file.unitNames() == null ? Map.of() : Map.copyOf(file.unitNames()),
                file.unitScales() == null ? Map.of() : file.unitScales());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ask glossary", e);
        }
    }

    /**
     * Every term naming a metric carries all the Vietnamese forms and units of that metric's terms: the
     * catalogue's "Bác sĩ trên vạn dân" is also the glossary's "bác sĩ/vạn dân".
     */
    private static List<Entry> withMetricForms(List<Entry> entries) {
        Map<String, List<String>> forms = new java.util.LinkedHashMap<>();
        Map<String, List<String>> units = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.term().metric() != null) {
                List<String> f = forms.computeIfAbsent(e.term().metric(), k -> new ArrayList<>());
                e.term().vietnamese().stream().filter(v -> !f.contains(v)).forEach(f::add);
                List<String> u = units.computeIfAbsent(e.term().metric(), k -> new ArrayList<>());
                e.term().units().stream().filter(v -> !u.contains(v)).forEach(u::add);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            Term t = e.term();
            if (t.metric() != null) {
                List<String> merged = new ArrayList<>(t.vietnamese());
                forms.get(t.metric()).stream().filter(v -> !merged.contains(v)).forEach(merged::add);
                t = new Term(merged, t.english(), t.metric(), units.get(t.metric()));
            }
            out.add(new Entry(e.folded(), t));
        }
        return out;
    }

    /**
     * A form that holds another term's phrase is also written with that term's other forms: "đạt chuẩn nông
     * thôn mới" is also "đạt chuẩn NTM", "tỷ lệ tham gia BHYT" also "tỷ lệ tham gia bảo hiểm y tế".
     */
    private static List<String> withAlternatives(List<String> forms, List<List<String>> alternatives) {
        List<String> out = new ArrayList<>(forms);
        for (String form : forms) {
            for (List<String> alt : alternatives) {
                for (String a : alt) {
                    String padded = " " + form + " ";
                    if (!form.equals(a) && padded.contains(" " + a + " ")) {
                        alt.stream().filter(b -> !b.equals(a)).map(b -> padded.replace(" " + a + " ", " " + b + " ").strip())
                            .filter(v -> !out.contains(v)).forEach(out::add);
                    }
                }
            }
        }
        return out;
    }

    // last: loading folds
    private static final Glossary INSTANCE = load();

    /** Folded, with punctuation as spaces ("/" and "%" kept): "bác sĩ/vạn dân" and "bac si/van dan" read alike. */
    public static String fold(String text) {
        // One loop for what were four patterns (PatternLoopsTest holds it to them): keep a-z, 0-9, "%", "/", a "," or "."
        // between digits, a "-" between letters or digits; anything else is a space; spaces collapse.
        String folded = Text.fold(text);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> kept.append(isKept(c) ? (char) c : ' '));
        StringBuilder out = new StringBuilder(kept.length());
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            char before = i > 0 ? kept.charAt(i - 1) : ' ';
            char after = i + 1 < kept.length() ? kept.charAt(i + 1) : ' ';
            if (c == ',' || c == '.') {
                c = isDigit(before) && isDigit(after) ? c : ' ';
            } else if (c == '-') {
                c = isAlnum(before) && isAlnum(after) ? c : ' ';
            }
            if (c != ' ' || out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isKept(int c) {
        return isAlnum(c) || c == ',' || c == '.' || c == '%' || c == '/' || c == ' ' || c == '-';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(int c) {
        return c >= 'a' && c <= 'z' || isDigit(c);
    }

    /** The terms found in {@code foldedQuestion} (as {@link #fold} writes it), longest first, without overlaps, in text order. */
    public List<Match> find(String foldedQuestion) {
        String padded = " " + foldedQuestion + " ";
        boolean[] taken = new boolean[padded.length()];
        List<Match> out = new ArrayList<>();
        for (Entry e : entries) {
            String needle = e.needle();
            int from = 0;
            int at;
            while ((at = padded.indexOf(needle, from)) >= 0) {
                int end = at + 1 + e.folded().length();
                boolean free = true;
                for (int i = at + 1; i < end && free; i++) {
                    free = !taken[i];
                }
                if (free) { // longer terms come first: a shorter one inside a term found is no term of its own
                    out.add(new Match(e.term(), at, at + e.folded().length()));
                    java.util.Arrays.fill(taken, at + 1, end, true);
                    from = at + needle.length() - 1;
                } else {
                    from = at + 1;
                }
            }
        }
        out.sort(Comparator.comparingInt(Match::start));
        return out;
    }

    /** Metric ids named by the terms, in text order, without repeats. */
    public static List<String> metrics(List<Match> matches) {
        List<String> out = new ArrayList<>();
        for (Match m : matches) {
            if (m.term().metric() != null && !out.contains(m.term().metric())) {
                out.add(m.term().metric());
            }
        }
        return out;
    }
}
