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

    /** The URLs known for a source, by id: at most {@code max}, those due soonest first (never fetched, then by next fetch). */
    public Map<String, UrlState> load(String source, int max) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
        Map<String, UrlState> known = new LinkedHashMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<UrlState> page = elastic.client().search(s -> {
                s.index(elastic.names().crawlState()).size(PAGE)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source").value(source)))
                        .filter(f -> f.exists(e -> e.field("url")))))
                    .sort(o -> o.field(f -> f.field("nextFetch").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc).missing("_first")))
                    .sort(o -> o.field(f -> f.field("url")));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, UrlState.class);
            List<Hit<UrlState>> hits = page.hits().hits();
            for (Hit<UrlState> hit : hits) {
                if (hit.source() != null && known.size() < max) {
                    known.put(hit.id(), hit.source());
                }
            }
            if (hits.size() < PAGE || known.size() >= max) {
                return known;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** The lease document of a source in the crawl-state index: who holds it, and until when. */
    record Lease(String source, String kind, String lockedBy, Instant lockedUntil) {
    }

    /**
     * A lease this process holds: the version it wrote (sequence number and primary term), so that renewing
     * or releasing it only ever touches that very document, never one another crawler wrote since.
     */
    record HeldLease(String source, String owner, long seqNo, long primaryTerm, Instant until) {
    }

    /** The lease was taken by another crawler, or could not be renewed before it ran out: the run must stop. */
    static final class LeaseLost extends Exception {
        LeaseLost(String message) {
            super(message);
        }
    }

    /** What asking for a lease gave: the lease, or who holds it. */
    record LeaseAttempt(HeldLease held, String heldBy) {
        boolean granted() {
            return held != null;
        }
    }

    /**
     * Takes the source's lease for {@code ttlSeconds}, or says who holds it. Optimistic concurrency
     * (seq_no / primary_term) makes two processes racing for an expired lease end with one winner.
     */
    LeaseAttempt lease(String source, String owner, long ttlSeconds) throws IOException {
        String id = "lease-" + source;
        GetResponse<Lease> current = elastic.client().get(g -> g.index(elastic.names().crawlState()).id(id), Lease.class);
        Instant now = Instant.now();
        Lease lease = new Lease(source, "lease", owner, now.plusSeconds(ttlSeconds));
        try {
            if (!current.found()) {
                var created = elastic.client().create(c -> c.index(elastic.names().crawlState()).id(id).document(lease));
                return new LeaseAttempt(new HeldLease(source, owner, created.seqNo(), created.primaryTerm(), lease.lockedUntil()), null);
            }
            Lease held = current.source();
            String holder = String.valueOf(held.lockedBy());
            Instant until = held.lockedUntil();
            if (!holder.equals(owner) && until != null && until.isAfter(now) && alive(holder)) {
                return new LeaseAttempt(null, holder + " until " + until);
            }
            var written = elastic.client().index(i -> i.index(elastic.names().crawlState()).id(id).document(lease)
                .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return new LeaseAttempt(new HeldLease(source, owner, written.seqNo(), written.primaryTerm(), lease.lockedUntil()), null);
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return new LeaseAttempt(null, "another crawler (it took the lease a moment ago)");
            }
            throw e;
        }
    }

    /**
     * Extends a held lease by {@code ttlSeconds}, on condition that nobody wrote the lease document since this
     * process did (a fenced write); otherwise the lease is lost.
     */
    HeldLease renew(HeldLease lease, long ttlSeconds) throws IOException, LeaseLost {
        Lease renewed = new Lease(lease.source(), "lease", lease.owner(), Instant.now().plusSeconds(ttlSeconds));
        try {
            var written = elastic.client().index(i -> i.index(elastic.names().crawlState()).id("lease-" + lease.source()).document(renewed)
                .ifSeqNo(lease.seqNo()).ifPrimaryTerm(lease.primaryTerm()));
            return new HeldLease(lease.source(), lease.owner(), written.seqNo(), written.primaryTerm(), renewed.lockedUntil());
        } catch (ElasticsearchException e) {
            if (e.status() == 409 || e.status() == 404) {
                throw new LeaseLost("lease of " + lease.source() + " lost: " + holderNow(lease.source()) + " holds it now");
            }
            throw e;
        }
    }

    private String holderNow(String source) {
        try {
            GetResponse<Lease> current = elastic.client().get(g -> g.index(elastic.names().crawlState()).id("lease-" + source), Lease.class);
            return current.found() ? String.valueOf(current.source().lockedBy()) : "nobody";
        } catch (IOException | RuntimeException e) {
            return "another crawler";
        }
    }

    /**
     * Owners are "host/pid/nonce/namespace" ({@link Crawler#newOwner}). A holder whose process could be seen
     * from here (same host and same process namespace) and is gone (kill -9) holds nothing; any other holder
     * is trusted until its lease expires: a container with the same host name has PIDs of its own.
     */
    static boolean alive(String holder) {
        String[] parts = holder.split("/");
        if (parts.length < 4 || !parts[0].equals(Crawler.hostName()) || !parts[3].equals(Crawler.processNamespace())
            || Crawler.processNamespace().isEmpty()) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Deletes the lease only if it is still the version this process wrote. */
    void release(HeldLease lease) throws IOException {
        try {
            elastic.client().delete(d -> d.index(elastic.names().crawlState()).id("lease-" + lease.source())
                .ifSeqNo(lease.seqNo()).ifPrimaryTerm(lease.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
            // Another crawler holds it now (or nobody): it is not ours to delete.
        }
    }
}
