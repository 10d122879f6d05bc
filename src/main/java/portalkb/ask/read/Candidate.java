package portalkb.ask.read;

import portalkb.figures.Figure;

import java.util.List;
import java.util.Map;

/**
 * One number of a retrieved sentence that may answer a quantity question, with what the reader knows of it.
 *
 * @param written  as the sentence writes it ("97,9", "272/706")
 * @param readings every value the written form can stand for
 * @param withUnit with its unit as written ("97,9%", "3.594 hộ nghèo")
 * @param figure   what the figure reader read at this number, or null
 * @param features the named features the {@link ReaderModel} weighs
 */
public record Candidate(SentenceScorer.Scored scored, String written, List<Double> readings, String withUnit, Figure figure,
                        Map<String, Double> features) {

    public Sentence sentence() {
        return scored.sentence();
    }

    /** Whether the candidate can stand for {@code value} (a label's figure, at its written precision). */
    public boolean reads(double value) {
        return readings.stream().anyMatch(r -> Math.abs(r - value) < 1e-9 * Math.max(1, Math.abs(r)));
    }
}
