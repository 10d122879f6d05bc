package portalkb.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletionException;

/**
 * Natural batching of blocking calls from many threads: a caller that finds no batch in flight sends
 * everything queued (up to {@code maxBatch}) in one request and hands each caller its answer; callers
 * arriving meanwhile wait for the next batch. Nothing waits for a batch to fill, so one caller alone
 * pays no delay; under load, one round trip serves many.
 */
final class Batcher<Q, A> {

    interface BatchCall<Q, A> {
        List<A> call(List<Q> batch) throws IOException;
    }

    private record Pending<Q, A>(Q question, CompletableFuture<A> answer) {
    }

    private final int maxBatch;
    private final BatchCall<Q, A> call;
    private final ConcurrentLinkedQueue<Pending<Q, A>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    Batcher(int maxBatch, BatchCall<Q, A> call) {
        this.maxBatch = maxBatch;
        this.call = call;
    }

    A call(Q question) throws IOException {
        Pending<Q, A> mine = new Pending<>(question, new CompletableFuture<>());
        queue.add(mine);
        while (!mine.answer().isDone()) {
            if (sending.compareAndSet(false, true)) {
                try {
                    sendQueued();
                } finally {
                    sending.set(false);
                }
            } else {
                try {
                    mine.answer().get(2, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // not answered yet (the loop may send it), or failed (reported below)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for a batched request", e);
                }
            }
        }
        try {
            return mine.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // as if called alone: a refused request is not a network failure to wait out
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void sendQueued() {
        List<Pending<Q, A>> batch = new ArrayList<>();
        for (Pending<Q, A> p = queue.poll(); p != null; p = batch.size() < maxBatch ? queue.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<A> answers = call.call(batch.stream().map(Pending::question).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (IOException | RuntimeException e) {
            batch.forEach(p -> p.answer().completeExceptionally(e));
        }
    }
}
