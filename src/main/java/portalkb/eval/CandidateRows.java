package portalkb.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import portalkb.ask.question.Question;
import portalkb.ask.read.Candidate;
import portalkb.ask.read.ReaderModel;
import portalkb.ask.read.ReadingLog;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates the quantity reader weighed for each devset question, labelled: a candidate is right when it
 * states the expected figure (at its written precision) in an article of the expected province. One JSON line
 * per candidate, the training data of {@code ./kb fit-reader}. An unanswerable question's candidates are all wrong.
 */
public final class CandidateRows implements ReadingLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final String set;
    private final List<Candidate> weighed = new ArrayList<>();

    public CandidateRows(Writer out, String set) {
        this.out = out;
        this.set = set;
    }

    @Override
    public synchronized void weighed(Question q, List<Candidate> candidates) {
        weighed.addAll(candidates);
    }

    /** Writes the rows of the question just asked and forgets its candidates. */
    synchronized void write(Devset.Question q) throws IOException {
        for (Candidate c : weighed) {
            boolean right = !q.answerNone() && q.answerValue() != null && StatedFigures.states(c.withUnit(), q.answerValue())
                && DevsetEval.sameProvince(q.answerProvince(), c.sentence().source().origin().province());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("set", set);
            row.put("id", q.id());
            row.put("kind", q.kindOrValue());
            row.put("answerable", !q.answerNone());
            row.put("label", right ? 1 : 0);
            row.put("written", c.withUnit());
            row.put("p", ReaderModel.get().probability(c.features()));
            row.put("features", c.features());
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        }
        weighed.clear();
        out.flush();
    }
}
