package portalkb.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The metrics PortalKB knows (data: index-config/metrics.yaml), with their patterns compiled. */
public final class MetricCatalogue {

    /** What a metric's figures are: a share of a whole, a count, or a rate per population. */
    public enum Kind {
        SHARE, COUNT, RATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric. {@code variantOf}: the metric whose cues find this one's figures (the same thing counted
     * in another unit); {@code nouns}: folded unit nouns the text may write in place of the unit.
     */
    public record Metric(String id, String name, String vi, String kind, List<String> units, String before, String after,
                         String unit, List<String> nouns, String variantOf, String requires, String notAfter, List<String> glossary) {
        public Pattern beforePattern() {
            return before == null ? null : Pattern.compile(before);
        }

        public Pattern afterPattern() {
            return after == null ? null : Pattern.compile(after);
        }

        /** {@code requires} matches the folded sentence up to the number, and {@code notAfter} does not match what follows it. */
        boolean holdsFor(String foldedBefore, String foldedRest) {
            return (requires == null || compiled(requires).matcher(foldedBefore).find())
                && (notAfter == null || !compiled(notAfter).matcher(foldedRest).find());
        }

        public Kind quantity() {
            return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        }

        /** The unit its figures are ranked and compared in: the first it accepts. */
        public String primaryUnit() {
            return units.get(0);
        }

        public boolean accepts(String unitOrNoun) {
            return units.contains(unitOrNoun) || (nouns != null && nouns.contains(unitOrNoun));
        }
    }

    private record File(List<Metric> metrics) {
    }

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private static Pattern compiled(String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }

    public static final String OTHER = "other";

    private static volatile MetricCatalogue instance;
    private final List<Metric> metrics;

    MetricCatalogue(List<Metric> metrics) {
        validate(metrics);
        this.metrics = List.copyOf(metrics);
    }

    public static MetricCatalogue get() {
        if (instance == null) {
            synchronized (MetricCatalogue.class) {
                if (instance == null) {
                    instance = read(MetricCatalogue.class.getResourceAsStream("/index-config/metrics.yaml"));
                }
            }
        }
        return instance;
    }

    static MetricCatalogue read(InputStream yaml) {
        try (InputStream in = yaml) {
            if (in == null) {
                throw new IOException("not found");
            }
            return new MetricCatalogue(new ObjectMapper(new YAMLFactory()).readValue(in, File.class).metrics());
        } catch (IOException e) {
            throw new IllegalStateException("index-config/metrics.yaml is missing or invalid: " + e.getMessage(), e);
        }
    }

    /** A catalogue error names the metric and the key, so whoever edits the file knows where to look. */
    private static void validate(List<Metric> metrics) {
        Set<String> ids = new HashSet<>();
        metrics.forEach(m -> ids.add(m.id()));
        Set<String> seen = new HashSet<>();
        for (Metric m : metrics) {
            String where = "index-config/metrics.yaml: metric '" + m.id() + "': ";
            if (m.id() == null || m.name() == null || m.vi() == null) {
                throw new IllegalStateException(where + "id, name and vi are required");
            }
            if (!seen.add(m.id())) {
                throw new IllegalStateException(where + "the id is used twice");
            }
            if (m.kind() == null || Set.of(Kind.values()).stream().noneMatch(k -> k.id().equals(m.kind()))) {
                throw new IllegalStateException(where + "kind must be share, count or rate, got '" + m.kind() + "'");
            }
            if (m.units() == null || m.units().isEmpty()) {
                throw new IllegalStateException(where + "units are required");
            }
            if (m.variantOf() != null && (!ids.contains(m.variantOf()) || m.variantOf().equals(m.id()))) {
                throw new IllegalStateException(where + "variantOf names no other metric: '" + m.variantOf() + "'");
            }
            try {
                m.beforePattern();
                m.afterPattern();
                m.holdsFor("", "");
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(where + "bad pattern: " + e.getDescription(), e);
            }
        }
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public Optional<Metric> byId(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * A catalogue metric, or an open measure described from its key ({@link MeasureKeys}): named by its words until a
     * figure's own phrase names it better, a share for "pct", a rate for a unit per something, else a count.
     */
    public Optional<Metric> describe(String idOrKey) {
        Optional<Metric> known = byId(idOrKey);
        if (known.isPresent() || !MeasureKeys.isOpen(idOrKey)) {
            return known;
        }
        String unitClass = MeasureKeys.unitClassOf(idOrKey);
        String words = String.join(" ", MeasureKeys.wordsOf(idOrKey));
        String kind = unitClass.equals("pct") ? "share" : unitClass.contains("-per-") || unitClass.endsWith("-per") ? "rate" : "count";
        String unit = unitClass.equals("pct") ? "%" : unitClass.replace('_', ' ').replace("-per-", "/");
        return Optional.of(new Metric(idOrKey, words, words, kind, List.of(unit), null, null, null, null, null, null, null, null));
    }

    /**
     * A metric as a share ({@code share}) or as a count of the same thing: the base metric or its variant of that kind
     * ("new_countryside" ↔ "new_countryside_communes"); the metric itself when it has none.
     */
    public String countedAs(String id, boolean share) {
        Metric m = byId(id).orElse(null);
        if (m == null || (m.quantity() != Kind.COUNT) == share) {
            return id;
        }
        String base = m.variantOf() == null ? m.id() : m.variantOf();
        return metrics.stream().filter(x -> (x.id().equals(base) || base.equals(x.variantOf())) && (x.quantity() != Kind.COUNT) == share)
            .map(Metric::id).findFirst().orElse(id);
    }

    /** Each metric's name as key words, read once: {@link #byWords} is asked for every English figure. */
    private final java.util.Map<String, List<String>> nameWords = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The catalogued metric whose Vietnamese name's words a measure's words hold, in any order (an English phrase put
     * into Vietnamese keeps English word order: "new-style rural communes" → "nông thôn mới xã"): most of the name's
     * words in the phrase and most of the phrase's words in the name; empty when none agrees so well.
     */
    public Optional<Metric> byWords(List<String> words) {
        Metric best = null;
        double bestScore = 0;
        for (Metric m : metrics) {
            List<String> name = nameWords.computeIfAbsent(m.id(), id -> MeasureKeys.words(m.vi()));
            if (name.isEmpty() || words.isEmpty()) {
                continue;
            }
            long shared = name.stream().filter(words::contains).count();
            double ofName = (double) shared / name.size();
            double ofPhrase = (double) shared / words.size();
            if (ofName >= 0.75 && ofPhrase >= 0.6 && ofName * ofPhrase > bestScore) {
                best = m;
                bestScore = ofName * ofPhrase;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The catalogued metric whose cue a folded phrase holds (the last-ending cue), as a figure's measure is named: or empty. */
    public Optional<Metric> namedIn(String foldedPhrase) {
        MetricCues c = cues;
        if (c == null) {
            c = new MetricCues(metrics);
            cues = c;
        }
        return Optional.ofNullable(c.metricForPhrase(foldedPhrase, "").metric());
    }

    private volatile MetricCues cues;

    /** The metric found by {@code metric}'s cues that accepts {@code unit}: itself, or one of its variants. */
    public Optional<Metric> forUnit(Metric metric, String unit) {
        if (takes(metric, unit)) {
            return Optional.of(metric);
        }
        String base = metric.variantOf() == null ? metric.id() : metric.variantOf();
        return metrics.stream()
            .filter(m -> takes(m, unit) && (m.id().equals(base) || base.equals(m.variantOf())))
            .findFirst();
    }

    /** A unit as the catalogue writes it, or the same without diacritics ("nguoi" for "người"). */
    private static boolean takes(Metric m, String unit) {
        return m.units().contains(unit) || m.units().stream().anyMatch(u -> portalkb.core.Text.fold(u).equals(portalkb.core.Text.fold(unit)));
    }
}
