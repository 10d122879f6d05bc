package portalkb.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests per client per minute (fixed one-minute windows); 0 turns it off. */
final class RateLimiter {

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Seconds to wait when over the limit, else 0. */
    long retryAfter(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        Window w = windows.compute(client, (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
        }
        return w.count() > perMinute ? Math.max(1, 60 - (now / 1000) % 60) : 0;
    }

    /** Seconds to wait when this client has already used up the minute's allowance, else 0; counts nothing. */
    long waitingFor(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = System.currentTimeMillis();
        Window w = windows.get(client);
        return w != null && w.minute() == now / 60_000 && w.count() >= perMinute ? Math.max(1, 60 - (now / 1000) % 60) : 0;
    }
}
