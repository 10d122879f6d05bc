package portalkb.index;

import portalkb.core.UrlNormalizer;
import portalkb.core.Text;
import portalkb.store.Article;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
 * across threads), so a replacement always removes the old version's extra passages and facts. The
 * article itself is written only after its passages, facts, history entry and tail deletions were
 * acknowledged, so a live article's content hash means its parts are complete: parts refused for good
 * leave the older version (or none) live, and the next write of the same content repairs them. A
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
        this(elastic, bulk, NearDuplicates.RECENT);
    }

    /** {@code recentCapacity}: articles held in memory before the index is made to answer for them (tests: a few). */
    ArticleWriter(Elastic elastic, BulkIndexer bulk, int recentCapacity) {
        this.bulk = bulk;
        this.nearDuplicates = new NearDuplicates(elastic, recentCapacity);
        this.documentLinks = new DocumentLinks(elastic);
        this.history = new ArticleHistory(elastic, bulk, nearDuplicates);
        this.live = new LiveArticles(elastic);
        this.layout = new ArticleWrites(elastic);
    }

    /**
     * Writes a batch (one mget for the whole batch to find unchanged and replaced articles); every article replaces its stored
     * version, keeping what it leaves out ({@link ArticleInput#keeping}).
     */
    public List<Result> write(List<ArticleInput> articles) throws IOException {
        return write(articles, false, OverwritePolicy.ALWAYS);
    }

    /** Writes a batch; an article replaces its stored version only if {@code policy} allows (else REFUSED with the reason). */
    public List<Result> write(List<ArticleInput> articles, OverwritePolicy policy) throws IOException {
        return write(articles, false, policy);
    }

    /**
     * {@code knownNew}: the caller knows none of these articles was ever stored (generated corpora), so the
     * lookup of previous versions is skipped.
     */
    public List<Result> write(List<ArticleInput> articles, boolean knownNew) throws IOException {
        return write(articles, knownNew, OverwritePolicy.ALWAYS);
    }

    private List<Result> write(List<ArticleInput> articles, boolean knownNew, OverwritePolicy policy) throws IOException {
        List<Result> results = new ArrayList<>();
        Map<String, PreparedArticle> prepared = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleInput input = articles.get(i);
            try {
                PreparedArticle article = preparer.prepare(input);
                prepared.put(article.id(), article);
                positions.put(article.id(), i);
            } catch (IllegalArgumentException e) {
                results.add(new Result(i, input.url(), null, Outcome.REJECTED, e.getMessage()));
            }
        }
        if (prepared.isEmpty()) {
            return results;
        }
        Map<String, Article> existing = knownNew ? Map.of() : live.existingById(List.copyOf(prepared.keySet()));
        for (Map.Entry<String, PreparedArticle> entry : prepared.entrySet()) {
            // A changed line keeps what it leaves out of the stored version (its source, place, date …).
            Article previous = existing.get(entry.getKey());
            if (previous != null && !unchanged(entry.getValue(), previous)) {
                ArticleInput input = articles.get(positions.get(entry.getKey()));
                ArticleInput kept = input.keeping(previous);
                if (!kept.equals(input)) {
                    try {
                        entry.setValue(preparer.prepare(kept));
                    } catch (IllegalArgumentException e) {
                        // what the stored version has does not read (a date of another form): the line as given
                    }
                }
            }
        }
        for (var it = prepared.values().iterator(); it.hasNext(); ) {
            PreparedArticle article = it.next();
            Article previous = existing.get(article.id());
            Optional<String> refusal = previous == null || unchanged(article, previous) ? Optional.empty() : policy.refusal(previous, article.article());
            if (refusal.isPresent()) {
                results.add(new Result(positions.get(article.id()), article.article().url(), article.id(), Outcome.REFUSED, refusal.get(), null, DONE));
                it.remove();
            }
        }
        // The near-duplicate lookups of the batch's new and changed articles go out together, not one round trip each.
        Map<String, String> toStore = new LinkedHashMap<>();
        for (PreparedArticle article : prepared.values()) {
            if (!unchanged(article, existing.get(article.id()))) {
                toStore.put(article.id(), article.article().simhash());
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
    public Result writeFetched(ArticleInput input, OverwritePolicy policy, String movedFrom) throws IOException {
        PreparedArticle prepared;
        try {
            prepared = preparer.prepare(input);
        } catch (IllegalArgumentException e) {
            return new Result(0, input.url(), null, Outcome.REJECTED, e.getMessage());
        }
        Article article = prepared.article();
        String id = article.id();
        boolean writtenMomentsAgo = recentlyWritten.contains(id);
        // Real-time only for what this writer itself wrote moments ago (not yet searchable); otherwise the
        // last refreshed view, which spares the node the refreshes real-time gets cause during a crawl.
        Article current = writtenMomentsAgo ? live.existingById(List.of(id), true).get(id) : live.batched(id);
        if (current != null && !unchanged(prepared, current)) {
            Optional<String> refusal = policy.refusal(current, article);
            if (refusal.isPresent()) {
                return new Result(0, article.url(), id, Outcome.REFUSED, refusal.get(), null, DONE);
            }
        }
        return store(0, prepared, current, movedFrom, null);
    }

    /** The articles that link the document at {@code url}: {@code referrer} (may be null) and those listing it among their documents. */
    public List<Article.Link> linkingArticles(String url, String referrer) throws IOException {
        RecentlyWritten.Written written = referrer == null ? null : recentlyWritten.get(UrlNormalizer.id(referrer));
        // The page that linked the file may have been written moments ago, not yet readable even in real time.
        Article.Link justWritten = written == null ? null : new Article.Link(written.url(), written.title(), written.published());
        return documentLinks.of(url, referrer, justWritten);
    }

    /** Whether the live article at {@code url} tells this story (same title, near-identical text): what a canonical link may merge. */
    public boolean holdsSameStory(String url, String title, String body) throws IOException {
        String id = UrlNormalizer.id(url);
        RecentlyWritten.Written written = recentlyWritten.get(id);
        String liveTitle;
        String liveSimhash;
        if (written != null) {
            liveTitle = written.title();
            liveSimhash = written.simhash();
        } else {
            Article current = live.batched(id);
            if (current == null || current.simhash() == null) {
                return false;
            }
            liveTitle = String.valueOf(current.title());
            liveSimhash = current.simhash();
        }
        String normalizedTitle = Text.collapseSpaces(Text.nfc(title));
        return normalizedTitle.equals(liveTitle)
            && SimHasher.distance(liveSimhash, simHasher.hex(normalizedTitle + " " + Text.nfc(body).strip())) <= NearDuplicates.MAX_DISTANCE;
    }

    /**
     * Whether the live article {@code movedId} tells the story of the live article {@code oldId} (same title,
     * near-identical text): what a permanent redirect from the one to the other may retire the old one for.
     */
    public boolean sameStory(String oldId, String movedId) throws IOException {
        String[] old = story(oldId);
        String[] moved = story(movedId);
        return old != null && moved != null && old[0].equals(moved[0]) && SimHasher.distance(old[1], moved[1]) <= NearDuplicates.MAX_DISTANCE;
    }

    /** Title and SimHash of an article written moments ago or live, or null. */
    private String[] story(String id) throws IOException {
        RecentlyWritten.Written written = recentlyWritten.get(id);
        if (written != null) {
            return new String[] {String.valueOf(written.title()), written.simhash()};
        }
        Article current = live.existingById(List.of(id), true).get(id);
        return current == null || current.simhash() == null ? null : new String[] {String.valueOf(current.title()), current.simhash()};
    }

    private static boolean unchanged(PreparedArticle article, Article previous) {
        return previous != null && article.article().contentHash().equals(previous.contentHash());
    }

    /** {@code indexedOriginals}: the index's near-duplicate answers for a whole batch ({@link NearDuplicates#findIndexed}), or null to ask now. */
    private Result store(int position, PreparedArticle prepared, Article previous, String movedFrom,
                         Map<String, String> indexedOriginals) throws IOException {
        Article article = prepared.article();
        String id = article.id();
        String url = article.url();
        if (unchanged(prepared, previous)) {
            return new Result(position, url, id, Outcome.UNCHANGED, null);
        }
        Instant now = Instant.now();
        String simhash = article.simhash();
        String duplicateOf = indexedOriginals == null ? nearDuplicates.find(id, simhash) : nearDuplicates.find(id, simhash, indexedOriginals);
        if (duplicateOf != null && duplicateOf.equals(movedFrom)) {
            duplicateOf = null; // the old address of this very article, not another site's copy
        }
        recentlyWritten.remember(id, new RecentlyWritten.Written(article.title(), simhash, url, article.published()));
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        if (previous != null) {
            writes.add(history.keep(id, previous, now));
        }
        ArticleWrites.Laid laid = layout.of(prepared, now, previous != null, duplicateOf);
        List<Write> laidOut = laid.writes();
        for (Write w : laidOut.subList(1, laidOut.size())) {
            writes.add(bulk.index(w.index(), w.id(), w.document()));
        }
        if (previous != null) {
            history.deleteTails(writes, id, previous, laid.article().passagesWritten(), laid.article().factsWritten());
            if (previous.simhash() != null && SimHasher.distance(previous.simhash(), simhash) > NearDuplicates.MAX_DISTANCE) {
                // Another story now: what was hidden as a copy of the old one is nobody's copy any more.
                history.releaseCopies(writes, id);
            }
        }
        // The article (with its content hash) goes last: while it is not stored, its passages and facts are not
        // complete, and the live version's older hash makes the next write of this content a change, not "unchanged".
        Write articleWrite = laidOut.get(0);
        CompletableFuture<Void> stored = bulk.indexAfter(allOf(writes), articleWrite.index(), articleWrite.id(), articleWrite.document());
        nearDuplicates.remember(id, simhash, duplicateOf, stored);
        return new Result(position, url, id, previous == null ? Outcome.INDEXED : Outcome.CHANGED, null, duplicateOf, stored);
    }

    /** One document write: the index alias, the id and the document as stored (a record of store, serialised by the bulk indexer). */
    public record Write(String index, String id, Object document) {
    }

    /**
     * The writes of an article never stored before, prepared exactly as {@link #write} prepares them (no near-duplicate
     * lookup): for benchmarks that send the same operations by other means. Throws IllegalArgumentException for bad input.
     */
    public List<Write> prepareNew(ArticleInput input) {
        return prepareNew(input, Instant.now());
    }

    /** The same, written at {@code now} (a fixed time makes the operations comparable between builds). */
    public List<Write> prepareNew(ArticleInput input, Instant now) {
        return layout.of(preparer.prepare(input), now, false, null).writes();
    }

    /**
     * The article {@code oldId} moved to {@code newId} (a permanent redirect, or a canonical link to the same
     * story): the old copy goes to history and leaves the index with its passages and facts, and what was
     * marked a copy of it now points at the new address (the new one itself at nothing).
     */
    public CompletableFuture<Void> retire(String oldId, String newId) throws IOException {
        Map<String, Article> found = live.existingById(List.of(oldId, newId));
        Article old = found.get(oldId);
        if (old == null || oldId.equals(newId)) {
            return DONE;
        }
        return history.retire(oldId, old, newId, found.get(newId), Instant.now());
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> writes) {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The year a report is about: "tổng kết công tác y tế năm 2019" published in 2020 is about 2019. */
    public static Integer reportYear(String title, Integer publishedYear) {
        return ArticlePreparer.reportYear(title, publishedYear);
    }
}
