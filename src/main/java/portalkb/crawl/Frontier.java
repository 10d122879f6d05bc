package portalkb.crawl;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The URLs one run has still to work, breadth first and in the order found within one depth (links are
 * worked in page order), shared by the run's workers. The run is over when nothing is queued and no
 * worker holds a URL (its links may still come), or when {@code maxPages} were taken.
 */
final class Frontier {

    /** {@code sitemaps}, {@code pages}: sitemap indexes and next-page links followed to get here; {@code referrer}: the page that linked it, or null. */
    record Task(String url, int depth, int sitemaps, int pages, String referrer, long order) {
        Task(String url, int depth, int sitemaps, int pages) {
            this(url, depth, sitemaps, pages, null, ORDER.incrementAndGet());
        }

        Task(String url, int depth, String referrer) {
            this(url, depth, 0, 0, referrer, ORDER.incrementAndGet());
        }
    }

    private static final AtomicLong ORDER = new AtomicLong();

    private final PriorityBlockingQueue<Task> queue = new PriorityBlockingQueue<>(64,
        Comparator.comparingInt(Task::depth).thenComparingLong(Task::order));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final int maxPages;

    Frontier(int maxPages) {
        this.maxPages = maxPages;
    }

    void add(Task task) {
        queue.add(task);
    }

    int size() {
        return queue.size();
    }

    /**
     * The next URL for a worker, held until {@link #done}; null when the run is over (or {@code stop} was
     * set). Waits while nothing is queued but others still work: their pages may add links.
     */
    Task next(AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            Task task = queue.poll(50, TimeUnit.MILLISECONDS);
            if (task == null) {
                if (inFlight.get() == 0 && queue.isEmpty()) {
                    return null;
                }
                continue;
            }
            if (taken.incrementAndGet() > maxPages) {
                return null;
            }
            inFlight.incrementAndGet();
            return task;
        }
        return null;
    }

    void done() {
        inFlight.decrementAndGet();
    }
}
