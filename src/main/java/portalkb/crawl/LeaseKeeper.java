package portalkb.crawl;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps a source run's lease: renews it every tenth of its time with a fenced write
 * ({@link CrawlState#renew}), and calls {@code onLost} once, with the reason, when another crawler took it or
 * when it ran out before a renewal reached Elasticsearch (then another crawler may hold it): the run stops.
 */
final class LeaseKeeper implements AutoCloseable {

    private final CrawlState state;
    private final long ttlSeconds;
    private final Consumer<String> onLost;
    private final AtomicReference<CrawlState.HeldLease> held;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService renewal;

    LeaseKeeper(CrawlState state, CrawlState.HeldLease lease, long ttlSeconds, Consumer<String> onLost) {
        this.state = state;
        this.ttlSeconds = ttlSeconds;
        this.onLost = onLost;
        this.held = new AtomicReference<>(lease);
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + lease.source());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, ttlSeconds * 100);
        renewal.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** The lease as last written by this process. */
    CrawlState.HeldLease held() {
        return held.get();
    }

    private void renew() {
        if (lost.get()) {
            return;
        }
        try {
            held.set(state.renew(held.get(), ttlSeconds));
        } catch (CrawlState.LeaseLost e) {
            lose(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // Elasticsearch unreachable: the run waits for it too. Past the lease's end, another crawler may have taken it.
            if (Instant.now().isAfter(held.get().until())) {
                lose("lease of " + held.get().source() + " ran out while Elasticsearch could not be reached");
            }
        }
    }

    private void lose(String reason) {
        if (lost.compareAndSet(false, true)) {
            onLost.accept(reason);
        }
    }

    @Override
    public void close() {
        renewal.shutdownNow();
    }
}
