package portalkb.ask.read;

import portalkb.ask.question.Question;

import java.util.List;

/** Receives every candidate a reader weighed for a question (labelling them for fitting the readers' models). */
public interface ReadingLog {

    ReadingLog NONE = new ReadingLog() {
    };

    /** The numbers the quantity reader weighed. */
    default void weighed(Question q, List<Candidate> candidates) {
    }

    /** The sentences the which-place reader weighed. */
    default void weighedPlaces(Question q, List<PlaceReader.PlaceCandidate> candidates) {
    }
}
