package portalkb.web;

import io.javalin.http.Context;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Where questions are answered: a pool of at most {@code server.maxConcurrentAsks} threads. An ask beyond
 * that waits at most {@code server.askAdmissionWaitMs} for a place (a burst of offline answers frees places
 * within milliseconds), then is refused (503, the client may retry) rather than queued behind model calls
 * that take minutes. The request's own thread only waits and watches its client: when the client hangs up, the ask's
 * thread is interrupted, which cancels a model call in flight, and its place is free once the work stops.
 */
final class AskGate {

    static final String BUSY = "too many questions are being answered right now; try again in a few seconds";
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore places;
    private final ThreadPoolExecutor pool;
    private final long admissionWaitMs;

    AskGate(int maxConcurrent, long admissionWaitMs) {
        int n = Math.max(1, maxConcurrent);
        this.admissionWaitMs = Math.max(0, admissionWaitMs);
        this.places = new Semaphore(n);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ask-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** A 503 for a full gate, before a stream commits its 200 (a stream may still meet a full gate later and says so in an event). */
    void checkOpen(Context ctx) {
        if (!admitted()) {
            throw busy(ctx);
        }
        places.release();
    }

    /** Takes a place, waiting for one at most the admission wait. */
    private boolean admitted() {
        try {
            return places.tryAcquire(admissionWaitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ApiException busy(Context ctx) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return new ApiException(503, BUSY);
    }

    /**
     * Runs {@code work} in the gate and waits for it; empty when the client went away (the work was
     * cancelled). Its exceptions are rethrown as they are. {@code alsoGone} adds a sign of a departed client
     * (a stream whose writes failed).
     */
    <T> Optional<T> run(Context ctx, Callable<T> work, BooleanSupplier alsoGone) {
        if (!admitted()) {
            throw busy(ctx);
        }
        AtomicBoolean started = new AtomicBoolean();
        Future<T> answer;
        try {
            answer = pool.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return work.call();
                } finally {
                    places.release(); // before the answer is handed back: the next ask finds the place free
                }
            });
        } catch (RuntimeException e) {
            places.release();
            throw e;
        }
        try (ClientWatch watch = ClientWatch.start(ctx, () -> answer.cancel(true))) {
            while (true) {
                try {
                    return Optional.of(answer.get(250, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (watch.gone() || alsoGone.getAsBoolean()) {
                        answer.cancel(true);
                    }
                }
            }
        } catch (CancellationException e) {
            releaseIfNeverStarted(started);
            return Optional.empty();
        } catch (InterruptedException e) {
            answer.cancel(true);
            releaseIfNeverStarted(started);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A cancelled ask that never started never reaches its own release. */
    private void releaseIfNeverStarted(AtomicBoolean started) {
        if (started.compareAndSet(false, true)) {
            places.release();
        }
    }
}
