package portalkb.crawl;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A crawl's request to Elasticsearch, retried while the cluster does not answer (back-off 1 s doubling to 30 s)
 * until it does or the crawl is being stopped: a restarting cluster pauses the crawl instead of ending it.
 */
final class ElasticsearchWait {

    interface Call<T> {
        T call() throws IOException;
    }

    private final AtomicBoolean stopRequested;
    /** Counts each pause (the run's report shows them). */
    private final AtomicLong pauses;

    ElasticsearchWait(AtomicBoolean stopRequested, AtomicLong pauses) {
        this.stopRequested = stopRequested;
        this.pauses = pauses;
    }

    <T> T until(Call<T> call) throws IOException {
        long backoff = 1000;
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                if (stopRequested.get()) {
                    throw e;
                }
                pauses.incrementAndGet();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(30_000, backoff * 2);
            }
        }
    }
}
