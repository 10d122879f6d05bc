package portalkb.crawl;

import portalkb.core.UrlNormalizer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one writer of crawl state in a run (StormCrawler's status updater): the fetch, parse and index
 * steps hand it what they found, and it alone writes URL states. A page's state that records its
 * content waits until everything the page produced (article, passages, facts, the links it queued) was
 * acknowledged by Elasticsearch; if that write fails for good, the page is written back as due now
 * without its content hash, so no later run mistakes it for unchanged. A process killed in between
 * leaves the earlier state, and the next run fetches the page again.
 */
final class StatusStep implements AutoCloseable {

    private final CrawlState store;
    private final Map<String, UrlState> known = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** URLs whose latest state waits for its writes to be acknowledged, with what it waits for. */
    private final Map<String, CompletableFuture<Void>> unacknowledged = new ConcurrentHashMap<>();
    private final ExecutorService writer;

    StatusStep(CrawlState store, String sourceId) {
        this.store = store;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crawl-status-" + sourceId);
            t.setDaemon(true);
            return t;
        });
    }

    void load(Map<String, UrlState> states) {
        known.putAll(states);
    }

    Iterable<UrlState> all() {
        return known.values();
    }

    UrlState get(String url) {
        return known.get(UrlNormalizer.id(url));
    }

    /** The state of {@code url}, or a new "discovered" one kept in memory only (the page is being worked on now). */
    UrlState getOrStart(String url, String source, int depth, String kind) {
        return known.computeIfAbsent(UrlNormalizer.id(url), id -> UrlState.discovered(url, source, depth, kind, Instant.now()));
    }

    /** A URL seen for the first time: recorded (never over an existing state); null when it was known already. */
    CompletableFuture<Void> discovered(UrlState fresh) {
        if (known.putIfAbsent(fresh.id(), fresh) != null) {
            return null;
        }
        return store.discovered(fresh);
    }

    /**
     * A state that depends on nothing else being stored; but if an earlier state of this URL still waits
     * for its article (a redirect target met again as its own task), this one waits behind it.
     */
    void record(UrlState state) {
        CompletableFuture<Void> earlier = unacknowledged.get(state.id());
        if (earlier != null && !earlier.isDone()) {
            recordAfter(state, earlier, state.dueAgain(SourceRun.NOT_STORED));
            return;
        }
        known.put(state.id(), state);
        store.save(state);
    }

    /**
     * {@code state} once {@code stored} completes; {@code ifNotStored} (the page due again, no hash) if it
     * fails. The run sees {@code state} at once.
     */
    void recordAfter(UrlState state, CompletableFuture<Void> stored, UrlState ifNotStored) {
        known.put(state.id(), state);
        if (stored.isDone() && !stored.isCompletedExceptionally()) {
            store.save(state);
            return;
        }
        waiting.incrementAndGet();
        unacknowledged.put(state.id(), stored);
        stored.whenCompleteAsync((ok, failure) -> {
            try {
                UrlState outcome = failure == null ? state : ifNotStored;
                known.put(outcome.id(), outcome);
                store.save(outcome);
            } finally {
                unacknowledged.remove(state.id(), stored);
                waiting.decrementAndGet();
            }
        }, writer);
    }

    /** States still waiting for their article's acknowledgement. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
