package portalkb.crawl;

import portalkb.crawl.Frontier.Task;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A URL found on a fetched page, feed or sitemap: kept when in scope and within the run's limits, recorded
 * in the crawl state (or recorded as skipped, beyond the levels), and queued once that record is written.
 */
final class UrlDiscovery {

    private final Source source;
    private final StatusStep status;
    private final CrawlLimits limits;
    private final Frontier frontier;
    private final Supplier<Instant> recrawlAt;

    UrlDiscovery(Source source, StatusStep status, CrawlLimits limits, Frontier frontier, Supplier<Instant> recrawlAt) {
        this.source = source;
        this.status = status;
        this.limits = limits;
        this.frontier = frontier;
        this.recrawlAt = recrawlAt;
    }

    void discover(List<CompletableFuture<Void>> writes, String url, Task task, String kind) {
        discover(writes, url, task, kind, frontier::add);
    }

    void discover(List<CompletableFuture<Void>> writes, String url, Task task, String kind, Consumer<Task> enqueue) {
        if (!source.inScope(url)) {
            return;
        }
        // Known URLs are left as they are; a new one takes one of the run's slots, also when it is only recorded as beyond the levels.
        if (status.get(url) != null || !limits.discover()) {
            return;
        }
        UrlState fresh = UrlState.discovered(url, source.id(), task.depth(), kind, Instant.now()).reachedThrough(task.sitemaps(), task.pages());
        String beyond = limits.beyondLevels(fresh);
        if (beyond != null) {
            CompletableFuture<Void> skipped = status.discovered(fresh.with(UrlState.Status.SKIPPED, recrawlAt.get(), fresh.discoveredAt(), null, beyond));
            if (skipped != null) {
                writes.add(skipped);
            }
            return;
        }
        CompletableFuture<Void> written = status.discovered(fresh);
        if (written != null) {
            writes.add(written);
            if (limits.queue(frontier.size())) {
                enqueue.accept(task);
            }
        }
    }
}
