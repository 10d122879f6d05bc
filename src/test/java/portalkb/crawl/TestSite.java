package portalkb.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A website on 127.0.0.1 that a test builds page by page (no files): articles in a provincial-portal
 * layout, listings, redirects and raw answers with any status, type and bytes.
 */
final class TestSite implements AutoCloseable {

    final StaticSiteServer server;
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    TestSite() throws IOException {
        server = new StaticSiteServer("/portalkb/crawl/no-files", 0);
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    String base() {
        return server.baseUrl();
    }

    /** An HTML page at {@code path} (served with ETag and 304s like a real site, unless a handler took the path). */
    void page(String path, String html) {
        server.override(path, html);
        if (handlers.containsKey(path)) {
            handle(path, e -> send(e, 200, "text/html; charset=utf-8", utf8(html)));
        }
    }

    /** Answers everything under {@code path} with {@code handler}; a later call for the same path replaces it. */
    void handle(String path, HttpHandler handler) {
        if (handlers.put(path, handler) == null) {
            server.handle(path, e -> handlers.get(path).handle(e));
        }
    }

    void respond(String path, int status, String contentType, byte[] body) {
        handle(path, e -> send(e, status, contentType, body));
    }

    void redirect(String path, int status, String location) {
        handle(path, e -> {
            e.getResponseHeaders().set("Location", location);
            e.sendResponseHeaders(status, -1);
            e.close();
        });
    }

    List<String> requests() {
        return server.requests();
    }

    long requestsUnder(String prefix) {
        return server.requests().stream().filter(p -> p.startsWith(prefix)).count();
    }

    static void send(HttpExchange e, int status, String contentType, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", contentType);
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
        e.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A news article in the usual portal layout: header, menu, the story in div.content, related list, footer. */
    static String article(String title, String... paragraphs) {
        return articleWith("", title, paragraphs);
    }

    static String articleWith(String head, String title, String... paragraphs) {
        String body = List.of(paragraphs).stream().map(p -> "<p>" + p + "</p>").collect(Collectors.joining("\n"));
        return """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%1$s - Cổng thông tin</title>%2$s</head><body>
            <div class="header"><span class="hotline">Đường dây nóng: 0205.3812.345</span></div>
            <nav class="menu"><a href="/">Trang chủ</a> <a href="/tin/">Tin tức</a></nav>
            <div class="article"><h1 class="title">%1$s</h1>
            <div class="post-meta">Thứ hai, 27/01/2020 08:15</div>
            <div class="content">
            %3$s
            </div></div>
            <footer>Cổng thông tin điện tử — Cơ quan chủ quản</footer></body></html>
            """.formatted(title, head, body);
    }

    /** A listing page: teaser headlines linking to {@code links}, plus optional extra markup (paging). */
    static String listing(String extra, String... links) {
        String items = List.of(links).stream()
            .map(l -> "<div class=\"item\"><h3><a href=\"" + l + "\">Tin bài " + l + "</a></h3><p>Tóm tắt tin…</p></div>")
            .collect(Collectors.joining("\n"));
        return """
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Cổng thông tin</title></head><body>
            <main><h2 class="cat">Tin tức</h2>
            %s
            %s</main></body></html>
            """.formatted(items, extra);
    }

    /** Paragraphs of a plausible health report, {@code n} of them, each with its own figure. */
    static String[] report(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "Trong quý " + (i % 4 + 1) + ", toàn tỉnh có " + (120 + i) + " xã đạt Bộ tiêu chí quốc gia về y tế xã, tỷ lệ bao phủ "
                + "bảo hiểm y tế đạt " + (90 + i % 9) + "," + (i % 10) + "% dân số; ngành y tế tiếp tục củng cố mạng lưới y tế cơ sở "
                + "và nâng cao chất lượng khám chữa bệnh cho người dân vùng cao (đoạn " + (i + 1) + ").";
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
