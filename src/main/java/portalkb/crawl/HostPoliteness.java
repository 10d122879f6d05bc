package portalkb.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One request per host per delay: callers reserve the host's next slot and sleep until it comes. */
public final class HostPoliteness {

    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    public void await(String authority, long delayMs) throws InterruptedException {
        if (delayMs <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        long[] mine = new long[1];
        nextSlot.compute(authority, (host, next) -> {
            long slot = next == null ? now : Math.max(now, next);
            mine[0] = slot;
            return slot + delayMs;
        });
        long wait = mine[0] - now;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
