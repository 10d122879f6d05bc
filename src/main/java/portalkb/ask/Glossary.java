package portalkb.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import portalkb.extract.MetricCatalogue;
import portalkb.extract.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English / diacritic-free terms → Vietnamese, from resources portalkb/ask/glossary.yaml and the metric catalogue. */
public final class Glossary {

    record Entry(String folded, String vi, String metric) {
    }

    private record File(List<Term> terms) {
    }

    private record Term(String vi, List<String> en, String metric) {
    }

    private static final Glossary INSTANCE = load();

    private final List<Entry> entries;

    private Glossary(List<Entry> entries) {
        this.entries = entries;
    }

    public static Glossary get() {
        return INSTANCE;
    }

    private static Glossary load() {
        try (InputStream in = Glossary.class.getResourceAsStream("/portalkb/ask/glossary.yaml")) {
            File file = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            List<Entry> entries = new ArrayList<>();
            for (MetricCatalogue.Metric m : MetricCatalogue.get().metrics()) {
                if (m.glossary() != null) {
                    m.glossary().forEach(t -> entries.add(new Entry(fold(t), m.vi().toLowerCase(), m.id())));
                }
                entries.add(new Entry(fold(m.vi()), m.vi().toLowerCase(), m.id()));
                entries.add(new Entry(fold(m.name()), m.vi().toLowerCase(), m.id()));
                if (m.units() != null) {
                    m.units().stream().filter(u -> u.length() > 3).forEach(u -> entries.add(new Entry(fold(u), u, m.id())));
                }
            }
            for (Term t : file.terms()) {
                t.en().forEach(e -> entries.add(new Entry(fold(e), t.vi(), t.metric())));
                entries.add(new Entry(fold(t.vi()), t.vi(), t.metric()));
            }
            entries.sort(Comparator.comparingInt((Entry e) -> -e.folded().length()));
            return new Glossary(List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ask glossary", e);
        }
    }

    /** Folded, with "/" and punctuation as spaces: "bác sĩ/vạn dân" and "bac si van dan" read alike. */
    static String fold(String text) {
        return Text.fold(text).replaceAll("[^a-z0-9,.% ]", " ").replaceAll("\\s+", " ").strip();
    }

    public record Translation(String vietnamese, List<String> metrics) {
    }

    /** The Vietnamese terms found in {@code question} (longest first, no overlaps) and the metrics they name. */
    public Translation translate(String question) {
        String folded = " " + fold(question) + " ";
        List<String> vi = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Entry e : entries) {
            Matcher m = Pattern.compile("(?<=[ ,.])" + Pattern.quote(e.folded()) + "(?=[ ,.?])").matcher(folded);
            if (m.find()) {
                folded = folded.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + folded.substring(m.end());
                if (!vi.contains(e.vi())) {
                    vi.add(e.vi());
                }
                if (e.metric() != null && !metrics.contains(e.metric())) {
                    metrics.add(e.metric());
                }
            }
        }
        return new Translation(String.join(" ", vi), metrics);
    }
}
