package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.app.Services;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asks under an LLM that takes its time (a real OpenAI-compatible HTTP server on 127.0.0.1 that answers a
 * question containing "zzslow" only after a minute, writing as it goes so it notices a caller that hangs up):
 * a client that goes away cancels its model call, and asks beyond server.maxConcurrentAsks get a 503.
 */
@ExtendWith(TestElastic.class)
class AskLimitsTest {

    private static final String SLOW = "zzslow Which province reached 97.9% insurance coverage?";
    private static final String QUICK = "Which province reached 97.9% insurance coverage?";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Elastic elastic;
    private static HttpServer llm;
    private static volatile CountDownLatch started;
    private static volatile CountDownLatch hungUp;

    @BeforeAll
    static void start() throws Exception {
        elastic = TestElastic.freshIndices(config(Map.of()));
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(List.of(ArticleInput.of("https://example.vn/bhyt.html",
                "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%", "Năm 2019 tỷ lệ bao phủ bảo hiểm y tế của tỉnh Lạng Sơn đạt 97,9%.")
                .withProvince("Lạng Sơn")));
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        llm.createContext("/v1/chat/completions", AskLimitsTest::answer);
        llm.start();
    }

    @AfterAll
    static void stop() throws IOException {
        llm.stop(0);
        elastic.close();
    }

    @BeforeEach
    void resetModel() {
        started = new CountDownLatch(1);
        hungUp = new CountDownLatch(1);
    }

    private static AppConfig config(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(Map.of("ask.model", "openai", "ask.openai.apiKey", "test-key",
            "ask.openai.baseUrl", "http://127.0.0.1:" + (llm == null ? 9 : llm.getAddress().getPort()) + "/v1",
            "server.rateLimitPerMinute", "0"));
        overrides.putAll(more);
        return TestElastic.config(AskLimitsTest.class, overrides);
    }

    private static Javalin app(Map<String, String> more) {
        AppConfig config = config(more);
        return WebApp.create(Services.of(config, elastic)).start("127.0.0.1", 0);
    }

    @Test
    @Timeout(120)
    void aClientThatHangsUpFreesItsPlace() throws Exception {
        Javalin app = app(Map.of("server.maxConcurrentAsks", "1"));
        try {
            Socket client = rawRequest(app, "POST /api/ask", Json.MAPPER.writeValueAsString(Map.of("question", SLOW)));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the model was asked");
            assertEquals(503, post(app, QUICK).statusCode(), "its place is taken while it waits for the model");
            client.close();
            assertEquals(200, awaitAnswered(app), "its place is free again once the client has gone");
        } finally {
            app.stop();
        }
    }

    @Test
    @Timeout(120)
    void anAskBeyondTheCapWaitsBrieflyForAPlaceInsteadOfFailing() throws Exception {
        Javalin app = app(Map.of("server.maxConcurrentAsks", "1", "server.askAdmissionWaitMs", "30000"));
        try {
            Socket client = rawRequest(app, "POST /api/ask", Json.MAPPER.writeValueAsString(Map.of("question", SLOW)));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the model was asked");
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(app, QUICK).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1000);
            assertFalse(waiting.isDone(), "the second ask waits while the only place is taken");
            client.close();
            assertEquals(200, waiting.get(60, TimeUnit.SECONDS), "and is answered once the place is free");
        } finally {
            app.stop();
        }
    }

    /** The web layer interrupts the ask's thread when its client goes away; the answerer then closes the endpoint's stream. */
    @Test
    @Timeout(120)
    void aClientThatHangsUpCancelsTheModelCall() throws Exception {
        Javalin app = app(Map.of());
        try {
            Socket client = rawRequest(app, "POST /api/ask", Json.MAPPER.writeValueAsString(Map.of("question", SLOW)));
            assertTrue(started.await(30, TimeUnit.SECONDS), "the model was asked");
            client.close();
            assertTrue(hungUp.await(30, TimeUnit.SECONDS), "the model call is cancelled once the client has gone");
        } finally {
            app.stop();
        }
    }

    @Test
    @Timeout(120)
    void asksBeyondTheCapAre503AndAStreamThatHangsUpFreesItsPlace() throws Exception {
        Javalin app = app(Map.of("server.maxConcurrentAsks", "1"));
        try {
            Socket stream = rawRequest(app, "GET /api/ask/stream?question=" + URLEncoder.encode(SLOW, StandardCharsets.UTF_8), null);
            assertTrue(started.await(30, TimeUnit.SECONDS), "the model was asked");

            HttpResponse<String> busy = post(app, QUICK);
            assertEquals(503, busy.statusCode(), busy.body());
            JsonNode error = Json.MAPPER.readTree(busy.body());
            assertEquals(503, error.get("status").asInt());
            assertTrue(error.get("error").asText().contains("try again"), busy.body());
            assertTrue(busy.headers().firstValue("Retry-After").isPresent());
            HttpResponse<String> busyStream = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/ask/stream?question=" + URLEncoder.encode(QUICK, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(503, busyStream.statusCode(), busyStream.body());

            stream.close();
            assertEquals(200, awaitAnswered(app), "the place of the stream that hung up is free again");
        } finally {
            app.stop();
        }
    }

    /** Asks a quick question until it is answered or 30 s have passed (503 while every place is taken); the last status. */
    private static int awaitAnswered(Javalin app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = post(app, QUICK).statusCode();
            Thread.sleep(200);
        }
        return status;
    }

    private static HttpResponse<String> post(Javalin app, String question) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/ask"))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("question", question)))).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** A request on a socket of our own, so the test can hang up in the middle of it. */
    private static Socket rawRequest(Javalin app, String requestLine, String jsonBody) throws IOException {
        Socket socket = new Socket("127.0.0.1", app.port());
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (jsonBody == null ? "Accept: text/event-stream\r\n" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
            + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** The model: answers at once, or (for "zzslow") writes slowly for a minute and notes when its caller hangs up. */
    private static void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean stream = Json.MAPPER.readTree(request).path("stream").asBoolean();
        boolean slow = request.contains("zzslow");
        exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (slow) {
                started.countDown();
                for (int i = 0; i < 300; i++) {
                    // JSON may start with white space, so the plain answer can trickle too.
                    out.write((stream ? "data: " + chunk("…") + "\n\n" : " ").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
            }
            if (stream) {
                out.write(("data: " + chunk("Lạng Sơn [1].") + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(Json.MAPPER.writeValueAsBytes(Map.of("id", "c1", "object", "chat.completion", "created", 1, "model", "scripted",
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", "Lạng Sơn [1]."), "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2))));
            }
        } catch (IOException e) {
            hungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String chunk(String text) throws IOException {
        return Json.MAPPER.writeValueAsString(Map.of("id", "c1", "object", "chat.completion.chunk", "created", 1, "model", "scripted",
            "choices", List.of(Map.of("index", 0, "delta", Map.of("content", text)))));
    }
}
