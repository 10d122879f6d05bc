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

    public record Tally(String split, String part, int questions, int right, int baselineRight) {
        public double accuracy() {
            return questions == 0 ? 0 : (double) right / questions;
        }

        public double baselineAccuracy() {
            return questions == 0 ? 0 : (double) baselineRight / questions;
        }
    }

    private final AskService ask;
    private final Bm25Baseline baseline;
    private final CandidateRows rows;

    public DevsetEval(AskService ask, Bm25Baseline baseline) {
        this(ask, baseline, null);
    }

    /** {@code rows}: where the reader's labelled candidates go (the log the {@code ask} service's reader writes to), or null. */
    public DevsetEval(AskService ask, Bm25Baseline baseline, CandidateRows rows) {
        this.ask = ask;
        this.baseline = baseline;
        this.rows = rows;
    }

    public List<Scored> run(List<Devset.Question> questions) throws IOException {
        List<Scored> out = new ArrayList<>();
        for (Devset.Question q : questions) {
            out.add(score(q));
            if (rows != null) {
                rows.write(q);
            }
        }
        return out;
    }

    Scored score(Devset.Question q) throws IOException {
        AskResponse r = ask.ask(q.question(), null, null, null);
        if (q.answerNone()) {
            boolean none = r.citations().isEmpty();
            return new Scored(q, r.answer(), r.province(), none, none, none, none, false, r.tookMs());
        }
        Bm25Baseline.TopHit top = baseline.answer(q.question());
        boolean province = sameProvince(q.answerProvince(), r.province());
        // The figure must be in the lead line: a quoted sentence full of numbers would otherwise pass by chance.
        String lead = r.answer().strip().split("\n")[0];
        return switch (q.kindOrValue()) {
            case "open" -> {
                // An open question is answered when its evidence sentence is among the quoted ones.
                boolean quoted = r.citations().stream().anyMatch(c -> QuotedSentences.covers(c.quote(), q.evidence()));
                boolean baselineRight = top != null && QuotedSentences.covers(top.text(), q.evidence());
                yield new Scored(q, r.answer(), r.province(), province, quoted, quoted, quoted, baselineRight, r.tookMs());
            }
            case "when" -> {
                boolean date = StatedDates.states(lead, q.answerWhen());
                boolean citation = r.citations().stream().anyMatch(c -> StatedDates.states(c.quote(), q.answerWhen()));
                boolean baselineRight = top != null && sameProvince(q.answerProvince(), top.province())
                    && StatedDates.states(top.text(), q.answerWhen());
                yield new Scored(q, r.answer(), r.province(), province, date, citation, province && date && citation, baselineRight, r.tookMs());
            }
            default -> {
                boolean figure = StatedFigures.states(lead, q.answerValue());
                boolean citation = r.citations().stream().anyMatch(c -> StatedFigures.states(c.quote(), q.answerValue()));
                boolean baselineRight = top != null && sameProvince(q.answerProvince(), top.province())
                    && StatedFigures.states(top.text(), q.answerValue());
                yield new Scored(q, r.answer(), r.province(), province, figure, citation, province && figure && citation, baselineRight, r.tookMs());
            }
        };
    }

    static boolean sameProvince(String expected, String answered) {
        if (answered == null) {
            return false;
        }
        Gazetteer g = Gazetteer.get();
        return g.resolve(expected).map(Gazetteer.Province::name).orElse(expected)
            .equals(g.resolve(answered).map(Gazetteer.Province::name).orElse(answered));
    }

    /**
     * Per split: per language, then per kind of question, then the split's value and which-province questions
     * (the figure questions earlier runs were scored on), then the whole split.
     */
    public static List<Tally> tallies(List<Scored> scored) {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (String split : List.of("dev", "test", "unanswerable")) {
            Predicate<Scored> inSplit = s -> s.question().split().equals(split);
            for (String lang : List.of("en", "vi")) {
                add(out, split, lang, scored, inSplit.and(s -> lang.equals(s.question().lang())));
            }
            for (String kind : List.of("value", "which_province", "when", "open")) {
                add(out, split, kind, scored, inSplit.and(s -> kind.equals(s.question().kindOrValue())));
            }
            add(out, split, "figures", scored, inSplit.and(s -> s.question().answerValue() != null));
            add(out, split, "all", scored, inSplit);
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, Tally> out, String split, String part, List<Scored> scored, Predicate<Scored> in) {
        List<Scored> rows = scored.stream().filter(in).toList();
        if (!rows.isEmpty() && !out.containsKey(split + part)) {
            out.put(split + part, new Tally(split, part, rows.size(), (int) rows.stream().filter(Scored::right).count(),
                (int) rows.stream().filter(Scored::baselineRight).count()));
        }
    }
}
