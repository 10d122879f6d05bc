package portalkb.ask.retrieve;

import portalkb.ask.question.Question;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;

/** The analysed {@link Question} rides in the LangChain4j query's metadata, so no step parses the question again. */
public final class QuestionMetadata {

    private static final String KEY = "portalkb.question";

    private QuestionMetadata() {
    }

    public static Metadata of(ChatMessage message, Object conversationId, Question question) {
        return Metadata.builder().chatMessage(message).invocationContext(InvocationContext.builder().chatMemoryId(conversationId)
            .invocationParameters(InvocationParameters.from(KEY, question)).build()).build();
    }

    static Question question(Query query) {
        Metadata m = query.metadata();
        Question q = m == null || m.invocationParameters() == null ? null : m.invocationParameters().get(KEY);
        if (q == null) {
            throw new IllegalStateException("query without an analysed question: build it with QuestionMetadata.of");
        }
        return q;
    }
}
