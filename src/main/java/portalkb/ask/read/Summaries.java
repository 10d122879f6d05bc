package portalkb.ask.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Extractive summaries: sentences picked for relevance without repeating one another (maximal marginal relevance). */
public final class Summaries {

    private static final double RELEVANCE = 0.7;
    private static final double TOO_SIMILAR = 0.6;

    private Summaries() {
    }

    public static List<Sentence> maximalMarginalRelevance(List<SentenceScorer.Scored> ranked, int count) {
        List<Sentence> picked = new ArrayList<>();
        List<SentenceScorer.Scored> left = new ArrayList<>(ranked);
        while (picked.size() < count && !left.isEmpty()) {
            SentenceScorer.Scored best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (SentenceScorer.Scored s : left) {
                double similarity = picked.stream().mapToDouble(p -> similarity(p, s.sentence())).max().orElse(0);
                double value = RELEVANCE * s.score() - (1 - RELEVANCE) * similarity;
                if (similarity < TOO_SIMILAR && value > bestValue) {
                    best = s;
                    bestValue = value;
                }
            }
            if (best == null) {
                break;
            }
            picked.add(best.sentence());
            left.remove(best);
        }
        return picked;
    }

    /** Share of words in common (Jaccard), on folded words. */
    public static double similarity(Sentence a, Sentence b) {
        Set<String> x = new HashSet<>(a.words());
        Set<String> y = new HashSet<>(b.words());
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0 : (double) x.size() / union.size();
    }
}
