package portalkb.crawl;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one source's run, and their snapshot at the end. */
public final class SourceReport {

    private static final int KEPT_ERRORS = 20;

    public final String source;
    public final long startedAt = System.currentTimeMillis();
    public final AtomicLong fetched = new AtomicLong();
    public final AtomicLong indexed = new AtomicLong();
    public final AtomicLong changed = new AtomicLong();
    public final AtomicLong unchanged = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
    public final AtomicLong errors = new AtomicLong();
    public final AtomicLong duplicates = new AtomicLong();
    /** Re-fetched pages that no longer looked like their live article: the live version was kept. */
    public final AtomicLong refused = new AtomicLong();
    /** Times the crawl waited for an unreachable Elasticsearch. */
    public final AtomicLong pausedForElasticsearch = new AtomicLong();
    /** Time spent per step, summed over threads (ns): where a crawl's time goes. */
    public final AtomicLong fetchNanos = new AtomicLong();
    public final AtomicLong parseNanos = new AtomicLong();
    public final AtomicLong indexNanos = new AtomicLong();
    private final ConcurrentLinkedDeque<String> recentErrors = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<String> recentRefusals = new ConcurrentLinkedDeque<>();
    private volatile String status = "running";
    private volatile long endedAt;

    public SourceReport(String source) {
        this.source = source;
    }

    public void error(String url, String message) {
        errors.incrementAndGet();
        recentErrors.addLast(url + " — " + message);
        while (recentErrors.size() > KEPT_ERRORS) {
            recentErrors.pollFirst();
        }
    }

    /** Something the operator should see that is not a failed page: a limit reached, a redirect not followed. */
    public void note(String url, String message) {
        String line = url + " — " + message;
        if (!recentErrors.contains(line)) {
            recentErrors.addLast(line);
        }
        while (recentErrors.size() > KEPT_ERRORS) {
            recentErrors.pollFirst();
        }
    }

    /** A re-fetched page that did not replace its live article, and why. */
    public void refusal(String url, String reason) {
        refused.incrementAndGet();
        recentRefusals.addLast(url + " — " + reason);
        while (recentRefusals.size() > KEPT_ERRORS) {
            recentRefusals.pollFirst();
        }
    }

    public List<String> recentErrors() {
        return List.copyOf(recentErrors);
    }

    public List<String> recentRefusals() {
        return List.copyOf(recentRefusals);
    }

    public void finish(String finalStatus) {
        status = finalStatus;
        endedAt = System.currentTimeMillis();
    }

    public String status() {
        return status;
    }

    public long endedAt() {
        return endedAt;
    }

    public double seconds() {
        return ((endedAt == 0 ? System.currentTimeMillis() : endedAt) - startedAt) / 1000.0;
    }

    public double pagesPerSecond() {
        double s = seconds();
        return s <= 0 ? 0 : fetched.get() / s;
    }
}
