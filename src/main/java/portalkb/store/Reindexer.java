package portalkb.store;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.indices.IndicesBlockOptions;
import co.elastic.clients.json.JsonData;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a changed index definition without losing a write: the old index gets a write block (Elasticsearch
 * lets the writes in flight finish first; later ones are refused, and our bulk indexer retries them until the
 * alias has moved, so crawls and imports wait), the documents are copied into the new index (scroll + bulk:
 * the local node has no _reindex module, and copying client-side works the same on any cluster), the copy is
 * verified, the alias moves in one atomic call, and only then is the old index deleted. Searches use the old
 * index until the switch. A copy that fails lifts the block and removes the partial new index, never an index an
 * alias points to. One reindex at a time: a lock index ({@code <prefix>-reindex-lock}, created atomically) refuses
 * a second one; a lock whose process on this host is gone (kill -9) is taken over.
 */
public final class Reindexer {

    private static final int PAGE = 1000;

    private final Elastic elastic;
    private final IndexInitializer initializer;

    public Reindexer(Elastic elastic) {
        this.elastic = elastic;
        this.initializer = new IndexInitializer(elastic);
    }

    public record Result(String alias, String from, String to, long documents) {
    }

    /** Reindexes every outdated kind; up-to-date ones are left alone. */
    public List<Result> reindexOutdated(Consumer<String> progress) throws IOException {
        List<Result> results = new ArrayList<>();
        for (String kind : IndexConfig.KINDS) {
            IndexConfig config = IndexConfig.load(kind);
            IndexInitializer.Result state = initializer.initialise(config);
            if (state.state() == IndexInitializer.State.OUTDATED) {
                results.add(reindex(config, state.index(), state.expectedIndex(), progress));
            }
        }
        return results;
    }

    Result reindex(IndexConfig config, String from, String to, Consumer<String> progress) throws IOException {
        String lock = lock();
        try {
            return reindexLocked(config, from, to, progress);
        } finally {
            elastic.client().indices().delete(d -> d.index(lock).ignoreUnavailable(true));
        }
    }

    private Result reindexLocked(IndexConfig config, String from, String to, Consumer<String> progress) throws IOException {
        String alias = elastic.names().alias(config.kind());
        if (!aliasesOf(from).contains(alias)) {
            throw new IllegalStateException(alias + " no longer points at " + from + ": another reindex moved it; nothing was done");
        }
        if (elastic.client().indices().exists(e -> e.index(to)).value() && aliasesOf(to).isEmpty()) {
            // Left over from an interrupted reindex: start the copy again from scratch.
            elastic.client().indices().delete(d -> d.index(to));
        }
        initializer.createIndex(config, to, null);
        long copied;
        try {
            elastic.client().indices().addBlock(b -> b.index(from).block(IndicesBlockOptions.Write));
            progress.accept(alias + ": writes to " + from + " wait while it is copied into " + to);
            // Every acknowledged write is searchable, hence in the scroll's snapshot.
            elastic.client().indices().refresh(r -> r.index(from));
            copied = copy(alias, from, to, progress);
            elastic.client().indices().refresh(r -> r.index(to));
            verify(from, to, copied);
            elastic.client().indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
        } catch (IOException | RuntimeException e) {
            undo(from, to, e);
            throw e;
        }
        elastic.client().indices().delete(d -> d.index(from));
        return new Result(alias, from, to, copied);
    }

    private long copy(String alias, String from, String to, Consumer<String> progress) throws IOException {
        long copied = 0;
        // Scroll over _doc: a consistent snapshot of the old index, cheapest order to read it in.
        ResponseBody<JsonData> page = elastic.client().search(s -> s.index(from).size(PAGE).scroll(t -> t.time("2m"))
            .sort(o -> o.doc(d -> d.order(SortOrder.Asc))), JsonData.class);
        String scrollId = page.scrollId();
        try {
            while (!page.hits().hits().isEmpty()) {
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (Hit<JsonData> hit : page.hits().hits()) {
                    bulk.operations(op -> op.index(i -> i.index(to).id(hit.id()).document(hit.source())));
                }
                BulkResponse response = elastic.client().bulk(bulk.build());
                if (response.errors()) {
                    String reason = response.items().stream().filter(i -> i.error() != null).findFirst()
                        .map(i -> i.error().reason()).orElse("unknown");
                    throw new IOException("copying " + from + " → " + to + " failed (the alias still points at " + from + "): " + reason);
                }
                copied += page.hits().hits().size();
                progress.accept(alias + ": " + copied + " documents copied");
                String current = scrollId;
                page = elastic.client().scroll(r -> r.scrollId(current).scroll(t -> t.time("2m")), JsonData.class);
                scrollId = page.scrollId();
            }
        } finally {
            String last = scrollId;
            if (last != null) {
                elastic.client().clearScroll(c -> c.scrollId(last));
            }
        }
        return copied;
    }

    /** The old index is blocked, so both counts are final: they must match before anything is switched or deleted. */
    private void verify(String from, String to, long copied) throws IOException {
        long source = elastic.client().count(c -> c.index(from)).count();
        long target = elastic.client().count(c -> c.index(to)).count();
        if (source != target || target != copied) {
            throw new IOException("the copy of " + from + " is incomplete (" + target + " of " + source
                + " documents in " + to + "); the alias still points at " + from + " and nothing was deleted");
        }
    }

    /** After a failed copy: the old index takes writes again and the partial copy goes. */
    private void undo(String from, String to, Exception cause) {
        try {
            elastic.client().indices().putSettings(p -> p.index(from).settings(s -> s.blocks(b -> b.write(false))));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            if (aliasesOf(to).isEmpty()) {
                elastic.client().indices().delete(d -> d.index(to).ignoreUnavailable(true));
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The aliases pointing at {@code index} (none when it does not exist). */
    private java.util.Set<String> aliasesOf(String index) throws IOException {
        if (!elastic.client().indices().exists(e -> e.index(index)).value()) {
            return java.util.Set.of();
        }
        return elastic.client().indices().getAlias(a -> a.index(index)).aliases().getOrDefault(index,
            co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases.of(x -> x.aliases(Map.of()))).aliases().keySet();
    }

    /** Takes the reindex lock (an index whose creation is atomic) or throws saying who holds it; returns its name. */
    private String lock() throws IOException {
        String lock = elastic.names().prefix() + "-reindex-lock";
        String owner = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                elastic.client().indices().create(c -> c.index(lock).settings(x -> x.numberOfShards("1").numberOfReplicas("0"))
                    .mappings(m -> m.meta(Map.of("owner", JsonData.of(owner), "since", JsonData.of(Instant.now().toString())))));
                return lock;
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
            var meta = elastic.client().indices().get(g -> g.index(lock)).indices().get(lock).mappings().meta();
            String holder = meta.containsKey("owner") ? meta.get("owner").to(String.class) : "?";
            String since = meta.containsKey("since") ? meta.get("since").to(String.class) : "?";
            if (!gone(holder)) {
                throw new IllegalStateException("another reindex (" + holder + ", since " + since + ") is running; if none is, delete the index "
                    + lock + " and run ./kb reindex again");
            }
            elastic.client().indices().delete(d -> d.index(lock).ignoreUnavailable(true)); // its process on this host is gone (kill -9)
        }
        throw new IllegalStateException("another reindex took the lock " + lock + " a moment ago");
    }

    /** A "pid@host" holder on this host whose process is gone. */
    private static boolean gone(String holder) {
        String[] parts = holder.split("@", 2);
        String here = ManagementFactory.getRuntimeMXBean().getName();
        if (parts.length < 2 || !here.endsWith("@" + parts[1])) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[0])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
