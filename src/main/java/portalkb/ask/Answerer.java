package portalkb.ask;

import dev.langchain4j.rag.content.Content;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the answer to an analysed question from the retrieved contents, numbered from 1 in the order
 * given; "[n]" in the answer cites content n. Tokens go to {@code tokens} as they are written (all at
 * once for an answerer that does not stream).
 */
public interface Answerer {

    Answer answer(Question question, List<Content> contents, Consumer<String> tokens);

    /**
     * The answer text and, per cited content number, the words it quotes from it (none: the whole passage).
     * {@code contents}: what "[n]" refers to when the answer was written from other contents than those given
     * (a ranking from the facts index), else null.
     */
    record Answer(String text, Map<Integer, String> quotes, List<Content> contents) {
        public Answer(String text, Map<Integer, String> quotes) {
            this(text, quotes, null);
        }

        public static Answer of(String text) {
            return new Answer(text, Map.of());
        }
    }
}
