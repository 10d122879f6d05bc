package portalkb.store;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import portalkb.store.Elastic;
import portalkb.store.WriteBlocks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Writes documents through the client's BulkIngester (batches by count and bytes). Operations refused
 * with 429 or 5xx, and whole requests that fail (cluster down), are retried with exponential back-off;
 * what still fails is reported per document — nothing is dropped silently. Each operation's future
 * completes once Elasticsearch acknowledged it (or fails with {@link NotStored}), so a caller can make
 * one write wait for another (the crawl state waits for its article). Operations on one document are sent
 * in the order given, each after the one before it settled, so a retry never overtakes a newer write.
 */
public final class BulkIndexer implements AutoCloseable {

    public record Failure(String index, String id, int status, String reason) {
    }

    public record Settings(int maxOperations, long maxBytes, int maxConcurrentRequests, int maxAttempts, Duration firstBackoff) {
        public static final Settings DEFAULT = new Settings(1000, 5L << 20, 2, 8, Duration.ofMillis(200));
    }

    /** The future of an operation Elasticsearch refused for good. */
    public static final class NotStored extends RuntimeException {
        public final transient Failure failure;

        NotStored(Failure failure) {
            super(failure.index() + "/" + failure.id() + ": " + failure.reason(), null, false, false);
            this.failure = failure;
        }
    }

    private record Op(BulkOperation operation, String index, String id, int attempt, CompletableFuture<Void> acknowledged) {
    }

    private final BulkIngester<Op> ingester;
    private final Settings settings;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulk-retry");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong pending = new AtomicLong();
    /** Per index and id, the settling of the last operation given: the next one on that document waits for it. */
    private final java.util.Map<String, CompletableFuture<Void>> lastByKey = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong failed = new AtomicLong();
    private final Consumer<Failure> onFailure;

    public BulkIndexer(Elastic elastic) {
        this(elastic, Settings.DEFAULT, failure -> { });
    }

    public BulkIndexer(Elastic elastic, Settings settings, Consumer<Failure> onFailure) {
        this.settings = settings;
        this.onFailure = onFailure;
        this.ingester = BulkIngester.of(b -> b.client(elastic.client())
            .maxOperations(settings.maxOperations())
            .maxSize(settings.maxBytes())
            .maxConcurrentRequests(settings.maxConcurrentRequests())
            .flushInterval(1, TimeUnit.SECONDS)
            .listener(new Listener()));
    }

    public CompletableFuture<Void> index(String index, String id, Object document) {
        return submit(BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(document))), index, id);
    }

    /**
     * Writes {@code document} once {@code before} completed (every write it stands for acknowledged); if
     * {@code before} failed, this write is never sent and its future fails the same way. What a reader
     * takes as proof that other writes landed (an article and its content hash, for its passages) goes
     * last this way. Counted as pending from now, so {@link #flush} waits for it.
     */
    public CompletableFuture<Void> indexAfter(CompletableFuture<Void> before, String index, String id, Object document) {
        return submit(BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(document))), index, id, before);
    }

    /**
     * Writes only if no document has this id yet (an existing one wins, and that is not an error).
     * Bulk requests run concurrently and retries come later, so a first-seen record must never
     * overwrite a newer one that happened to arrive first.
     */
    public CompletableFuture<Void> createIfAbsent(String index, String id, Object document) {
        return submit(BulkOperation.of(o -> o.create(c -> c.index(index).id(id).document(document))), index, id);
    }

    public CompletableFuture<Void> delete(String index, String id) {
        return submit(BulkOperation.of(o -> o.delete(d -> d.index(index).id(id))), index, id);
    }

    /** Sets the fields of {@code partial} on an existing document; a missing one is not an error. */
    public CompletableFuture<Void> update(String index, String id, Object partial) {
        return submit(BulkOperation.of(o -> o.update(u -> u.index(index).id(id).action(a -> a.doc(partial)))), index, id);
    }

    private CompletableFuture<Void> submit(BulkOperation operation, String index, String id) {
        return submit(operation, index, id, null);
    }

    /**
     * Operations on one document go out in the order they were given: one waits until the one before it is
     * settled (acknowledged, or failed after its retries), so a retried older write never lands after a newer
     * one. {@code before} (null for none) must succeed first, else the operation fails without being sent.
     */
    private CompletableFuture<Void> submit(BulkOperation operation, String index, String id, CompletableFuture<Void> before) {
        pending.incrementAndGet();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        String key = index + "\u0000" + id;
        CompletableFuture<Void> settled = acknowledged.handle((ok, failure) -> null);
        CompletableFuture<Void> earlier = lastByKey.put(key, settled);
        settled.whenComplete((ok, failure) -> lastByKey.remove(key, settled));
        Op op = new Op(operation, index, id, 1, acknowledged);
        if ((earlier == null || earlier.isDone()) && before == null) {
            ingester.add(operation, op);
            return acknowledged;
        }
        CompletableFuture<Void> turn = earlier == null ? CompletableFuture.completedFuture(null) : earlier;
        CompletableFuture<Throwable> precondition = before == null ? CompletableFuture.completedFuture(null) : before.handle((ok, failure) -> failure);
        // Added from the retry thread, never from a listener that completed a future (an add may wait for a free request slot).
        turn.thenCombine(precondition, (ok, failure) -> failure).thenAcceptAsync(failure -> {
            if (failure == null) {
                ingester.add(operation, op);
            } else {
                pending.decrementAndGet();
                acknowledged.completeExceptionally(failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : failure);
            }
        }, retries);
        return acknowledged;
    }

    /** Sends what is buffered now, without waiting. */
    public void send() {
        ingester.flush();
    }

    /** Sends what is buffered and waits until every operation succeeded or was reported failed. */
    public void flush() throws InterruptedException {
        while (pending.get() > 0) {
            ingester.flush();
            Thread.sleep(20);
        }
    }

    public long succeeded() {
        return succeeded.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long retriedCount() {
        return retried.get();
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        flush();
        ingester.close();
        retries.shutdownNow();
    }

    private void retryOrFail(Op op, int status, String reason) {
        if (op.attempt() < settings.maxAttempts()) {
            retried.incrementAndGet();
            long delay = settings.firstBackoff().toMillis() << Math.min(op.attempt() - 1, 8);
            retries.schedule(() -> ingester.add(op.operation(),
                new Op(op.operation(), op.index(), op.id(), op.attempt() + 1, op.acknowledged())), delay, TimeUnit.MILLISECONDS);
        } else {
            fail(op, status, reason + " (after " + op.attempt() + " attempts)");
        }
    }

    private void fail(Op op, int status, String reason) {
        Failure failure = new Failure(op.index(), op.id(), status, reason);
        failed.incrementAndGet();
        if (failures.size() < 1000) {
            failures.add(failure);
        }
        pending.decrementAndGet();
        onFailure.accept(failure);
        op.acknowledged().completeExceptionally(new NotStored(failure));
    }

    /**
     * 429 and 5xx pass; a full disk (flood-stage block, also a 429) does not pass in minutes, so it fails at once.
     * A write block (403) is what ./kb reindex puts on the index it copies: the write waits for the alias to move.
     */
    private static boolean retryable(int status, String reason) {
        return (status == 429 || status >= 500) && !WriteBlocks.isDiskFull(reason) || WriteBlocks.isWriteBlock(reason);
    }

    private final class Listener implements BulkListener<Op> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Op> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Op> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Op op = contexts.get(i);
                boolean deleteOfMissing = item.status() == 404 && op.operation().isDelete();
                boolean createOfExisting = item.status() == 409 && op.operation().isCreate();
                boolean updateOfMissing = item.status() == 404 && op.operation().isUpdate();
                if (item.error() == null || deleteOfMissing || createOfExisting || updateOfMissing) {
                    succeeded.incrementAndGet();
                    pending.decrementAndGet();
                    op.acknowledged().complete(null);
                } else if (retryable(item.status(), item.error().reason())) {
                    retryOrFail(op, item.status(), item.error().reason());
                } else {
                    fail(op, item.status(), item.error().type() + ": " + item.error().reason());
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Op> contexts, Throwable failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            int status = failure instanceof ElasticsearchException es ? es.status() : 0;
            for (Op op : contexts) {
                if (status == 0 || retryable(status, reason)) {
                    retryOrFail(op, status, reason); // network failure, 429 or 5xx: the cluster may come back
                } else {
                    fail(op, status, reason);
                }
            }
        }
    }
}
