package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Retrieved;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the answer to an analysed question from what was retrieved (best first). An answerer that writes as
 * it goes (a streaming LLM) passes its tokens to {@code liveTokens}; the others write nothing there, and their
 * answer is rendered whole at the edge.
 */
public interface Answerer {

    Answer answer(Question question, List<Retrieved> retrieved, Consumer<String> liveTokens);
}
