package portalkb.eval;

import portalkb.core.Text;
import portalkb.core.WrittenNumbers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores what a figure reader read from one article against the article's labels. A read figure and a label
 * are paired when their values are the same number and they stand in the same sentence; a pair is right when,
 * as the issue defines a match, level and role agree and the measure names the same thing
 * ({@link MeasureSimilarity}). Pairs are made greedily, the most agreeing first, each figure and label once.
 */
public final class FigureScoring {

    /** A label and the figure paired with it (null when none), with what agrees. */
    public record Pair(FigureLabel label, ReadFigure read, boolean measure, boolean level, boolean role, boolean year) {
        public boolean found() {
            return read != null;
        }

        public boolean right() {
            return read != null && measure && level && role;
        }
    }

    /** One article's outcome: every label with its pair, and the read figures no label was paired with. */
    public record Outcome(String file, String lang, List<Pair> pairs, List<ReadFigure> unpaired) {
        public int readCount() {
            return (int) pairs.stream().filter(Pair::found).count() + unpaired.size();
        }
    }

    private FigureScoring() {
    }

    public static Outcome score(String file, String lang, List<FigureLabel> labels, List<ReadFigure> read) {
        List<Pair> candidates = new ArrayList<>();
        for (FigureLabel l : labels) {
            for (ReadFigure r : read) {
                if (sameValue(r.value(), l.value()) && sameSentence(r.sentence(), l.evidence())) {
                    candidates.add(new Pair(l, r, MeasureSimilarity.same(r, l), l.level().equals(r.level()), l.role().equals(r.role()),
                        java.util.Objects.equals(l.year(), r.year())));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(FigureScoring::agreement).reversed());
        Set<FigureLabel> pairedLabels = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<ReadFigure> pairedRead = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Pair> chosen = new ArrayList<>();
        for (Pair p : candidates) {
            if (!pairedLabels.contains(p.label()) && !pairedRead.contains(p.read())) {
                pairedLabels.add(p.label());
                pairedRead.add(p.read());
                chosen.add(p);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (FigureLabel l : labels) {
            pairs.add(chosen.stream().filter(p -> p.label() == l).findFirst()
                .orElse(new Pair(l, null, false, false, false, false)));
        }
        List<ReadFigure> unpaired = read.stream().filter(r -> !pairedRead.contains(r)).toList();
        return new Outcome(file, lang, pairs, unpaired);
    }

    private static int agreement(Pair p) {
        return (p.right() ? 8 : 0) + (p.measure() ? 4 : 0) + (p.role() ? 2 : 0) + (p.level() ? 1 : 0);
    }

    /** The same number as written: ratios and ranges character for character, numbers in either convention, words folded. */
    static boolean sameValue(String read, String label) {
        if (read == null || label == null) {
            return false;
        }
        String a = read.replace(" ", "");
        String b = label.replace(" ", "");
        if (a.contains("/") || b.contains("/") || a.matches(".*\\d[-–]\\d.*") || b.matches(".*\\d[-–]\\d.*")) {
            return a.replace('–', '-').equals(b.replace('–', '-'));
        }
        if (!a.matches("[\\d.,]+") || !b.matches("[\\d.,]+")) {
            return Text.fold(a).equals(Text.fold(b));
        }
        return WrittenNumbers.same(a, b);
    }

    /** Most words of the shorter text are in the longer: a list line and the sentence around it agree. */
    static boolean sameSentence(String read, String evidence) {
        if (read == null || evidence == null) {
            return false;
        }
        Set<String> a = words(read);
        Set<String> b = words(evidence);
        Set<String> shorter = a.size() <= b.size() ? a : b;
        Set<String> longer = shorter == a ? b : a;
        if (shorter.isEmpty()) {
            return false;
        }
        long shared = shorter.stream().filter(longer::contains).count();
        return shared >= 0.6 * shorter.size();
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.stream(Text.fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList());
    }
}
