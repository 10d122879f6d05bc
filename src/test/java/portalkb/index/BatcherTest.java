package portalkb.index;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatcherTest {

    @Test
    void concurrentCallersShareRequestsAndEachGetsItsOwnAnswer() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        CountDownLatch allQueued = new CountDownLatch(1);
        Batcher<Integer, Integer> squares = new Batcher<>(64, batch -> {
            if (requests.incrementAndGet() == 1) {
                try {
                    allQueued.await(); // the first request is slow: the others queue up behind it meanwhile
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            return batch.stream().map(x -> x * x).toList();
        });
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int x = i;
                answers.add(threads.submit(() -> squares.call(x)));
            }
            Thread.sleep(300);
            allQueued.countDown();
            for (int i = 0; i < 16; i++) {
                assertEquals(i * i, answers.get(i).get());
            }
        }
        assertTrue(requests.get() <= 3, "16 calls in " + requests.get() + " requests");
    }

    @Test
    void failuresReachEveryCallerAsThemselves() {
        Batcher<String, String> refusing = new Batcher<>(8, batch -> {
            throw new IllegalStateException("refused");
        });
        assertEquals("refused", assertThrows(IllegalStateException.class, () -> refusing.call("a")).getMessage());
        Batcher<String, String> down = new Batcher<>(8, batch -> {
            throw new IOException("connection refused");
        });
        assertEquals("connection refused", assertThrows(IOException.class, () -> down.call("a")).getMessage());
    }
}
