package portalkb.eval;

import portalkb.core.Text;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a reader's measure names the same thing as a label's: the content words of the two phrases (spelling
 * folded, common abbreviations written out, words that say nothing of the thing measured left out) mostly agree.
 * Part of the benchmark, not of the reader: it judges phrases the way a reader of the results would.
 */
final class MeasureSimilarity {

    /** Share of the label's content words the reader's phrase must hold, and of the reader's the label must. */
    static final double LABEL_COVERED = 0.6;
    static final double READER_COVERED = 0.4;

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
        Map.entry("bhyt", "bao hiem y te"), Map.entry("bhxh", "bao hiem xa hoi"), Map.entry("ti", "ty"),
        Map.entry("tyt", "tram y te"), Map.entry("ttyt", "trung tam y te"), Map.entry("ntm", "nong thon moi"),
        Map.entry("sxh", "sot xuat huyet"), Map.entry("tcm", "tay chan mieng"), Map.entry("sdd", "suy dinh duong"),
        Map.entry("percent", "%"), Map.entry("percentage", "%"), Map.entry("households", "household"),
        Map.entry("communes", "commune"), Map.entry("cases", "case"), Map.entry("schools", "school"),
        Map.entry("people", "person"), Map.entry("persons", "person"), Map.entry("doctors", "doctor"),
        Map.entry("beds", "bed"), Map.entry("hospitals", "hospital"), Map.entry("districts", "district"),
        Map.entry("children", "child"), Map.entry("poverty", "poor"), Map.entry("rural", "countryside"));

    /**
     * Words that say how a thing is counted, where, or in which role (a rise, a target: the role is judged on its
     * own), not what it is.
     */
    private static final Set<String> FILLER = Set.of(
        "so", "luong", "tong", "cua", "cac", "nhung", "la", "tren", "dia", "ban", "tinh", "toan", "duoc", "da", "co",
        "ty", "le", "muc", "chi", "tieu", "nam", "hien", "nay", "trong", "do", "va", "voi", "theo", "den", "tai",
        "the", "of", "a", "an", "in", "on", "at", "to", "for", "by", "and", "number", "total", "share", "rate", "%",
        "proportion", "ratio", "level", "amount", "count", "province", "provincial", "figure", "with", "as", "from",
        "giam", "tang", "them", "cung", "ky", "truoc", "dau", "kien", "phan", "ke", "hoach", "increase", "decrease",
        "change", "compared", "previous", "target", "targeted", "planned", "expected", "reduction", "growth", "rise",
        "fall", "drop", "annual", "additional", "new", "moi", "over", "than", "per", "since", "year", "years");

    private MeasureSimilarity() {
    }

    static boolean same(ReadFigure read, FigureLabel label) {
        for (String ours : new String[] {read.measureVi(), read.measureEn(), read.measurePhrase()}) {
            if (covers(ours, label.measureVi()) || covers(ours, label.measureEn())) {
                return true;
            }
        }
        return false;
    }

    static boolean covers(String readerPhrase, String labelPhrase) {
        Set<String> reader = words(readerPhrase);
        Set<String> label = words(labelPhrase);
        if (reader.isEmpty() || label.isEmpty()) {
            return false;
        }
        long shared = label.stream().filter(reader::contains).count();
        return shared >= LABEL_COVERED * label.size() && shared >= READER_COVERED * reader.size();
    }

    static Set<String> words(String phrase) {
        if (phrase == null) {
            return Set.of();
        }
        List<String> raw = Arrays.stream(Text.fold(phrase).split("[^\\p{L}\\p{N}%]+")).filter(w -> !w.isEmpty()).toList();
        Set<String> out = new LinkedHashSet<>();
        for (String w : raw) {
            for (String part : ABBREVIATIONS.getOrDefault(w, w).split(" ")) {
                if (!FILLER.contains(part) && !part.matches("\\d+")) {
                    out.add(part);
                }
            }
        }
        return out.stream().collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
