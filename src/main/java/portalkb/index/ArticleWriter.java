package portalkb.index;

import portalkb.core.UrlNormalizer;
import portalkb.core.Text;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns articles into what the knowledge base stores: the article (id from its normalised URL, province
 * then and today, mentions, years, metrics), its passages (with vectors) and its facts. An article
 * whose content is unchanged is not rewritten; a changed one replaces its passages and facts and its
 * previous version goes to the history index. Every write looks up the live version first (batched
 * across threads), so a replacement always removes the old version's extra passages and facts. A
 * result's {@code stored} completes when Elasticsearch acknowledged all of the article's writes.
 */
public final class ArticleWriter {

    public enum Outcome { INDEXED, CHANGED, UNCHANGED, REJECTED, REFUSED }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * {@code position}: index of the article in the batch given to {@link #write}; {@code duplicateOf}: id of
     * an earlier article telling the same story (syndicated copy), or null; {@code reason}: why REJECTED or
     * REFUSED; {@code stored}: completes once every write of the article was acknowledged.
     */
    public record Result(int position, String url, String id, Outcome outcome, String reason, String duplicateOf,
                         CompletableFuture<Void> stored) {
        public Result(int position, String url, String id, Outcome outcome, String reason) {
            this(position, url, id, outcome, reason, null, DONE);
        }
    }

    private final BulkIndexer bulk;
    private final ArticlePreparer preparer = new ArticlePreparer();
    private final SimHasher simHasher = new SimHasher();
    private final NearDuplicates nearDuplicates;
    private final DocumentLinks documentLinks;
    private final ArticleHistory history;
    private final LiveArticles live;
    private final ArticleWrites layout;
    private final RecentlyWritten recentlyWritten = new RecentlyWritten();

    /** Passages are written without vectors; with embeddings on, {@link VectorFiller} adds them afterwards. */
    public ArticleWriter(Elastic elastic, BulkIndexer bulk) {
        this.bulk = bulk;
        this.nearDuplicates = new NearDuplicates(elastic);
        this.documentLinks = new DocumentLinks(elastic);
        this.history = new ArticleHistory(elastic, bulk, nearDuplicates);
        this.live = new LiveArticles(elastic);
        this.layout = new ArticleWrites(elastic);
    }

    /** Writes a batch (one mget for the whole batch to find unchanged and replaced articles). */
    public List<Result> write(List<Map<String, Object>> articles) throws IOException {
        return write(articles, false);
    }

    /**
     * {@code knownNew}: the caller knows none of these articles was ever stored (generated corpora), so the
     * lookup of previous versions is skipped.
     */
    public List<Result> write(List<Map<String, Object>> articles, boolean knownNew) throws IOException {
        List<Result> results = new ArrayList<>();
        Map<String, PreparedArticle> prepared = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Map<String, Object> raw = articles.get(i);
            try {
                PreparedArticle article = preparer.prepare(raw);
                prepared.put(article.id(), article);
                positions.put(article.id(), i);
            } catch (IllegalArgumentException e) {
                results.add(new Result(i, String.valueOf(raw.get("url")), null, Outcome.REJECTED, e.getMessage()));
            }
        }
        if (prepared.isEmpty()) {
            return results;
        }
        Map<String, Map<String, Object>> existing = knownNew ? Map.of() : live.existingById(List.copyOf(prepared.keySet()));
        // The near-duplicate lookups of the batch's new and changed articles go out together, not one round trip each.
        Map<String, String> toStore = new LinkedHashMap<>();
        for (PreparedArticle article : prepared.values()) {
            Map<String, Object> previous = existing.get(article.id());
            if (previous == null || !article.document().get("contentHash").equals(previous.get("contentHash"))) {
                toStore.put(article.id(), (String) article.document().get("simhash"));
            }
        }
        Map<String, String> indexedOriginals = nearDuplicates.findIndexed(toStore);
        for (PreparedArticle article : prepared.values()) {
            results.add(store(positions.get(article.id()), article, existing.get(article.id()), null, indexedOriginals));
        }
        return results;
    }

    /**
     * A crawled page's article. It replaces the live version only if {@code policy} allows (else REFUSED
     * with the reason, nothing written). {@code movedFrom}: id of the article this one moved from (a
     * permanent redirect, a canonical link), which it must not be taken for a copy of; or null.
     */
    public Result writeFetched(Map<String, Object> raw, OverwritePolicy policy, String movedFrom) throws IOException {
        PreparedArticle article;
        try {
            article = preparer.prepare(raw);
        } catch (IllegalArgumentException e) {
            return new Result(0, String.valueOf(raw.get("url")), null, Outcome.REJECTED, e.getMessage());
        }
        Map<String, Object> doc = article.document();
        String id = (String) doc.get("id");
        boolean writtenMomentsAgo = recentlyWritten.contains(id);
        // Real-time only for what this writer itself wrote moments ago (not yet searchable); otherwise the
        // last refreshed view, which spares the node the refreshes real-time gets cause during a crawl.
        Map<String, Object> current = writtenMomentsAgo ? live.existingById(List.of(id), true).get(id) : live.batched(id);
        if (current != null && !doc.get("contentHash").equals(current.get("contentHash"))) {
            Optional<String> refusal = policy.refusal(current, doc);
            if (refusal.isPresent()) {
                return new Result(0, (String) doc.get("url"), id, Outcome.REFUSED, refusal.get(), null, DONE);
            }
        }
        return store(0, article, current, movedFrom, null);
    }

    /** The articles that link the document at {@code url}: {@code referrer} (may be null) and those listing it among their documents. */
    public List<Map<String, Object>> linkingArticles(String url, String referrer) throws IOException {
        String[] written = null;
        if (referrer != null) {
            written = recentlyWritten.get(UrlNormalizer.id(referrer));
        }
        // The page that linked the file may have been written moments ago, not yet readable even in real time.
        Map<String, Object> justWritten = null;
        if (written != null) {
            justWritten = new HashMap<>();
            justWritten.put("url", written[2]);
            justWritten.put("title", written[0]);
            justWritten.put("published", written[3]);
        }
        return documentLinks.of(url, referrer, justWritten);
    }

    /** Whether the live article at {@code url} tells this story (same title, near-identical text): what a canonical link may merge. */
    public boolean holdsSameStory(String url, String title, String body) throws IOException {
        String id = UrlNormalizer.id(url);
        String[] written = recentlyWritten.get(id);
        if (written == null) {
            Map<String, Object> current = live.batched(id);
            if (current == null || current.get("simhash") == null) {
                return false;
            }
            written = new String[] {String.valueOf(current.get("title")), current.get("simhash").toString()};
        }
        String normalizedTitle = Text.collapseSpaces(Text.nfc(title));
        return normalizedTitle.equals(written[0])
            && SimHasher.distance(written[1], simHasher.hex(normalizedTitle + " " + Text.nfc(body).strip())) <= NearDuplicates.MAX_DISTANCE;
    }

    /** {@code indexedOriginals}: the index's near-duplicate answers for a whole batch ({@link NearDuplicates#findIndexed}), or null to ask now. */
    private Result store(int position, PreparedArticle article, Map<String, Object> previous, String movedFrom,
                         Map<String, String> indexedOriginals) throws IOException {
        Map<String, Object> doc = article.document();
        String id = (String) doc.get("id");
        String url = (String) doc.get("url");
        if (previous != null && doc.get("contentHash").equals(previous.get("contentHash"))) {
            return new Result(position, url, id, Outcome.UNCHANGED, null);
        }
        String now = Instant.now().toString();
        doc.put("indexedAt", now);
        String simhash = (String) doc.get("simhash");
        String duplicateOf = indexedOriginals == null ? nearDuplicates.find(id, simhash) : nearDuplicates.find(id, simhash, indexedOriginals);
        if (duplicateOf != null && duplicateOf.equals(movedFrom)) {
            duplicateOf = null; // the old address of this very article, not another site's copy
        }
        doc.put("duplicateOf", duplicateOf);
        nearDuplicates.remember(id, simhash, duplicateOf);
        recentlyWritten.remember(id, (String) doc.get("title"), simhash, url, (String) doc.get("published"));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        if (previous != null) {
            doc.put("changedAt", now);
            writes.add(history.keep(id, previous, now));
        }
        List<Write> parts = layout.of(article);
        for (Write w : parts) {
            writes.add(bulk.index(w.index(), w.id(), w.document()));
        }
        if (previous != null) {
            history.deleteTails(writes, id, previous, ArticleParts.count(doc.get("passageCount")), ArticleParts.count(doc.get("factCount")));
        }
        return new Result(position, url, id, previous == null ? Outcome.INDEXED : Outcome.CHANGED, null, duplicateOf, allOf(writes));
    }

    /** One document write: the index alias, the id and the document as stored. */
    public record Write(String index, String id, Map<String, Object> document) {
    }

    /**
     * The writes of an article never stored before, prepared exactly as {@link #write} prepares them (no near-duplicate
     * lookup): for benchmarks that send the same operations by other means. Throws IllegalArgumentException for bad input.
     */
    public List<Write> prepareNew(Map<String, Object> raw) {
        PreparedArticle article = preparer.prepare(raw);
        article.document().put("indexedAt", Instant.now().toString());
        article.document().put("duplicateOf", null);
        return layout.of(article);
    }

    /**
     * The article {@code oldId} moved to {@code newId} (a permanent redirect, or a canonical link to the same
     * story): the old copy goes to history and leaves the index with its passages and facts, and what was
     * marked a copy of it now points at the new address (the new one itself at nothing).
     */
    public CompletableFuture<Void> retire(String oldId, String newId) throws IOException {
        Map<String, Map<String, Object>> found = live.existingById(List.of(oldId, newId));
        Map<String, Object> old = found.get(oldId);
        if (old == null || oldId.equals(newId)) {
            return DONE;
        }
        return history.retire(oldId, old, newId, found.get(newId), Instant.now().toString());
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> writes) {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The year a report is about: "tổng kết công tác y tế năm 2019" published in 2020 is about 2019. */
    public static Integer reportYear(String title, Integer publishedYear) {
        return ArticlePreparer.reportYear(title, publishedYear);
    }
}
