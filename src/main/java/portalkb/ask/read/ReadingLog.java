package portalkb.ask.read;

import portalkb.ask.question.Question;

import java.util.List;

/** Receives every candidate the quantity reader weighed for a question (labelling them for fitting the model). */
@FunctionalInterface
public interface ReadingLog {

    ReadingLog NONE = (q, candidates) -> { };

    void weighed(Question q, List<Candidate> candidates);
}
