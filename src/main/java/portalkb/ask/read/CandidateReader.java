package portalkb.ask.read;

import portalkb.ask.question.Question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a quantity question's answer off the best sentences: every number that can be an answer becomes a
 * {@link Candidate} with its features ({@link CandidateFeatures}), the {@link ReaderModel} weighs each, and the
 * most probable one answers when its probability reaches the model's threshold, unless the asked measure does
 * not hold ({@link TellingMeasure#rulesOut}).
 */
public final class CandidateReader {

    /** Why an answer came out as it did: set the log level of "portalkb.ask.explain" to debug. */
    private static final org.slf4j.Logger EXPLAIN = org.slf4j.LoggerFactory.getLogger("portalkb.ask.explain");
    /** How many of the best sentences are read. */
    static final int SENTENCES = 8;

    private final Question q;
    private final CandidateFeatures features;
    private final ReaderModel model;
    private final ReadingLog log;
    private final TellingMeasure telling;

    public CandidateReader(Question q, SentenceScorer scorer, ReaderModel model, ReadingLog log) {
        this.q = q;
        this.features = new CandidateFeatures(q, scorer);
        this.model = model;
        this.log = log;
        this.telling = new TellingMeasure(q, scorer);
    }

    /** The answer and its probability, or empty when no candidate is probable enough. */
    public record Reading(Candidate candidate, double probability) {
    }

    public Optional<Reading> read(List<SentenceScorer.Scored> ranked) {
        List<Candidate> all = candidates(ranked);
        log.weighed(q, all);
        Optional<Reading> best = all.stream().filter(c -> !telling.rulesOut(c)).map(c -> new Reading(c, model.probability(c.features())))
            .max(Comparator.comparingDouble(Reading::probability));
        if (EXPLAIN.isDebugEnabled()) {
            all.stream().sorted(Comparator.comparingDouble((Candidate c) -> -model.probability(c.features()))).limit(5)
                .forEach(c -> EXPLAIN.debug(String.format("candidate %-10s p %.3f %s", c.written(), model.probability(c.features()),
                    model.contributions(c.features()))));
        }
        return best.filter(r -> r.probability() >= model.threshold());
    }

    public List<Candidate> candidates(List<SentenceScorer.Scored> ranked) {
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < Math.min(SENTENCES, ranked.size()); i++) {
            all.addAll(features.of(ranked.get(i), i));
        }
        return all;
    }
}
