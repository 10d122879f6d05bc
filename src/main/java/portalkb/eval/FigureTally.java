package portalkb.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Precision and recall of a figure reader over scored articles, overall and per language, level and role.
 * Recall counts labels (by the label's level and role); precision counts read figures (by the reader's).
 * {@code found}: paired on value and sentence alone; {@code right}: a full match.
 */
public record FigureTally(String part, int labels, int found, int rightLabels, int read, int rightRead, int withMeasure) {

    public double recall() {
        return labels == 0 ? 0 : (double) rightLabels / labels;
    }

    public double foundRecall() {
        return labels == 0 ? 0 : (double) found / labels;
    }

    public double precision() {
        return read == 0 ? 0 : (double) rightRead / read;
    }

    public double measured() {
        return read == 0 ? 0 : (double) withMeasure / read;
    }

    public static List<FigureTally> of(List<FigureScoring.Outcome> outcomes) {
        Map<String, FigureTally> out = new LinkedHashMap<>();
        out.put("all", tally("all", outcomes, o -> true, p -> true, r -> true));
        for (String lang : List.of("vi", "en")) {
            out.put("lang " + lang, tally("lang " + lang, outcomes, o -> lang.equals(o.lang()), p -> true, r -> true));
        }
        for (String level : List.of("province", "district", "commune", "national", "other-province", "facility")) {
            out.put("level " + level, tally("level " + level, outcomes, o -> true, p -> level.equals(p.label().level()),
                r -> level.equals(r.level())));
        }
        for (String role : List.of("result", "target", "change", "comparison")) {
            out.put("role " + role, tally("role " + role, outcomes, o -> true, p -> role.equals(p.label().role()),
                r -> role.equals(r.role())));
        }
        out.values().removeIf(t -> t.labels() == 0 && t.read() == 0);
        return List.copyOf(out.values());
    }

    private static FigureTally tally(String part, List<FigureScoring.Outcome> outcomes, Predicate<FigureScoring.Outcome> article,
                                     Predicate<FigureScoring.Pair> labelIn, Predicate<ReadFigure> readIn) {
        int labels = 0;
        int found = 0;
        int rightLabels = 0;
        int read = 0;
        int rightRead = 0;
        int measured = 0;
        for (FigureScoring.Outcome o : outcomes) {
            if (!article.test(o)) {
                continue;
            }
            for (FigureScoring.Pair p : o.pairs()) {
                if (labelIn.test(p)) {
                    labels++;
                    found += p.found() ? 1 : 0;
                    rightLabels += p.right() ? 1 : 0;
                }
                if (p.found() && readIn.test(p.read())) {
                    read++;
                    rightRead += p.right() ? 1 : 0;
                    measured += p.read().hasMeasure() ? 1 : 0;
                }
            }
            for (ReadFigure r : o.unpaired()) {
                if (readIn.test(r)) {
                    read++;
                    measured += r.hasMeasure() ? 1 : 0;
                }
            }
        }
        return new FigureTally(part, labels, found, rightLabels, read, rightRead, measured);
    }
}
