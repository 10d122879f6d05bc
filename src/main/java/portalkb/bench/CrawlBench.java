package portalkb.bench;

import portalkb.core.Fingerprints;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourceReport;
import portalkb.crawl.SourcesFile;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./kb bench crawl --pages N}: a generated local site of N article pages (listings of 50 links,
 * ETags) crawled with politeness off, then crawled again unchanged (conditional GETs). Reports pages/s,
 * CPU, peak heap and where the time went.
 */
final class CrawlBench {

    private static final int PER_LISTING = 50;

    private final AppConfig config;
    private final int pages;

    CrawlBench(AppConfig config, int pages) {
        this.config = config;
        this.pages = pages;
    }

    void run(portalkb.store.Elastic elastic) throws IOException, InterruptedException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        site.setExecutor(Executors.newFixedThreadPool(8));
        site.createContext("/", this::serve);
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        String yaml = "sources:\n  - id: bench-site\n    province: Lạng Sơn\n    seeds: [" + base + "/list/0]\n    delayMs: 0\n"
            + "    maxDepth: " + (pages / PER_LISTING + 2) + "\n    maxPages: " + (pages * 2 + 100) + "\n";
        try {
            SourceReport first = crawl(elastic, yaml, false, "first crawl");
            SourceReport again = crawl(elastic, yaml, true, "re-crawl (unchanged, --all)");
            System.out.printf("%nre-crawl is %.1f× faster than the first crawl%n", first.seconds() / Math.max(0.001, again.seconds()));
        } finally {
            site.stop(0);
        }
    }

    private SourceReport crawl(portalkb.store.Elastic elastic, String yaml, boolean again, String label) throws IOException, InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cpu0 = os.getProcessCpuTime();
        List<SourceReport> reports = new Crawler(elastic, config.crawler()).run(SourcesFile.parse(yaml, "bench.yaml", config.crawler()),
            new CrawlOptions(0, again, false, "bench"), CrawlListener.NONE);
        sampler.interrupt();
        SourceReport r = reports.get(0);
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double steps = Math.max(1, r.fetchNanos.get() + r.parseNanos.get() + r.indexNanos.get());
        System.out.printf("%-28s %,7d pages in %6.1f s = %6.1f pages/s · indexed %,d changed %,d unchanged %,d errors %d%n", label,
            r.fetched.get(), r.seconds(), r.pagesPerSecond(), r.indexed.get(), r.changed.get(), r.unchanged.get(), r.errors.get());
        System.out.printf("%-28s CPU %.1f s (%.0f%% of %d cores) · peak heap %,d MiB · time in fetch %.0f%% / parse %.0f%% / index %.0f%%%n", "",
            cpu, 100 * cpu / r.seconds() / os.getAvailableProcessors(), os.getAvailableProcessors(), peakHeap.get() >> 20,
            100 * r.fetchNanos.get() / steps, 100 * r.parseNanos.get() / steps, 100 * r.indexNanos.get() / steps);
        return r;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String html;
        if (path.startsWith("/list/")) {
            int n = Integer.parseInt(path.substring(6));
            StringBuilder b = new StringBuilder("<html><head><meta charset=utf-8><title>Tin tức</title></head><body><nav><a href=/list/0>Tin tức</a></nav><main><h2>Tin tức</h2>");
            for (int i = n * PER_LISTING; i < Math.min(pages, (n + 1) * PER_LISTING); i++) {
                b.append("<div class=item><h3><a href=/bai/").append(i).append(".html>Bài số ").append(i).append("</a></h3></div>");
            }
            if ((n + 1) * PER_LISTING < pages) {
                b.append("<a rel=next href=/list/").append(n + 1).append(">Trang sau</a>");
            }
            html = b.append("</main></body></html>").toString();
        } else if (path.startsWith("/bai/")) {
            int n = Integer.parseInt(path.substring(5, path.indexOf('.')));
            // Seeded by the page number: the same page every time it is asked for (the re-crawl must see an unchanged site).
            Map<String, Object> a = new ArticleGenerator(n).next(n);
            html = "<html><head><meta charset=utf-8><title>" + a.get("title") + "</title></head><body><header class=menu><a href=/list/0>Tin tức</a>"
                + "<span class=hotline>Đường dây nóng: 0209.3852.000</span></header><article><h1>" + a.get("title") + "</h1><div class=date>"
                + a.get("published") + "</div><div class=content><p>" + String.valueOf(a.get("body")).replace("\n\n", "</p><p>")
                + "</p></div></article><div class=tin-khac><h3>Tin khác</h3><ul><li><a href=/bai/" + ((n + 1) % pages) + ".html>Bài khác</a></li></ul></div></body></html>";
        } else {
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
}
