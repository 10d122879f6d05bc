package portalkb.bench;

import com.sun.management.OperatingSystemMXBean;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourceReport;
import portalkb.crawl.SourcesFile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import portalkb.store.Elastic;

/**
 * {@code ./kb bench crawl --pages N}: a generated local site of N article pages (listings of 50 links,
 * ETags) crawled with politeness off, then crawled again unchanged (conditional GETs). Reports pages/s,
 * CPU, peak heap and where the time went.
 */
final class CrawlBench {

    private final AppConfig config;
    private final int pages;

    CrawlBench(AppConfig config, int pages) {
        this.config = config;
        this.pages = pages;
    }

    /** The first crawl and the unchanged re-crawl of the generated site. */
    record Crawls(SourceReport first, SourceReport again) {
    }

    void run(Elastic elastic) throws IOException, InterruptedException {
        Crawls crawls = crawlTwice(elastic);
        System.out.printf("%nre-crawl is %.1f× faster than the first crawl%n", crawls.first().seconds() / Math.max(0.001, crawls.again().seconds()));
    }

    Crawls crawlTwice(Elastic elastic) throws IOException, InterruptedException {
        try (GeneratedSite site = new GeneratedSite(0, pages, 1)) {
            String yaml = "sources:\n  - id: bench-site\n    province: Lạng Sơn\n    seeds: [" + site.seed(0) + "]\n    delayMs: 0\n"
                + "    maxDepth: " + (pages / GeneratedSite.PER_LISTING + 2) + "\n    maxPages: " + (pages * 2 + 100) + "\n";
            SourceReport first = crawl(elastic, yaml, false, "first crawl");
            SourceReport again = crawl(elastic, yaml, true, "re-crawl (unchanged, --all)");
            return new Crawls(first, again);
        }
    }

    private SourceReport crawl(Elastic elastic, String yaml, boolean again, String label) throws IOException, InterruptedException {
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
            new CrawlOptions(0, again, "bench"), CrawlListener.NONE);
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
}
