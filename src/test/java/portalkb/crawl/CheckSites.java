package portalkb.crawl;

import com.sun.net.httpserver.HttpExchange;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * Stand-ins for real sites on 127.0.0.1, for {@code ./kb sources check}: a healthy newspaper with RSS and a
 * sitemap (src/test/resources/portalkb/crawl/check/healthy), a site whose robots.txt forbids everything, one
 * answering 500, and a port nothing listens on.
 */
public final class CheckSites implements AutoCloseable {

    public final StaticSiteServer healthy;
    public final StaticSiteServer closed;
    public final StaticSiteServer broken;
    public final int deadPort;

    public CheckSites() throws IOException {
        healthy = new StaticSiteServer("/portalkb/crawl/check/healthy", 0);
        closed = new StaticSiteServer("/portalkb/crawl/check/closed", 0);
        broken = new StaticSiteServer("/portalkb/crawl/check/broken", 0);
        broken.handle("/tin-tuc/", CheckSites::serverError);
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
    }

    /** One source per stand-in: healthy-news, closed-portal, broken-health, gone-site. */
    public String sourcesYaml() {
        return """
            sources:
              - id: healthy-news
                province: Lạng Sơn
                seeds: [%1$s/suc-khoe/, %1$s/rss.xml]
                delayMs: 0
              - id: closed-portal
                province: Bắc Kạn
                seeds: [%2$s/tin/]
                delayMs: 0
              - id: broken-health
                province: Yên Bái
                seeds: [%3$s/tin-tuc/]
                delayMs: 0
              - id: gone-site
                province: Lai Châu
                seeds: [http://127.0.0.1:%4$d/y-te/]
                delayMs: 0
            """.formatted(healthy.baseUrl(), closed.baseUrl(), broken.baseUrl(), deadPort);
    }

    public void clearRequests() {
        healthy.clearRequests();
        closed.clearRequests();
        broken.clearRequests();
    }

    private static void serverError(HttpExchange e) throws IOException {
        byte[] body = "<h1>Lỗi máy chủ</h1>".getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        e.sendResponseHeaders(500, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
        e.close();
    }

    @Override
    public void close() {
        healthy.close();
        closed.close();
        broken.close();
    }
}
