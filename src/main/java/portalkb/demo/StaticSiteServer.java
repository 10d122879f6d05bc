package portalkb.demo;

import portalkb.core.Fingerprints;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small web server on 127.0.0.1 for fixture websites kept as files on the classpath (the demo's sample
 * portal, the tests' sites). Behaves like a real site where the crawler cares: content types, ETag and
 * Last-Modified with 304 answers, robots.txt, 404s; "${SITE}" in text files becomes its own address.
 * Tests add their own handlers for traps (redirect loops, 500s, huge pages).
 */
public final class StaticSiteServer implements AutoCloseable {

    private static final String LAST_MODIFIED = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

    private final HttpServer server;
    private final String root;
    private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();

    /** {@code classpathRoot}: e.g. "/portalkb/demo/sites"; {@code port} 0 = any free port. */
    public StaticSiteServer(String classpathRoot, int port) throws IOException {
        this.root = classpathRoot.endsWith("/") ? classpathRoot.substring(0, classpathRoot.length() - 1) : classpathRoot;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "sample-site");
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext("/", this::serve);
        this.server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path} instead of the file (tests edit pages between crawls). */
    public void override(String path, String body) {
        overrides.put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    public void handle(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, exchange -> {
            log(exchange);
            handler.handle(exchange);
        });
    }

    private void log(HttpExchange exchange) {
        requests.add(exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    }

    /** Paths (with query) requested so far, in order: tests assert exactly what a crawl fetched. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        log(exchange);
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            byte[] body = overrides.containsKey(path) ? overrides.get(path) : load(path);
            if (body == null) {
                send(exchange, 404, "text/html; charset=utf-8", "<html><body><h1>404</h1></body></html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = contentType(path);
            if (type.startsWith("text/") || type.contains("xml")) {
                body = replace(body, "${SITE}".getBytes(StandardCharsets.US_ASCII), baseUrl().getBytes(StandardCharsets.US_ASCII));
            }
            String etag = "\"" + Fingerprints.sha256Hex(body, 8) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, type, body);
        }
    }

    private byte[] load(String path) throws IOException {
        if (path.contains("..")) {
            return null;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        try (InputStream in = StaticSiteServer.class.getResourceAsStream(root + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Byte-level, so pages in legacy encodings (windows-1258) pass through untouched. */
    private static byte[] replace(byte[] body, byte[] from, byte[] to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length + 64);
        int i = 0;
        outer:
        while (i < body.length) {
            if (body[i] == from[0] && i + from.length <= body.length) {
                for (int j = 1; j < from.length; j++) {
                    if (body[i + j] != from[j]) {
                        out.write(body[i++]);
                        continue outer;
                    }
                }
                out.writeBytes(to);
                i += from.length;
            } else {
                out.write(body[i++]);
            }
        }
        return out.toByteArray();
    }

    static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".xml")) {
            return "application/xml; charset=utf-8";
        }
        if (p.endsWith(".rss")) {
            return "application/rss+xml; charset=utf-8";
        }
        if (p.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        if (p.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (p.endsWith(".png")) {
            return "image/png";
        }
        return "text/html; charset=utf-8";
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
