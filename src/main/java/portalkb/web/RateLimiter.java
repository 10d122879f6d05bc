package portalkb.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Requests per client in any 60 seconds (a sliding window of the allowed requests' times); 0 turns it off.
 * Fixed one-minute windows let twice the limit through across a minute's edge and forgot a burst that
 * straddled it.
 */
final class RateLimiter {

    private static final long WINDOW_MS = 60_000;
    private static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> clients = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    RateLimiter(int perMinute) {
        this(perMinute, System::currentTimeMillis);
    }

    RateLimiter(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a request: seconds to wait when the client is over the limit (the request is refused and not counted), else 0. */
    long retryAfter(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long last = lastSweep.get();
        // Forgetting idle clients walks the whole map: at most once a second, not on every request of a busy server.
        if (clients.size() > MAX_CLIENTS && now - last >= 1000 && lastSweep.compareAndSet(last, now)) {
            clients.entrySet().removeIf(e -> idle(e.getValue(), now));
        }
        Deque<Long> times = clients.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            long wait = wait(times, now);
            if (wait == 0) {
                times.addLast(now);
            }
            return wait;
        }
    }

    /** Seconds to wait when this client has already used up its allowance, else 0; counts nothing. */
    long waitingFor(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        Deque<Long> times = clients.get(client);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            return wait(times, clock.getAsLong());
        }
    }

    private long wait(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
            times.pollFirst();
        }
        if (times.size() < perMinute) {
            return 0;
        }
        return Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
    }

    private static boolean idle(Deque<Long> times, long now) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast() <= now - WINDOW_MS;
        }
    }
}
