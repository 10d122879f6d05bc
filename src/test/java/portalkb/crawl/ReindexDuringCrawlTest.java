package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A crawl whose run-record index is write-blocked by a reindex (./kb reindex blocks the index it copies)
 * waits for the block to lift before writing its record and releasing its lease, instead of failing.
 */
@ExtendWith(TestElastic.class)
class ReindexDuringCrawlTest {

    @Test
    @Timeout(120)
    void theRunRecordWaitsForTheWriteBlockToLift() throws Exception {
        AppConfig config = TestElastic.config(ReindexDuringCrawlTest.class);
        ScheduledExecutorService lifter = Executors.newSingleThreadScheduledExecutor();
        try (TestSite site = new TestSite(); Elastic elastic = TestElastic.freshIndices(config)) {
            site.page("/tin/", TestSite.listing("", "/tin/a.html"));
            site.page("/tin/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 96,1% dân số", TestSite.report(2)));
            String runs = elastic.names().crawlRuns();
            CrawlListener blockOnStart = new CrawlListener() {
                @Override
                public void started(SourceReport report) {
                    try {
                        block(elastic, runs, true);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    lifter.schedule(() -> {
                        block(elastic, runs, false);
                        return null;
                    }, 3, TimeUnit.SECONDS);
                }
            };
            String yaml = Crawls.source("tin", List.of(site.url("/tin/")), List.of(), null);
            List<SourceReport> reports = new Crawler(elastic, config.crawler())
                .run(SourcesFile.parse(yaml, "sources.yaml", config.crawler()), Crawls.DUE, blockOnStart);
            assertFalse(Crawls.errors(reports).contains("run record"), Crawls.errors(reports));
            assertEquals("done", reports.get(0).status(), Crawls.errors(reports));
            elastic.client().indices().refresh(r -> r.index(runs));
            var found = elastic.client().search(s -> s.index(runs).query(q -> q.term(t -> t.field("source").value("tin"))), Map.class);
            assertEquals(1, found.hits().total().value(), "the run's record is written once the block lifts");
        } finally {
            lifter.shutdownNow();
        }
    }

    private static void block(Elastic elastic, String index, boolean on) throws Exception {
        elastic.client().indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(on))));
    }
}
