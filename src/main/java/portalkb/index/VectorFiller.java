package portalkb.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.config.ConfigException;
import portalkb.store.Elastic;
import portalkb.store.Passage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Consumer;

/**
 * Passage vectors off the write path: articles and passages are indexed (and searchable) without vectors, and this
 * pass embeds the passages that have none, a batch at a time, writing each vector onto the passage it was computed
 * from. A passage rewritten meanwhile (its article changed) keeps no stale vector: the write is conditional on the
 * passage's sequence number, and the new text is embedded by the next pass. Stateless: what waits is whatever the
 * index holds without a vector, so a pass resumes after a restart.
 */
public final class VectorFiller {

    /** Passages with a vector, and all passages. */
    public record Progress(long withVector, long passages) {
        public long waiting() {
            return passages - withVector;
        }
    }

    private final Elastic elastic;
    private final int batchSize;

    public VectorFiller(Elastic elastic, int batchSize) {
        if (batchSize < 1) {
            throw new ConfigException("ask.vectors.batchSize must be at least 1, got " + batchSize);
        }
        this.elastic = elastic;
        this.batchSize = batchSize;
    }

    public Progress progress() throws IOException {
        String passages = elastic.names().passages();
        long all = elastic.client().count(c -> c.index(passages)).count();
        long with = elastic.client().count(c -> c.index(passages).query(q -> q.exists(e -> e.field("vector")))).count();
        return new Progress(with, all);
    }

    /**
     * One pass over the passages without a vector (those searchable when it starts, and later ones it meets);
     * {@code afterBatch} gets the running count of vectors written. Returns how many were written.
     */
    public long fillPending(LongConsumer afterBatch) throws IOException {
        String index = elastic.names().passages();
        List<FieldValue> after = null;
        long written = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Hit<Passage>> hits = pending(index, after);
            if (hits.isEmpty()) {
                break;
            }
            written += write(index, hits);
            afterBatch.accept(written);
            after = hits.get(hits.size() - 1).sort();
        }
        if (written > 0) {
            // What this pass filled must not look empty to the next one (the index refreshes every few seconds).
            elastic.client().indices().refresh(r -> r.index(index));
        }
        return written;
    }

    /** The next page of passages without a vector after {@code after} (null: the first), with their sequence numbers. */
    List<Hit<Passage>> pending(String index, List<FieldValue> after) throws IOException {
        SearchResponse<Passage> page = elastic.client().search(s -> {
            s.index(index).size(batchSize).seqNoPrimaryTerm(true).trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes("title", "text")))
                .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("vector")))))
                .sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc)));
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        }, Passage.class);
        return page.hits().hits();
    }

    /**
     * {@code ./kb serve}: a pass every {@code intervalSeconds} on a low-priority daemon thread, so the passages crawls
     * write get their vectors while users are answered first. Closing it stops it after the batch in hand.
     */
    public AutoCloseable runEvery(int intervalSeconds, Consumer<String> log) {
        if (intervalSeconds < 1) {
            throw new ConfigException("ask.vectors.intervalSeconds must be at least 1, got " + intervalSeconds);
        }
        Thread thread = Thread.ofPlatform().name("vector-fill").daemon(true).priority(Thread.MIN_PRIORITY).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long filled = fillPending(n -> { });
                    if (filled > 0) {
                        log.accept("passage vectors: " + filled + " filled");
                    }
                    Thread.sleep(intervalSeconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.accept("passage vectors: pass failed, next in " + intervalSeconds + " s: " + e.getMessage());
                    try {
                        Thread.sleep(intervalSeconds * 1000L);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
        return thread::interrupt;
    }

    /** Embeds a page of passages as ingest used to (title, then text) and writes each vector if the passage is unchanged. */
    long write(String index, List<Hit<Passage>> hits) throws IOException {
        List<String> texts = new ArrayList<>(hits.size());
        for (Hit<Passage> hit : hits) {
            Passage source = hit.source();
            texts.add(source.title() + ". " + source.text());
        }
        List<float[]> vectors = Embeddings.embed(texts);
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (int i = 0; i < hits.size(); i++) {
            Hit<Passage> hit = hits.get(i);
            VectorUpdate partial = new VectorUpdate(vectors.get(i));
            request.operations(o -> o.update(u -> u.index(hit.index()).id(hit.id())
                .ifSeqNo(hit.seqNo()).ifPrimaryTerm(hit.primaryTerm()).action(a -> a.doc(partial))));
        }
        BulkResponse response = elastic.client().bulk(request.build());
        long stored = 0;
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                stored++;
            } else if (item.status() != 409 && item.status() != 404) {
                // 409: rewritten since it was read, 404: deleted; both are left to the next pass. Anything else is a failure.
                throw new IOException("passage vector not stored: " + item.id() + ": " + item.error().reason());
            }
        }
        return stored;
    }

    /** A passage's partial update: its vector. */
    private record VectorUpdate(float[] vector) {
    }
}
