package portalkb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A real HTTP proxy in front of the test node that, while {@link #refusing}, answers every bulk item
 * aimed at the refused indices with 429 (what a busy shard says) and forwards all the rest: how a cluster
 * looks when the write of an article (or of its passages) waits in the retry queue while the writes around
 * it succeed.
 */
public final class SelectiveBulkProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final int targetPort;
    private final List<String> refusedIndices;
    public volatile boolean refusing = true;
    /** Bulk items refused so far. */
    public final java.util.concurrent.atomic.AtomicInteger refusedItems = new java.util.concurrent.atomic.AtomicInteger();

    /** Refuses bulk items whose index name starts with one of {@code refusedIndices} (aliases or concrete names). */
    public SelectiveBulkProxy(int targetPort, String... refusedIndices) throws IOException {
        this.targetPort = targetPort;
        this.refusedIndices = List.of(refusedIndices);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refusing && exchange.getRequestURI().getPath().endsWith("_bulk")) {
                bulk(exchange, body);
            } else {
                HttpResponse<byte[]> response = forward(exchange, exchange.getRequestURI().toString(), body);
                reply(exchange, response.statusCode(), response, response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits the NDJSON: refused actions get a 429 item, the others go to the node; items keep their order. */
    private void bulk(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        List<String> lines = new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        List<JsonNode> refusedItems = new ArrayList<>();
        List<Boolean> refused = new ArrayList<>();
        StringBuilder forwarded = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode action = JSON.readTree(lines.get(i));
            String op = action.fieldNames().next();
            boolean hasSource = !op.equals("delete");
            String index = action.get(op).path("_index").asText();
            if (refusedIndices.stream().anyMatch(index::startsWith)) {
                ObjectNode item = JSON.createObjectNode();
                ObjectNode detail = item.putObject(op);
                detail.put("_index", index).put("_id", action.get(op).path("_id").asText()).put("status", 429);
                detail.putObject("error").put("type", "es_rejected_execution_exception").put("reason", "busy (test proxy)");
                refusedItems.add(item);
                refused.add(true);
                this.refusedItems.incrementAndGet();
            } else {
                forwarded.append(lines.get(i)).append('\n');
                if (hasSource) {
                    forwarded.append(lines.get(i + 1)).append('\n');
                }
                refused.add(false);
            }
            if (hasSource) {
                i++;
            }
        }
        ArrayNode forwardedItems = JSON.createArrayNode();
        HttpResponse<byte[]> response = null;
        if (!forwarded.isEmpty()) {
            response = forward(exchange, exchange.getRequestURI().toString(), forwarded.toString().getBytes(StandardCharsets.UTF_8));
            forwardedItems = (ArrayNode) JSON.readTree(response.body()).path("items");
        }
        ObjectNode merged = JSON.createObjectNode();
        merged.put("errors", true).put("took", 1);
        ArrayNode items = merged.putArray("items");
        int fromRefused = 0;
        int fromForwarded = 0;
        for (boolean r : refused) {
            items.add(r ? refusedItems.get(fromRefused++) : forwardedItems.get(fromForwarded++));
        }
        reply(exchange, 200, response, JSON.writeValueAsBytes(merged));
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + pathAndQuery))
            .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, HttpResponse<byte[]> from, byte[] body) throws IOException {
        if (from != null) {
            from.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
