package portalkb.store;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.indices.IndicesBlockOptions;
import co.elastic.clients.json.JsonData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a changed index definition without losing a write: the old index gets a write block (Elasticsearch
 * lets the writes in flight finish first; later ones are refused, and our bulk indexer retries them until the
 * alias has moved, so crawls and imports wait), the documents are copied into the new index (scroll + bulk:
 * the local node has no _reindex module, and copying client-side works the same on any cluster), the copy is
 * verified, the alias moves in one atomic call, and only then is the old index deleted. Searches use the old
 * index until the switch. A copy that fails lifts the block and removes the partial new index.
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
        String alias = elastic.names().alias(config.kind());
        if (elastic.client().indices().exists(e -> e.index(to)).value()) {
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
            elastic.client().indices().delete(d -> d.index(to).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
