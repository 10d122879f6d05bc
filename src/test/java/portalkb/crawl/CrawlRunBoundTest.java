package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sources started together (a shared schedule) run at most crawler.maxConcurrentRuns at a time in one process; the
 * others wait their turn and still run. Seen from the site: how many of the sources' seed pages are fetched at once.
 */
@ExtendWith(TestElastic.class)
class CrawlRunBoundTest {

    @Test
    @Timeout(120)
    void sourcesStartedTogetherRunOneAtATimeWhenTheBoundIsOne() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        try (TestSite site = new TestSite()) {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                String path = "/s" + i + "/";
                site.handle(path, e -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    served.incrementAndGet();
                    TestSite.send(e, 200, "text/html; charset=utf-8", TestSite.utf8(TestSite.listing("")));
                });
                String one = Crawls.source("s" + i, List.of(site.url(path)), List.of(), null);
                yaml.append(i == 0 ? one : one.substring(one.indexOf('\n') + 1));
            }
            Path sources = Files.createTempFile("bound-sources", ".yaml");
            Files.writeString(sources, yaml.toString());
            AppConfig config = TestElastic.config(CrawlRunBoundTest.class, Map.of("crawler.maxConcurrentRuns", "1", "crawler.delayMs", "0"));
            try (Elastic elastic = TestElastic.freshIndices(config); CrawlService crawls = new CrawlService(elastic, config, sources, false)) {
                assertEquals(List.of("s0", "s1", "s2"), crawls.run(null, "test").started());
                while (crawls.isRunning("s0") || crawls.isRunning("s1") || crawls.isRunning("s2")) {
                    Thread.sleep(50);
                }
            }
            assertEquals(3, served.get(), "every source ran");
            assertEquals(1, most.get(), "seed pages fetched at once");
        }
    }
}
