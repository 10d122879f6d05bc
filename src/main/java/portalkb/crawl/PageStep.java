package portalkb.crawl;

import portalkb.core.UrlNormalizer;
import portalkb.extract.ExtractedPage;
import portalkb.index.ArticleWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a fetched HTML page becomes: its article written (or the live one kept, with the refusal
 * recorded), merged into the article its canonical link names when that holds the same story, or a
 * listing; then its state, handed to the status step to be written once all of the page's writes are
 * acknowledged.
 */
final class PageStep {

    /** One fetched page: its state before, its state as fetched (not yet written), its validators and hash. */
    record Fetched(UrlState current, UrlState fetchedState, FetchResult result, String hash, Instant now, String movedFrom) {
    }

    private final ParseStep parseStep;
    private final IndexStep indexStep;
    private final StatusStep status;
    private final SourceReport report;
    private final Supplier<Instant> recrawlAt;

    PageStep(ParseStep parseStep, IndexStep indexStep, StatusStep status, SourceReport report, Supplier<Instant> recrawlAt) {
        this.parseStep = parseStep;
        this.indexStep = indexStep;
        this.status = status;
        this.report = report;
        this.recrawlAt = recrawlAt;
    }

    /** Records the page (after {@code writes}, the links it queued); returns the id of the article it holds, or null. */
    String record(ExtractedPage page, Fetched f, List<CompletableFuture<Void>> writes) throws IOException {
        UrlState current = f.current();
        UrlState dueAgain = current.dueAgain(SourceRun.NOT_STORED);
        if (page.article() && !page.noindex()) {
            String canonical = parseStep.canonical(page, current.url());
            if (canonical != null && indexStep.canonicalHoldsSameStory(canonical, page)) {
                // Another address of an article already stored (an AMP or print copy): nothing new to index.
                String target = UrlNormalizer.id(canonical);
                if (current.articleId() != null && !current.articleId().equals(target)) {
                    writes.add(indexStep.retire(current.articleId(), target));
                }
                report.unchanged.incrementAndGet();
                UrlState alias = f.fetchedState().redirectedTo(canonical).with(UrlState.Status.REDIRECTION, recrawlAt.get(), f.now(), f.result().status(), null);
                status.recordAfter(alias.withContent("alias", f.result().etag(), f.result().lastModified(), f.hash(), null), SourceRun.allOf(writes), dueAgain);
                return target;
            }
            ArticleWriter.Result written = indexStep.index(page, current.url(), f.now(), f.movedFrom());
            if (written.outcome() == ArticleWriter.Outcome.REFUSED) {
                status.recordAfter(f.fetchedState().refused(written.reason()), SourceRun.allOf(writes), dueAgain);
                return current.articleId();
            }
            writes.add(written.stored());
            status.recordAfter(f.fetchedState().withContent("article", f.result().etag(), f.result().lastModified(), f.hash(), written.id()),
                SourceRun.allOf(writes), dueAgain);
            return written.id();
        }
        if (current.articleId() != null && !page.noindex()) {
            // It held an article and no longer reads as one (a "not found" or maintenance page, an emptied template): keep the live one.
            String reason = page.notFound() != null ? "the page now reads as not found or under maintenance ('" + page.notFound() + "')"
                : "the page no longer reads as an article";
            report.refusal(current.url(), "kept the live version: " + reason);
            status.recordAfter(f.fetchedState().refused(reason), SourceRun.allOf(writes), dueAgain);
            return current.articleId();
        }
        if (page.notFound() != null) {
            report.skipped.incrementAndGet();
            UrlState notFound = f.fetchedState().with(UrlState.Status.SKIPPED, recrawlAt.get(), f.now(), f.result().status(),
                "looks like a not-found or maintenance page ('" + page.notFound() + "')");
            status.recordAfter(notFound.withContent("not-found", f.result().etag(), f.result().lastModified(), f.hash(), null), SourceRun.allOf(writes), dueAgain);
            return null;
        }
        // A page that asks not to be indexed (noindex) keeps its link to an article stored from it before, which stays.
        String kept = page.noindex() ? current.articleId() : null;
        status.recordAfter(f.fetchedState().withContent(kept == null ? "listing" : "article", f.result().etag(), f.result().lastModified(), f.hash(),
            kept), SourceRun.allOf(writes), dueAgain);
        return kept;
    }
}
