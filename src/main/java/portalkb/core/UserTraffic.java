package portalkb.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * User requests (searches, asks) being answered in this process right now. Background work that shares the
 * process and its CPU with them — crawls under {@code ./kb serve} — waits briefly while any are in flight, so that
 * the users' tail latency is not the crawl's.
 */
public final class UserTraffic {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final long STEP_MS = 10;

    private UserTraffic() {
    }

    public static void started() {
        IN_FLIGHT.incrementAndGet();
    }

    public static void finished() {
        IN_FLIGHT.updateAndGet(n -> Math.max(0, n - 1));
    }

    public static boolean busy() {
        return IN_FLIGHT.get() > 0;
    }

    /** Waits while user requests are in flight, at most {@code maxWaitMs} (0: not at all); returns the milliseconds waited. */
    public static long yieldTo(long maxWaitMs) throws InterruptedException {
        long waited = 0;
        while (waited < maxWaitMs && busy()) {
            Thread.sleep(STEP_MS);
            waited += STEP_MS;
        }
        return waited;
    }
}
