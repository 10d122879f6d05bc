package portalkb.crawl;

import portalkb.config.AppConfig;
import portalkb.extract.DocumentExtractor;
import portalkb.extract.DocumentReader;
import portalkb.extract.DocumentSandbox;
import portalkb.extract.DocumentType;
import portalkb.extract.ExtractedDocument;
import portalkb.extract.ExtractedPage;
import portalkb.extract.HtmlDecoder;
import portalkb.extract.PageExtractor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.zip.GZIPInputStream;

/**
 * The parse step of a run: a fetched body → the URLs a sitemap or feed lists, the page's article and
 * links, or a document's text, pages and table figures ({@link DocumentReader}). A gzip-compressed body (sitemap.xml.gz, or a server that compresses unasked) is inflated here,
 * never beyond {@code crawler.maxInflatedBytes}, whatever its content type says; crawler-commons then
 * only ever sees plain bytes.
 */
final class ParseStep {

    /** A body that cannot be used: the reason is recorded as the page's error. */
    static final class Unusable extends IOException {
        Unusable(String message) {
            super(message);
        }
    }

    /** A sitemap or feed (its entries), an HTML page, or a document (PDF, Word, Excel). */
    record Parsed(FeedReader.Entries entries, ExtractedPage page, ExtractedDocument document) {
        boolean feed() {
            return entries != null;
        }
    }

    private final Source source;
    private final AppConfig.Crawler settings;
    private final SourceReport report;
    private final PageExtractor extractor;
    private final DocumentReader documents;

    ParseStep(Source source, AppConfig.Crawler settings, SourceReport report, DocumentReader documents) {
        this.source = source;
        this.settings = settings;
        this.report = report;
        this.extractor = new PageExtractor(settings.maxHtmlDepth());
        this.documents = documents;
    }

    /** How the crawl reads documents: in child JVMs with hard limits (crawler.documents.isolated), else in this one. */
    static DocumentReader documentReader(AppConfig.Documents d) {
        DocumentExtractor.Limits limits = new DocumentExtractor.Limits(d.maxPages(), d.maxChars(), d.timeoutMs(), d.maxSheetRows());
        return d.isolated() ? new DocumentSandbox(limits, d.maxHeapMb(), d.readers()) : new DocumentExtractor(limits);
    }

    /** The body as it was meant to be read: inflated when gzip-compressed. */
    FetchResult inflated(FetchResult result) throws Unusable {
        byte[] body = result.body();
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return result;
        }
        long limit = settings.maxInflatedBytes();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (plain.length > limit) {
                throw new Unusable("compressed body inflates to more than " + limit + " bytes (crawler.maxInflatedBytes): not read");
            }
            return result.withBody(plain);
        } catch (Unusable e) {
            throw e;
        } catch (IOException e) {
            throw new Unusable("broken gzip body: " + e.getMessage());
        }
    }

    Parsed parse(FetchResult result) throws Unusable {
        // A parser per content type, told by the bytes: a document whatever its server calls it, then feeds, then HTML.
        DocumentType type = settings.documents().enabled() ? DocumentType.sniff(result.body()) : null;
        if (type != null) {
            long start = System.nanoTime();
            ExtractedDocument document = documents.extract(result.body(), type);
            report.parseNanos.addAndGet(System.nanoTime() - start);
            return new Parsed(null, null, document);
        }
        if (FeedReader.isFeed(result.contentType(), result.body())) {
            try {
                return new Parsed(FeedReader.read(result.finalUrl(), plainType(result.contentType()), result.body()), null, null);
            } catch (IOException e) {
                throw new Unusable(e.getMessage());
            }
        }
        long start = System.nanoTime();
        HtmlDecoder.Decoded decoded = HtmlDecoder.decode(result.body(), result.charset());
        ExtractedPage page;
        try {
            page = extractor.extract(decoded.text(), result.finalUrl(), source.selectors());
        } catch (PageExtractor.TooDeep e) {
            throw new Unusable(e.getMessage() + " (crawler.maxHtmlDepth)");
        }
        report.parseNanos.addAndGet(System.nanoTime() - start);
        return new Parsed(null, page, null);
    }

    /**
     * The URL a page's canonical link names, when it may name one: in the source's scope, and neither the
     * site's home page nor one of the source's seeds (templates that point every page there would merge
     * every article into one). Whether the target really holds this story is for the index step to check.
     */
    String canonical(ExtractedPage page, String fetchedUrl) {
        String canonical = page.canonical();
        if (canonical == null || canonical.equals(fetchedUrl) || !source.inScope(canonical) || source.seeds().contains(canonical)) {
            return null;
        }
        String path = URI.create(canonical).getRawPath();
        boolean home = (path == null || path.isEmpty() || path.equals("/")) && URI.create(canonical).getRawQuery() == null;
        return home ? null : canonical;
    }

    /** Gzip was undone here; what is left for crawler-commons is the XML or text inside. */
    private static String plainType(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("gzip") ? "application/xml" : contentType;
    }
}
