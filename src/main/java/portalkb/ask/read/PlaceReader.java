package portalkb.ask.read;

import portalkb.ask.question.Question;
import portalkb.core.PlaceWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a which-place question's answer off the best sentences: each sentence is a candidate for the place it
 * is about, with features (how much of the question it holds, how many of the figures the question quotes it
 * and its article state, whether its year fits, whether its place is known), weighed by a {@link ReaderModel}
 * fitted like the quantity reader's; the most probable answers when it reaches the model's threshold.
 */
public final class PlaceReader {

    /** A district or commune named: "huyện Pác Nặm", "Cai Nuoc district" (the kind words of core's place-words.yaml). */
    private static final Pattern LOWER_PLACE = PlaceWords.get().named(PlaceWords.Level.DISTRICT, PlaceWords.Level.COMMUNE);

    private final Question q;
    private final SentenceScorer scorer;
    private final ReaderModel model;
    private final ReadingLog log;

    public PlaceReader(Question q, SentenceScorer scorer, ReaderModel model, ReadingLog log) {
        this.q = q;
        this.scorer = scorer;
        this.model = model;
        this.log = log;
    }

    /** A sentence as the answer to a which-place question. */
    public record PlaceCandidate(SentenceScorer.Scored scored, String province, Map<String, Double> features) {
        public Sentence sentence() {
            return scored.sentence();
        }
    }

    public record Reading(PlaceCandidate candidate, double probability) {
    }

    public Optional<Reading> read(List<SentenceScorer.Scored> ranked) {
        List<PlaceCandidate> all = candidates(ranked);
        log.weighedPlaces(q, all);
        return all.stream().map(c -> new Reading(c, model.probability(c.features())))
            .max(Comparator.comparingDouble(Reading::probability))
            .filter(r -> r.probability() >= model.threshold());
    }

    public List<PlaceCandidate> candidates(List<SentenceScorer.Scored> ranked) {
        List<SentenceScorer.Scored> read = ranked.subList(0, Math.min(CandidateReader.SENTENCES, ranked.size()));
        List<PlaceCandidate> out = new ArrayList<>();
        boolean lowerAsked = q.placeLevel() != Question.PlaceLevel.PROVINCE;
        for (int i = 0; i < read.size(); i++) {
            // "Which district …?" is answered by a sentence that names one
            if (!lowerAsked || namesLowerPlace(read.get(i).sentence())) {
                out.add(candidate(read.get(i), i, ranked));
            }
        }
        return out;
    }

    private PlaceCandidate candidate(SentenceScorer.Scored scored, int rank, List<SentenceScorer.Scored> all) {
        Sentence s = scored.sentence();
        SentenceScorer.Signals sig = scored.signals();
        boolean numbersAsked = !q.numbers().isEmpty();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("coverageWithNumbers", numbersAsked ? scored.coverage() : 0.0);
        f.put("coverageAlone", numbersAsked ? 0.0 : scored.coverage());
        f.put("askedNumbers", sig.askedNumbers());
        f.put("askedShare", askedShare(List.of(s)));
        String url = s.source().origin().url();
        f.put("articleAskedShare", askedShare(all.stream().map(SentenceScorer.Scored::sentence)
            .filter(o -> url != null && url.equals(o.source().origin().url())).toList()));
        f.put("yearNamed", sig.yearNamed() ? 1.0 : 0.0);
        f.put("yearOther", sig.yearOther() ? 1.0 : 0.0);
        f.put("yearOfArticle", sig.yearPublished() ? 1.0 : 0.0);
        f.put("periods", (double) sig.periods());
        f.put("target", sig.target() ? 1.0 : 0.0);
        f.put("sentenceRank", 1.0 / (1 + rank));
        f.put("passageRank", 1.0 / s.n());
        String province = s.reportedProvince();
        f.put("provinceKnown", province == null ? 0.0 : 1.0);
        f.put("placeFits", scored.placeFits() ? 1.0 : 0.0);
        f.put("mostTellingHeld", scorer.holdsMostTelling(s) ? 1.0 : 0.0);
        boolean lowerAsked = q.placeLevel() != Question.PlaceLevel.PROVINCE;
        f.put("lowerPlaceNamed", lowerAsked && namesLowerPlace(s) ? 1.0 : 0.0);
        return new PlaceCandidate(scored, province, f);
    }

    private static boolean namesLowerPlace(Sentence s) {
        return LOWER_PLACE.matcher(portalkb.core.Text.fold(s.text())).find();
    }

    /** The share of the question's numbers that these sentences state (0 when it quotes none). */
    private double askedShare(List<Sentence> sentences) {
        if (q.numbers().isEmpty()) {
            return 0;
        }
        Set<Integer> stated = new HashSet<>();
        for (Sentence s : sentences) {
            for (Sentence.WrittenNumber n : s.numbers()) {
                for (int i = 0; i < q.numbers().size(); i++) {
                    Question.AskedNumber a = q.numbers().get(i);
                    // "97.9%" asked: a bare "97.9" is another figure
                    if (n.readings().stream().anyMatch(a::matches) && (!a.percent() || SentenceScorer.isPercent(s, n))) {
                        stated.add(i);
                    }
                }
            }
        }
        return (double) stated.size() / q.numbers().size();
    }
}
