package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The crawl-state index: per-URL status documents written through the bulk indexer, read back at the
 * start of a run, and one lease document per source so two crawler processes never run one source at
 * the same time.
 */
public final class CrawlState {

    private static final int PAGE = 5000;

    private final Elastic elastic;
    private final BulkIndexer bulk;

    public CrawlState(Elastic elastic, BulkIndexer bulk) {
        this.elastic = elastic;
        this.bulk = bulk;
    }

    public CompletableFuture<Void> save(UrlState state) {
        return bulk.index(elastic.names().crawlState(), state.id(), state);
    }

    /** A newly found URL: written only if the URL has no state yet, so it never undoes a fetch recorded meanwhile. */
    public CompletableFuture<Void> discovered(UrlState state) {
        return bulk.createIfAbsent(elastic.names().crawlState(), state.id(), state);
    }

    /** Waits until every state write sent so far was acknowledged (or reported failed). */
    public void flush() throws InterruptedException {
        bulk.flush();
    }

    /** Every URL known for a source, by id. */
    public Map<String, UrlState> load(String source) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
        Map<String, UrlState> known = new LinkedHashMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<UrlState> page = elastic.client().search(s -> {
                s.index(elastic.names().crawlState()).size(PAGE)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source").value(source)))
                        .filter(f -> f.exists(e -> e.field("url")))))
                    .sort(o -> o.field(f -> f.field("url")));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, UrlState.class);
            List<Hit<UrlState>> hits = page.hits().hits();
            for (Hit<UrlState> hit : hits) {
                if (hit.source() != null) {
                    known.put(hit.id(), hit.source());
                }
            }
            if (hits.size() < PAGE) {
                return known;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** The lease document of a source in the crawl-state index: who holds it, and until when. */
    record Lease(String source, String kind, String lockedBy, Instant lockedUntil) {
    }

    /**
     * Takes the source's lease for {@code ttlSeconds}, or returns who holds it. Optimistic concurrency
     * (seq_no / primary_term) makes two processes racing for an expired lease end with one winner.
     */
    public Optional<String> lease(String source, String owner, long ttlSeconds) throws IOException {
        String id = "lease-" + source;
        GetResponse<Lease> current = elastic.client().get(g -> g.index(elastic.names().crawlState()).id(id), Lease.class);
        Instant now = Instant.now();
        Lease lease = new Lease(source, "lease", owner, now.plusSeconds(ttlSeconds));
        try {
            if (!current.found()) {
                elastic.client().create(c -> c.index(elastic.names().crawlState()).id(id).document(lease));
                return Optional.empty();
            }
            Lease held = current.source();
            String holder = String.valueOf(held.lockedBy());
            Instant until = held.lockedUntil();
            if (!holder.equals(owner) && until != null && until.isAfter(now) && alive(holder)) {
                return Optional.of(holder + " until " + until);
            }
            elastic.client().index(i -> i.index(elastic.names().crawlState()).id(id).document(lease)
                .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.of("another crawler (it took the lease a moment ago)");
            }
            throw e;
        }
    }

    /**
     * Owners are "host/pid/nonce". A holder on this host whose process is gone (kill -9) holds nothing;
     * holders elsewhere are trusted until their lease expires.
     */
    static boolean alive(String holder) {
        String[] parts = holder.split("/");
        if (parts.length < 2 || !parts[0].equals(Crawler.hostName())) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public void release(String source, String owner) throws IOException {
        String id = "lease-" + source;
        GetResponse<Lease> current = elastic.client().get(g -> g.index(elastic.names().crawlState()).id(id), Lease.class);
        if (current.found() && owner.equals(current.source().lockedBy())) {
            elastic.client().delete(d -> d.index(elastic.names().crawlState()).id(id));
        }
    }
}
