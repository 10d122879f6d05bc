package portalkb.crawl;

import portalkb.extract.ExtractedDocument;
import portalkb.core.Language;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.Article;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import portalkb.extract.DocumentType;

/**
 * What a fetched document becomes (the document counterpart of {@link PageStep}): its text, pages and
 * table figures written like an article, with the articles that link it; or, when it cannot be read
 * (encrypted, broken, scanned, legacy font without meaning, too slow), a SKIPPED state with the reason —
 * and a live version of it, if there is one, kept. Its state goes to the status step once all its
 * writes are acknowledged.
 */
final class DocumentStep {

    private final Source source;
    private final IndexStep indexStep;
    private final StatusStep status;
    private final SourceReport report;
    private final Supplier<Instant> recrawlAt;

    DocumentStep(Source source, IndexStep indexStep, StatusStep status, SourceReport report, Supplier<Instant> recrawlAt) {
        this.source = source;
        this.indexStep = indexStep;
        this.status = status;
        this.report = report;
        this.recrawlAt = recrawlAt;
    }

    /** {@code referrer}: the page this run found the file on, or null. Returns the id of the document's article, or null. */
    String record(ExtractedDocument document, PageStep.Fetched f, List<CompletableFuture<Void>> writes, String referrer) throws IOException {
        UrlState current = f.current();
        UrlState dueAgain = current.dueAgain(SourceRun.NOT_STORED);
        String kind = document.type().facet();
        if (!document.readable()) {
            if (current.articleId() != null) {
                report.refusal(current.url(), "kept the live version: " + document.unreadable());
                status.recordAfter(f.fetchedState().refused(document.unreadable()), SourceRun.allOf(writes), dueAgain);
                return current.articleId();
            }
            // No validators or hash kept: the reason stays in the state, and the file is read again when due.
            report.skipped.incrementAndGet();
            report.note(current.url(), document.unreadable());
            UrlState skipped = f.fetchedState().with(UrlState.Status.SKIPPED, recrawlAt.get(), f.now(), f.result().status(), document.unreadable());
            status.recordAfter(skipped.withContent(kind, null, null, null, null), SourceRun.allOf(writes), dueAgain);
            return null;
        }
        document.notes().forEach(note -> report.note(current.url(), note));
        List<Article.Link> linkedFrom = indexStep.linkingArticles(current.url(), referrer);
        ArticleWriter.Result written = indexStep.indexDocument(article(document, current.url(), f.now(), linkedFrom), current.url(), f.movedFrom());
        if (written.outcome() == ArticleWriter.Outcome.REFUSED) {
            status.recordAfter(f.fetchedState().refused(written.reason()), SourceRun.allOf(writes), dueAgain);
            return current.articleId();
        }
        if (written.outcome() == ArticleWriter.Outcome.REJECTED) {
            status.recordAfter(f.fetchedState().with(UrlState.Status.ERROR, recrawlAt.get(), f.now(), f.result().status(), written.reason())
                .withContent(kind, null, null, null, null), SourceRun.allOf(writes), dueAgain);
            return null;
        }
        writes.add(written.stored());
        status.recordAfter(f.fetchedState().withContent(kind, f.result().etag(), f.result().lastModified(), f.hash(), written.id()),
            SourceRun.allOf(writes), dueAgain);
        return written.id();
    }

    /** The file as an article (the source's fields are added by {@link IndexStep#indexDocument}). */
    private static ArticleInput article(ExtractedDocument document, String url, Instant now, List<Article.Link> linkedFrom) {
        String body = document.body();
        String type = document.type().facet();
        // The day the portal published the file is the day of the article that links it; else the file's own date.
        String linkedDate = linkedFrom.stream().map(Article.Link::published).filter(p -> p != null).findFirst().orElse(null);
        return ArticleInput.of(url, document.title() != null ? document.title() : fileName(url), body)
            .withType(type).withFileName(fileName(url))
            .withPublished(linkedDate != null ? linkedDate : document.published())
            .withAuthor(document.author())
            .withLang(Language.detect(body.length() > 20_000 ? body.substring(0, 20_000) : body))
            .withPages(type.equals("pdf") ? Integer.valueOf(document.pageCount()) : null)
            .withSheets(type.equals("xls") ? document.parts().stream().map(ExtractedDocument.Part::sheet).toList() : null)
            .withLinkedFrom(linkedFrom.stream().map(link -> new Article.Link(link.url(), String.valueOf(link.title()), null)).toList())
            .withParts(document.parts()).withTableFigures(document.tableFigures())
            .withFetchedAt(now);
    }

    /** "bao-cao-tcmr-2023.pdf" from the URL's path (or its query: "DownloadFile.aspx?f=…"). */
    static String fileName(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!DocumentType.namesDocument(last) && uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String value = pair.substring(pair.indexOf('=') + 1);
                if (DocumentType.namesDocument(value)) {
                    last = value.substring(value.lastIndexOf('/') + 1);
                }
            }
        }
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }
}
