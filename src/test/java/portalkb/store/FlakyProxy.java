package portalkb.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP proxy in front of the test node that answers the first N _bulk requests with an error
 * status (429 or 503) and forwards everything else: how a busy or restarting cluster looks to the client.
 */
public final class FlakyProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger failuresLeft;
    final AtomicInteger refused = new AtomicInteger();
    /** _msearch requests forwarded: how many round trips a writer's lookups took. */
    public final AtomicInteger multiSearches = new AtomicInteger();
    /** While set, every search that pages on (search_after) gets the error status: a cluster lost in the middle of an export. */
    public volatile boolean failingNextPages;

    public FlakyProxy(int targetPort, int failBulkRequests, int status) throws IOException {
        failuresLeft = new AtomicInteger(failBulkRequests);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, targetPort, status));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, int targetPort, int status) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean bulk = exchange.getRequestURI().getPath().endsWith("_bulk");
        if (exchange.getRequestURI().getPath().endsWith("_msearch")) {
            multiSearches.incrementAndGet();
        }
        boolean nextPage = failingNextPages && exchange.getRequestURI().getPath().endsWith("_search")
            && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("search_after");
        if (nextPage || bulk && failuresLeft.getAndDecrement() > 0) {
            refused.incrementAndGet();
            byte[] error = ("{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"busy\"},\"status\":" + status + "}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(status, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        try {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : new String[] {"Content-Type", "Accept"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
