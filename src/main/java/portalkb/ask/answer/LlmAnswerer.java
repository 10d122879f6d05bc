package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Retrieved;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An answer from any LangChain4j chat model (OpenAI-compatible endpoint, Ollama): the prompt is rendered
 * from the analysed question and the numbered passages, with the offline reader's answer as a hint. With
 * a streaming model, tokens are passed on as the endpoint sends them; when the asking thread is interrupted
 * (the client went away) or the endpoint is too slow, the stream is cancelled.
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
    public Answer answer(Question q, List<Retrieved> contents, Consumer<String> tokens) {
        String hint = hints == null ? null : ModelText.plain(hints.answer(q, contents, t -> { }));
        UserMessage prompt = UserMessage.from(PromptRenderer.render(q, contents, hint));
        try {
            if (streaming == null) {
                String text = model.chat(prompt).aiMessage().text();
                tokens.accept(text == null ? "" : text);
                return ModelText.read(text, contents);
            }
            CompletableFuture<String> answer = new CompletableFuture<>();
            AtomicReference<StreamingHandle> handle = new AtomicReference<>();
            streaming.chat(List.of(prompt), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse token, PartialResponseContext context) {
                    handle.set(context.streamingHandle());
                    if (Thread.currentThread().isInterrupted() || answer.isCancelled()) {
                        context.streamingHandle().cancel();
                        return;
                    }
                    tokens.accept(token.text());
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
            try {
                String text = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return ModelText.read(text, contents);
            } catch (InterruptedException | TimeoutException e) {
                // The asker went away (its thread is interrupted) or the endpoint is too slow: stop the stream, free the endpoint.
                answer.cancel(true);
                StreamingHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
                throw e;
            }
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
