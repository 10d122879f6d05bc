package portalkb.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import portalkb.store.Article;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What leaves the live indices: a replaced or retired version is kept in the history index, and the
 * passages and facts beyond the new counts are deleted (their ids are positional, so no delete-by-query).
 */
final class ArticleHistory {

    /** A document of the article-history index: one former version of an article. */
    record Entry(String articleId, String url, String title, String body, String contentHash, Instant fetchedAt, Instant replacedAt) {
    }

    /** A partial update of an article: which article it copies; null, written as null to clear it, when none any more. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DuplicateOf(String duplicateOf) {
    }

    private final Elastic elastic;
    private final BulkIndexer bulk;
    private final NearDuplicates nearDuplicates;

    ArticleHistory(Elastic elastic, BulkIndexer bulk, NearDuplicates nearDuplicates) {
        this.elastic = elastic;
        this.bulk = bulk;
        this.nearDuplicates = nearDuplicates;
    }

    /** {@code previous} (the live version's fields) replaced at {@code now}. */
    CompletableFuture<Void> keep(String id, Article previous, Instant now) {
        Entry entry = new Entry(id, previous.url(), previous.title(), previous.body(), previous.contentHash(), previous.fetchedAt(), now);
        return bulk.index(elastic.names().history(), id + "-" + previous.contentHash(), entry);
    }

    /** Deletes the passages and facts of {@code previous} from position {@code passages} / {@code facts} on. */
    void deleteTails(List<CompletableFuture<Void>> writes, String id, Article previous, int passages, int facts) {
        deleteTail(writes, elastic.names().passages(), id + "-p", passages, previous.passagesWritten());
        deleteTail(writes, elastic.names().facts(), id + "-f", facts, previous.factsWritten());
    }

    /**
     * The article {@code oldId} ({@code old}, live) moved to {@code newId} ({@code moved}, live or null): the old
     * copy goes to history and leaves the index with its passages and facts, and what was marked a copy of it
     * now points at the new address (the new one itself at nothing).
     */
    CompletableFuture<Void> retire(String oldId, Article old, String newId, Article moved, Instant now) throws IOException {
        nearDuplicates.retired(oldId);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        writes.add(keep(oldId, old, now));
        writes.add(bulk.delete(elastic.names().articles(), oldId));
        deleteTails(writes, oldId, old, 0, 0);
        DuplicateOf noOriginal = new DuplicateOf(null);
        if (moved != null && oldId.equals(moved.duplicateOf())) {
            writes.add(bulk.update(elastic.names().articles(), newId, noOriginal));
        }
        var copies = elastic.client().search(s -> s.index(elastic.names().articles()).size(1000).source(x -> x.fetch(false))
            .query(q -> q.term(t -> t.field("duplicateOf").value(oldId))), Article.class);
        for (var copy : copies.hits().hits()) {
            writes.add(copy.id().equals(newId) ? bulk.update(elastic.names().articles(), newId, noOriginal)
                : bulk.update(elastic.names().articles(), copy.id(), new DuplicateOf(newId)));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The articles marked as copies of {@code id} (which now tells another story) are shown again: their duplicateOf is cleared. */
    void releaseCopies(List<CompletableFuture<Void>> writes, String id) throws IOException {
        nearDuplicates.changedStory(id);
        var copies = elastic.client().search(s -> s.index(elastic.names().articles()).size(1000).source(x -> x.fetch(false))
            .query(q -> q.term(t -> t.field("duplicateOf").value(id))), Article.class);
        for (var copy : copies.hits().hits()) {
            writes.add(bulk.update(elastic.names().articles(), copy.id(), new DuplicateOf(null)));
        }
    }

    private void deleteTail(List<CompletableFuture<Void>> writes, String index, String prefix, int from, int to) {
        for (int i = from; i < to; i++) {
            writes.add(bulk.delete(index, prefix + i));
        }
    }
}
