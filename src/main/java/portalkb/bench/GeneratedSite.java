package portalkb.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import portalkb.core.Fingerprints;
import portalkb.index.ArticleInput;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A generated portal on 127.0.0.1 for benchmarks and rehearsals: {@code sections} sections ({@code /s0/ …}),
 * each with listings of 50 links ({@code /sK/list/N}, "next" links) and its share of {@code pages} article
 * pages ({@code /sK/bai/I.html}, I global), with the boilerplate real portals carry and ETags. A page is
 * seeded by its number, so it is the same every time it is asked for. Files given to it are served at {@code /files/NAME}
 * and linked from article 0.
 * Standalone: {@code java -cp "target/classes:target/lib/*" portalkb.bench.GeneratedSite PORT PAGES [SECTIONS]}.
 */
public final class GeneratedSite implements AutoCloseable {

    static final int PER_LISTING = 50;

    private final int pages;
    private final int sections;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final java.util.Map<String, byte[]> files;

    GeneratedSite(int port, int pages, int sections) throws IOException {
        this(port, pages, sections, java.util.Map.of());
    }

    GeneratedSite(int port, int pages, int sections, java.util.Map<String, byte[]> files) throws IOException {
        this.files = java.util.Map.copyOf(files);
        this.pages = pages;
        this.sections = sections;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GeneratedSite PORT PAGES [SECTIONS]");
            System.exit(2);
        }
        GeneratedSite site = new GeneratedSite(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
            args.length > 2 ? Integer.parseInt(args[2]) : 1);
        System.out.println("serving " + site.pages + " pages in " + site.sections + " sections at " + site.base());
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first listing of a section: a source's seed. */
    String seed(int section) {
        return base() + "/s" + section + "/list/0";
    }

    /** Article pages of one section (pages are dealt round-robin). */
    int pagesOf(int section) {
        return pages / sections + (section < pages % sections ? 1 : 0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] file = path.startsWith("/files/") ? files.get(path.substring(7)) : null;
        if (file != null) {
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".pdf") ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            exchange.sendResponseHeaders(200, file.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file);
            }
            return;
        }
        String html = page(path);
        if (html == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Fingerprints.sha256Hex(body, 8) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String page(String path) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !parts[1].matches("s\\d+")) {
            return null;
        }
        int section = Integer.parseInt(parts[1].substring(1));
        if (section >= sections) {
            return null;
        }
        try {
            if (parts[2].equals("list")) {
                return listing(section, Integer.parseInt(parts[3]));
            }
            if (parts[2].equals("bai") && parts[3].endsWith(".html")) {
                int n = Integer.parseInt(parts[3].substring(0, parts[3].length() - 5));
                return n < pages && n % sections == section ? article(section, n) : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private String listing(int section, int n) {
        String prefix = "/s" + section;
        StringBuilder b = new StringBuilder("<html><head><meta charset=utf-8><title>Tin tức</title></head><body><nav><a href=")
            .append(prefix).append("/list/0>Tin tức</a></nav><main><h2>Tin tức</h2>");
        int inSection = pagesOf(section);
        for (int i = n * PER_LISTING; i < Math.min(inSection, (n + 1) * PER_LISTING); i++) {
            int page = i * sections + section;
            b.append("<div class=item><h3><a href=").append(prefix).append("/bai/").append(page).append(".html>Bài số ").append(page).append("</a></h3></div>");
        }
        if ((n + 1) * PER_LISTING < inSection) {
            b.append("<a rel=next href=").append(prefix).append("/list/").append(n + 1).append(">Trang sau</a>");
        }
        return b.append("</main></body></html>").toString();
    }

    private String article(int section, int n) {
        String prefix = "/s" + section;
        ArticleInput a = new ArticleGenerator(n).next(n);
        int other = (n + sections) % pages;
        StringBuilder attached = new StringBuilder();
        if (n == 0) {
            files.keySet().stream().sorted().forEach(name -> attached.append("<p>Tệp đính kèm: <a href=/files/").append(name).append(">")
                .append(name).append("</a></p>"));
        }
        return "<html><head><meta charset=utf-8><title>" + a.title() + "</title></head><body><header class=menu><a href=" + prefix
            + "/list/0>Tin tức</a><span class=hotline>Đường dây nóng: 0209.3852.000</span></header><article><h1>" + a.title()
            + "</h1><div class=date>" + a.published() + "</div><div class=content><p>" + a.body().replace("\n\n", "</p><p>")
            + "</p>" + attached + "</div></article><div class=tin-khac><h3>Tin khác</h3><ul><li><a href=" + prefix + "/bai/" + other
            + ".html>Bài khác</a></li></ul></div></body></html>";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
