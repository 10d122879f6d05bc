package portalkb.eval;

import portalkb.ask.AskResponse;
import portalkb.ask.AskService;
import portalkb.core.Gazetteer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Asks every question of a devset and scores each answer: right when the province is the expected one,
 * the answer states the expected figure at its written precision, and a cited passage contains that
 * figure. An unanswerable question is right when the answer cites nothing. The BM25 baseline's top hit
 * is scored the same way (its province, and the figure somewhere in its text).
 */
public final class DevsetEval {

    public record Scored(Devset.Question question, String answer, String answeredProvince, boolean province, boolean figure,
                         boolean citation, boolean right, boolean baselineRight, long tookMs) {
    }

    public record Tally(String split, String lang, int questions, int right, int baselineRight) {
        public double accuracy() {
            return questions == 0 ? 0 : (double) right / questions;
        }

        public double baselineAccuracy() {
            return questions == 0 ? 0 : (double) baselineRight / questions;
        }
    }

    private final AskService ask;
    private final Bm25Baseline baseline;

    public DevsetEval(AskService ask, Bm25Baseline baseline) {
        this.ask = ask;
        this.baseline = baseline;
    }

    public List<Scored> run(List<Devset.Question> questions) throws IOException {
        List<Scored> out = new ArrayList<>();
        for (Devset.Question q : questions) {
            out.add(score(q));
        }
        return out;
    }

    Scored score(Devset.Question q) throws IOException {
        AskResponse r = ask.ask(q.question(), null, null, null);
        if (q.answerNone()) {
            boolean none = r.citations().isEmpty();
            return new Scored(q, r.answer(), r.province(), none, none, none, none, false, r.tookMs());
        }
        boolean province = sameProvince(q.answerProvince(), r.province());
        // The figure must be in the lead line: a quoted sentence full of numbers would otherwise pass by chance.
        boolean figure = StatedFigures.states(r.answer().strip().split("\n")[0], q.answerValue());
        boolean citation = r.citations().stream().anyMatch(c -> StatedFigures.states(c.quote(), q.answerValue()));
        Bm25Baseline.TopHit top = baseline.answer(q.question());
        boolean baselineRight = top != null && sameProvince(q.answerProvince(), top.province())
            && StatedFigures.states(top.text(), q.answerValue());
        return new Scored(q, r.answer(), r.province(), province, figure, citation, province && figure && citation, baselineRight, r.tookMs());
    }

    static boolean sameProvince(String expected, String answered) {
        if (answered == null) {
            return false;
        }
        Gazetteer g = Gazetteer.get();
        return g.resolve(expected).map(Gazetteer.Province::name).orElse(expected)
            .equals(g.resolve(answered).map(Gazetteer.Province::name).orElse(answered));
    }

    /** Per split and language, then per split, then overall. */
    public static List<Tally> tallies(List<Scored> scored) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (String split : List.of("dev", "test", "unanswerable")) {
            for (String lang : List.of("en", "vi", "all")) {
                Predicate<Scored> in = s -> s.question().split().equals(split) && (lang.equals("all") || lang.equals(s.question().lang()));
                List<Scored> part = scored.stream().filter(in).toList();
                if (!part.isEmpty()) {
                    out.put(split + lang, new Tally(split, lang, part.size(), (int) part.stream().filter(Scored::right).count(),
                        (int) part.stream().filter(Scored::baselineRight).count()));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
