package portalkb.crawl;

import portalkb.extract.ExtractedPage;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.index.OverwritePolicy;
import portalkb.store.Article;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The index step of a run: a page's article → {@link ArticleWriter} under the overwrite policy. While
 * Elasticsearch is unreachable the page waits here (back-off 1 s doubling to 30 s) unless the crawl is
 * being stopped; writes themselves are acknowledged later, through the result's future.
 */
final class IndexStep {

    private final Source source;
    private final ArticleWriter writer;
    private final OverwritePolicy policy;
    private final SourceReport report;
    private final ElasticsearchWait wait;

    IndexStep(Source source, ArticleWriter writer, OverwritePolicy policy, SourceReport report, AtomicBoolean stopRequested) {
        this.source = source;
        this.writer = writer;
        this.policy = policy;
        this.report = report;
        this.wait = new ElasticsearchWait(stopRequested, report.pausedForElasticsearch);
    }

    /** {@code movedFrom}: id of the article at the address this page was reached from (moved), or null. */
    ArticleWriter.Result index(ExtractedPage page, String url, Instant now, String movedFrom) throws IOException {
        ArticleInput article = ArticleInput.of(url, page.title(), page.body()).withPublished(page.published())
            .withAuthor(page.author()).withLang(page.lang()).withTemplate(page.template()).withFetchedAt(now)
            .withDocuments(page.documents().isEmpty() ? null : page.documents());
        return write(fromSource(article), url, policy, movedFrom);
    }

    /** The source's fields of an article: its id, name, province and district. */
    private ArticleInput fromSource(ArticleInput article) {
        return article.withSource(source.id()).withSourceName(source.name()).withProvince(source.province())
            .withRegion(source.region().isEmpty() ? null : source.region())
            .withDistrict(source.district());
    }

    /**
     * A document's article ({@link DocumentStep} built it), under the same overwrite policy as pages: a one-page
     * "file removed" notice does not replace a long report (a file has no layout, so only its text length counts).
     */
    ArticleWriter.Result indexDocument(ArticleInput article, String url, String movedFrom) throws IOException {
        return write(fromSource(article), url, policy, movedFrom);
    }

    /** The articles that link the document at {@code url} ({@code referrer}, the page it was found on, first). */
    List<Article.Link> linkingArticles(String url, String referrer) throws IOException {
        return wait.until(() -> writer.linkingArticles(url, referrer));
    }

    private ArticleWriter.Result write(ArticleInput article, String url, OverwritePolicy policy, String movedFrom) throws IOException {
        long start = System.nanoTime();
        ArticleWriter.Result result = wait.until(() -> writer.writeFetched(article, policy, movedFrom));
        report.indexNanos.addAndGet(System.nanoTime() - start);
        switch (result.outcome()) {
            case INDEXED -> report.indexed.incrementAndGet();
            case CHANGED -> report.changed.incrementAndGet();
            case UNCHANGED -> report.unchanged.incrementAndGet();
            case REJECTED -> report.error(url, "not indexed: " + result.reason());
            case REFUSED -> report.refusal(url, "kept the live version: " + result.reason());
        }
        if (result.duplicateOf() != null) {
            report.duplicates.incrementAndGet();
        }
        return result;
    }

    /** Whether the live article at {@code canonical} tells this page's story (then the page may merge into it). */
    boolean canonicalHoldsSameStory(String canonical, ExtractedPage page) throws IOException {
        return wait.until(() -> writer.holdsSameStory(canonical, page.title(), page.body()));
    }

    /** Whether the article {@code newId} a permanent redirect leads to tells the story of {@code oldId}, the article at the old address. */
    boolean movedArticleIsTheSameStory(String oldId, String newId) throws IOException {
        return wait.until(() -> writer.sameStory(oldId, newId));
    }

    /** The article at an old address moved to {@code newId}: the old copy leaves the index. */
    CompletableFuture<Void> retire(String oldId, String newId) throws IOException {
        return wait.until(() -> writer.retire(oldId, newId));
    }
}
