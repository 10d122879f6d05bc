package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One crawler per source: a run whose lease was taken by another crawler (its own renewal came too late, a
 * network partition) stops instead of crawling on beside it; a holder on this host name is declared gone only
 * when its process could really be seen (same process namespace), not when a container with the same host
 * name has no such PID.
 */
@ExtendWith(TestElastic.class)
class LeaseTest {

    @Test
    @Timeout(120)
    void aRunWhoseLeaseWasTakenStops() throws Exception {
        AppConfig config = TestElastic.config(LeaseTest.class, Map.of("elasticsearch.indexPrefix", "t-lease-taken", "crawler.leaseSeconds", "2",
            "crawler.threads", "1"));
        try (TestSite site = new TestSite(); Elastic elastic = TestElastic.freshIndices(config)) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                links.add("/tin/bai-" + i + ".html");
                site.page("/tin/bai-" + i + ".html", TestSite.article("Tin y tế số " + i + " của tỉnh", TestSite.report(2)));
            }
            site.page("/tin/", TestSite.listing("", links.toArray(String[]::new)));
            String yaml = Crawls.source("tin", List.of(site.url("/tin/")), List.of(), "delayMs: 150");
            AtomicBoolean taken = new AtomicBoolean();
            List<Source> sources = SourcesFile.parse(yaml, "lease.yaml", config.crawler());
            List<SourceReport> reports = new Crawler(elastic, config.crawler()).run(sources, Crawls.ALL, new CrawlListener() {
                @Override
                public void page(SourceReport report) {
                    if (report.fetched.get() >= 3 && taken.compareAndSet(false, true)) {
                        try {
                            // Another crawler took the lease (ours had expired unseen): what a lost lease looks like.
                            elastic.client().index(i -> i.index(elastic.names().crawlState()).id("lease-tin").refresh(Refresh.True)
                                .document(new CrawlState.Lease("tin", "lease", "elsewhere/4242/other", Instant.now().plusSeconds(600))));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            SourceReport report = reports.get(0);
            assertTrue(taken.get());
            assertTrue(report.fetched.get() < 20, "the run stopped soon after its lease was taken: " + report.fetched.get() + " pages fetched");
            assertTrue(report.recentErrors().toString().contains("lease"), report.recentErrors().toString());
            var lease = elastic.client().get(g -> g.index(elastic.names().crawlState()).id("lease-tin"), CrawlState.Lease.class);
            assertEquals("elsewhere/4242/other", lease.source().lockedBy(), "the stopped run left the other crawler's lease alone");
        }
    }

    @Test
    void aHolderOnThisHostNameIsGoneOnlyWhenItsProcessCouldBeSeen() {
        long gone = ProcessHandle.current().pid() + 1_000_000;
        String here = Crawler.hostName();
        assertFalse(CrawlState.alive(Crawler.newOwner().replaceFirst("/\\d+/", "/" + gone + "/")),
            "a dead process of this very process namespace holds nothing");
        assertTrue(CrawlState.alive(here + "/" + gone + "/nonce1/pidns-of-another-container"),
            "a container with the same host name but its own processes: its PID cannot be checked from here");
        assertTrue(CrawlState.alive(here + "/" + gone + "/nonce1"), "an owner that does not say its namespace is trusted until its lease expires");
    }
}
