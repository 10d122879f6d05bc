package portalkb.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aBurstAcrossAMinutesEdgeStillCountsAsOneMinute() {
        AtomicLong now = new AtomicLong(59_000);
        RateLimiter limiter = new RateLimiter(5, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.retryAfter("10.0.0.1"), "request " + (i + 1));
        }
        now.set(60_500); // a new clock minute, but only 1.5 s later
        long wait = limiter.retryAfter("10.0.0.1");
        assertTrue(wait >= 58 && wait <= 60, "the sixth request within 60 s waits until the first is a minute old: " + wait);
        assertEquals(0, limiter.retryAfter("10.0.0.2"), "other clients are not affected");
        now.set(119_001);
        assertEquals(0, limiter.retryAfter("10.0.0.1"), "a minute after the first request there is room again");
    }

    @Test
    void waitingForCountsNothingAndZeroTurnsTheLimitOff() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(2, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.waitingFor("a"));
        }
        limiter.retryAfter("a");
        limiter.retryAfter("a");
        assertTrue(limiter.waitingFor("a") > 0);
        RateLimiter off = new RateLimiter(0, now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, off.retryAfter("a"));
        }
    }
}
