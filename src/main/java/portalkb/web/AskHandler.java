package portalkb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import portalkb.ask.answer.AnswerModelException;
import portalkb.ask.AskResponse;
import portalkb.ask.AskService;
import portalkb.core.BadParameterException;
import portalkb.store.Json;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * POST /api/ask (JSON) and GET /api/ask/stream (Server-Sent Events: token…, citations, done). Streaming
 * models' tokens go out as they arrive; the citations event carries the checked answer, which replaces them.
 */
final class AskHandler {

    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    private final AskService ask;
    private final AskGate gate;
    private final int maxConversationIdChars;
    private final Logger log;

    AskHandler(AskService ask, AskGate gate, int maxConversationIdChars, Logger log) {
        this.ask = ask;
        this.gate = gate;
        this.maxConversationIdChars = maxConversationIdChars;
        this.log = log;
    }

    /** The stream's "citations" event: the answer whole, with what it cites (all of the response but its time). */
    record Answered(List<AskResponse.Citation> citations, List<AskResponse.FigureRef> figures, String province, String lang,
                    String conversationId, String answer) {
        static Answered of(AskResponse r) {
            return new Answered(r.citations(), r.figures(), r.province(), r.lang(), r.conversationId(), r.answer());
        }
    }

    /** The stream's "done" event. */
    record Done(long tookMs) {
    }

    /** The stream's "token" event: the next piece of the answer. */
    record Token(String text) {
    }

    /** Conversations are kept in memory by id: an id of any length would be memory of any size. */
    static void checkConversationId(String conversationId, int maxChars) {
        if (conversationId != null && conversationId.length() > maxChars) {
            throw new BadParameterException("conversationId", "longer than " + maxChars + " characters");
        }
    }

    void post(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new BadParameterException("body", "not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "expected a JSON object {\"question\": …}");
        }
        String question = text(body, "question");
        String conversationId = text(body, "conversationId");
        checkConversationId(conversationId, maxConversationIdChars);
        String province = text(body, "province");
        String lang = text(body, "lang");
        gate.run(ctx, () -> ask.ask(question, conversationId, province, lang), () -> false)
            .ifPresentOrElse(ctx::json, () -> log.info("ask cancelled: the client of {} went away", ctx.ip()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadParameterException(field, "expected a string");
        }
        return v.asText();
    }

    void stream(SseClient client) {
        Context ctx = client.ctx();
        try {
            AtomicBoolean streamed = new AtomicBoolean();
            String question = ctx.queryParam("question");
            String conversationId = ctx.queryParam("conversationId");
            String province = ctx.queryParam("province");
            String lang = ctx.queryParam("lang");
            Optional<AskResponse> answered = gate.run(ctx, () -> ask.ask(question, conversationId, province, lang, token -> {
                streamed.set(true);
                sendToken(client, token);
            }), client::terminated);
            if (answered.isEmpty()) {
                log.info("ask stream cancelled: the client of {} went away", ctx.ip());
                return;
            }
            AskResponse response = answered.get();
            if (!streamed.get()) { // an answerer that writes its answer whole: sent word by word all the same
                Matcher m = TOKEN.matcher(response.answer());
                while (m.find() && !client.terminated()) {
                    sendToken(client, m.group());
                }
            }
            client.sendEvent("citations", Json.MAPPER.writeValueAsString(Answered.of(response)));
            client.sendEvent("done", Json.MAPPER.writeValueAsString(new Done(response.tookMs())));
        } catch (BadParameterException e) {
            error(client, 400, e.getMessage());
        } catch (ApiException e) {
            error(client, e.status(), e.getMessage());
        } catch (AnswerModelException e) {
            log.warn("ask stream: answer model failed: {}", String.valueOf(e.getCause()));
            error(client, 502, e.getMessage());
        } catch (UncheckedIOException e) {
            log.warn("ask stream: Elasticsearch unavailable: {}", e.toString());
            error(client, 503, "the knowledge base is unavailable (Elasticsearch not reachable); try again shortly");
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("ask stream failed: {}", e.toString());
            error(client, 500, "internal error; the server log has details");
        }
    }

    private static void sendToken(SseClient client, String text) {
        if (!client.terminated()) {
            try {
                client.sendEvent("token", Json.MAPPER.writeValueAsString(new Token(text)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e); // a record of one string always serialises
            }
        }
    }

    private static void error(SseClient client, int status, String message) {
        try {
            client.sendEvent("error", Json.MAPPER.writeValueAsString(ErrorBody.of(message, status)));
        } catch (JsonProcessingException ignored) {
            // a record of a number and a string always serialises
        }
    }
}
