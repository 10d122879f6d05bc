package portalkb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import portalkb.ask.question.Question;
import portalkb.ask.read.Candidate;
import portalkb.ask.read.PlaceReader;
import portalkb.ask.read.ReaderModel;
import portalkb.ask.read.ReadingLog;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates the readers weighed for each devset question, labelled: a quantity candidate is right when it
 * states the expected figure (at its written precision) in an article of the expected province; a which-place
 * candidate when its sentence is about the expected province and its article's sentences state the figure the
 * question gives. One JSON line per candidate ({@code model}: quantity or place), the training data of
 * {@code ./kb fit-reader}. An unanswerable question's candidates are all wrong.
 */
public final class CandidateRows implements ReadingLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final String set;
    private final List<Candidate> weighed = new ArrayList<>();
    private final List<PlaceReader.PlaceCandidate> places = new ArrayList<>();

    public CandidateRows(Writer out, String set) {
        this.out = out;
        this.set = set;
    }

    @Override
    public synchronized void weighed(Question q, List<Candidate> candidates) {
        weighed.addAll(candidates);
    }

    @Override
    public synchronized void weighedPlaces(Question q, List<PlaceReader.PlaceCandidate> candidates) {
        places.addAll(candidates);
    }

    /** Writes the rows of the question just asked and forgets its candidates. */
    synchronized void write(Devset.Question q) throws IOException {
        for (Candidate c : weighed) {
            boolean right = !q.answerNone() && q.answerValue() != null && StatedFigures.states(c.withUnit(), q.answerValue())
                && DevsetEval.sameProvince(q.answerProvince(), c.sentence().source().origin().province());
            write(q, "quantity", right, c.withUnit(), ReaderModel.get().probability(c.features()), c.features());
        }
        for (PlaceReader.PlaceCandidate c : places) {
            // right: the province the sentence is about, and the figure the question gives stated in its article's sentences
            String url = c.sentence().source().origin().url();
            boolean stated = q.answerValue() == null || places.stream()
                .filter(o -> url != null && url.equals(o.sentence().source().origin().url()))
                .anyMatch(o -> StatedFigures.states(o.sentence().text(), q.answerValue()));
            boolean right = !q.answerNone() && stated && DevsetEval.sameProvince(q.answerProvince(), c.province());
            write(q, "place", right, c.province(), ReaderModel.place().probability(c.features()), c.features());
        }
        weighed.clear();
        places.clear();
        out.flush();
    }

    private void write(Devset.Question q, String model, boolean right, String answer, double p, Map<String, Double> features)
        throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("set", set);
        row.put("id", q.id());
        row.put("model", model);
        row.put("kind", q.kindOrValue());
        row.put("answerable", !q.answerNone());
        row.put("label", right ? 1 : 0);
        row.put("answer", answer);
        row.put("p", p);
        row.put("features", features);
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
    }
}
