package portalkb.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background work yields to user requests in flight, for a bounded time, and not at all when there are none. */
class UserTrafficTest {

    @Test
    void waitsWhileUsersAreAnsweredButNeverLongerThanItsBound() throws Exception {
        assertFalse(UserTraffic.busy());
        assertEquals(0, UserTraffic.yieldTo(1000), "no user request: no wait");

        UserTraffic.started();
        try {
            assertTrue(UserTraffic.busy());
            assertEquals(50, UserTraffic.yieldTo(50), "a request that never ends holds a crawl worker only up to the bound");
            assertEquals(0, UserTraffic.yieldTo(0), "0 = never wait");
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return UserTraffic.yieldTo(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertFalse(waiting.isDone(), "still waiting while the request is answered");
            UserTraffic.finished();
            assertTrue(waiting.get() < 60_000, "goes on once the request is answered");
        } finally {
            UserTraffic.finished();
        }
        assertFalse(UserTraffic.busy(), "finished() never counts below zero");
    }
}
