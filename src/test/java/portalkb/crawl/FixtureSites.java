package portalkb.crawl;

import com.sun.net.httpserver.HttpExchange;
import portalkb.config.AppConfig;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The crawler tests' websites (src/test/resources/portalkb/crawl/sites) on 127.0.0.1, plus the traps a
 * real crawl meets: a redirect loop, a page that always fails with 500, one over the size cap, a page in
 * windows-1258 with no charset declared anywhere.
 */
final class FixtureSites implements AutoCloseable {

    static final int HUGE_BYTES = 400_000;

    final StaticSiteServer server;

    FixtureSites() throws IOException {
        server = new StaticSiteServer("/portalkb/crawl/sites", 0);
        server.handle("/langson/vong-lap-a", e -> redirect(e, "/langson/vong-lap-b"));
        server.handle("/langson/vong-lap-b", e -> redirect(e, "/langson/vong-lap-a"));
        server.handle("/langson/loi-may-chu.html", e -> send(e, 500, "text/html", "<h1>Lỗi máy chủ</h1>".getBytes(StandardCharsets.UTF_8)));
        server.handle("/langson/trang-rat-lon.html", e -> send(e, 200, "text/html; charset=utf-8",
            ("<html><body>" + "<p>Phụ lục số liệu.</p>".repeat(HUGE_BYTES / 20) + "</body></html>").getBytes(StandardCharsets.UTF_8)));
        server.handle("/backan/Pages/ban-tin-1258.aspx", e -> {
            try (InputStream in = FixtureSites.class.getResourceAsStream("/portalkb/crawl/sites/backan/Pages/ban-tin-1258.aspx")) {
                send(e, 200, "text/html", in.readAllBytes());
            }
        });
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    /** The sources file other tools would write: seeds on 127.0.0.1. */
    String sourcesYaml() {
        String b = server.baseUrl();
        return """
            sources:
              - id: langson-news
                name: Báo Lạng Sơn (fixture)
                province: Lang Son
                seeds: [%1$s/langson/y-te/]
                allow: ["^%1$s/langson/"]
                delayMs: 0
              - id: backan-portal
                province: Bắc Kạn
                seeds: [%1$s/backan/Pages/tin-tuc.aspx, %1$s/backan/sitemap.xml]
                allow: ["^%1$s/backan/"]
                delayMs: 0
              - id: tanuyen
                province: Lai Châu
                district: Tân Uyên
                seeds: [%1$s/tanuyen/rss.xml]
                allow: ["^%1$s/tanuyen/"]
                delayMs: 0
              - id: yenbai
                province: Yên Bái
                seeds: [%1$s/yenbai/tin/]
                allow: ["^%1$s/yenbai/"]
                delayMs: 0
              - id: tonghop
                province: Hà Nội
                seeds: [%1$s/tonghop/bai/]
                allow: ["^%1$s/tonghop/"]
                delayMs: 0
            """.formatted(b);
    }

    List<Source> sources(AppConfig.Crawler settings) {
        return SourcesFile.parse(sourcesYaml(), "fixture-sources.yaml", settings);
    }

    private static void redirect(HttpExchange e, String to) throws IOException {
        e.getResponseHeaders().set("Location", to);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private static void send(HttpExchange e, int status, String type, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
        e.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
