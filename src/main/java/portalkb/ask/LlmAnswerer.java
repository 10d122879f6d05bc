package portalkb.ask;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.rag.content.Content;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An answer from any LangChain4j chat model (OpenAI-compatible endpoint, Ollama): the prompt is rendered
 * from the analysed question and the numbered passages, with the offline reader's answer as a hint. With
 * a streaming model, tokens are passed on as the endpoint sends them.
 */
public final class LlmAnswerer implements Answerer {

    private static final int TIMEOUT_SECONDS = 180;

    private final ChatModel model;
    private final StreamingChatModel streaming;
    private final String modelName;
    private final Answerer hints;

    /** {@code hints}: the reader whose answer goes into the prompt as a first reading, or null. */
    public LlmAnswerer(ChatModel model, StreamingChatModel streaming, String modelName, Answerer hints) {
        this.model = model;
        this.streaming = streaming;
        this.modelName = modelName;
        this.hints = hints;
    }

    @Override
    public Answer answer(Question q, List<Content> contents, Consumer<String> tokens) {
        String hint = hints == null ? null : hints.answer(q, contents, t -> { }).text();
        UserMessage prompt = UserMessage.from(PromptRenderer.render(q, contents, hint));
        try {
            if (streaming == null) {
                String text = model.chat(prompt).aiMessage().text();
                tokens.accept(text == null ? "" : text);
                return Answer.of(text == null ? "" : text);
            }
            CompletableFuture<String> answer = new CompletableFuture<>();
            streaming.chat(List.of(prompt), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    tokens.accept(token);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    answer.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    answer.completeExceptionally(error);
                }
            });
            String text = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Answer.of(text == null ? "" : text);
        } catch (ExecutionException e) {
            throw new AnswerModelException(modelName, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new AnswerModelException(modelName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerModelException(modelName, e);
        }
    }
}
