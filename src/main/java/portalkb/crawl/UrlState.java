package portalkb.crawl;

import portalkb.core.UrlNormalizer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One URL's crawl status as kept in the crawl-state index (like StormCrawler's status index): enough to
 * resume a killed crawl, to send conditional GETs, and to back off failing pages. {@code sitemapDepth}
 * and {@code pagination} count sitemap indexes and "next page" links followed to reach the URL (null =
 * 0); {@code refusal} says why the last fetch did not replace the live article.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UrlState(String url, String source, String host, Status status, String kind, int depth,
                       Instant discoveredAt, Instant nextFetch, Instant lastFetch, String etag, String lastModified,
                       String contentHash, Integer httpStatus, String error, int retries, String articleId,
                       String redirectTo, String refusal, Integer sitemapDepth, Integer pagination) {

    public enum Status {
        /** Known, never fetched. */
        DISCOVERED,
        /** Fetched (or answered 304); due again at nextFetch. */
        FETCHED,
        /** Redirected or canonicalised to redirectTo; due again at nextFetch like any page. */
        REDIRECTION,
        /** 5xx / network: retried at nextFetch with growing back-off. */
        FETCH_ERROR,
        /** 4xx: not retried until the next scheduled recrawl. */
        ERROR,
        /** Deliberately not fetched or not kept: robots, too large, not HTML, redirect refused, out of scope, a limit. */
        SKIPPED
    }

    public static UrlState discovered(String url, String source, int depth, String kind, Instant now) {
        return new UrlState(url, source, Source.authority(url), Status.DISCOVERED, kind, depth, now, now, null, null, null,
            null, null, null, 0, null, null, null, null, null);
    }

    public String id() {
        return UrlNormalizer.id(url);
    }

    public int sitemapLevel() {
        return sitemapDepth == null ? 0 : sitemapDepth;
    }

    public int paginationLevel() {
        return pagination == null ? 0 : pagination;
    }

    /** How this URL was reached: sitemap indexes and next-page links followed on the way (0 → not stored). */
    public UrlState reachedThrough(int sitemaps, int nextPages) {
        return new UrlState(url, source, host, status, kind, depth, discoveredAt, nextFetch, lastFetch, etag, lastModified,
            contentHash, httpStatus, error, retries, articleId, redirectTo, refusal, sitemaps == 0 ? null : sitemaps, nextPages == 0 ? null : nextPages);
    }

    public UrlState with(Status newStatus, Instant newNextFetch, Instant now, Integer http, String newError) {
        return new UrlState(url, source, host, newStatus, kind, depth, discoveredAt, newNextFetch, now, etag, lastModified,
            contentHash, http, newError, newStatus == Status.FETCH_ERROR ? retries + 1 : 0, articleId, redirectTo, null,
            sitemapDepth, pagination);
    }

    public UrlState withContent(String newKind, String newEtag, String newLastModified, String newHash, String newArticleId) {
        return new UrlState(url, source, host, status, newKind, depth, discoveredAt, nextFetch, lastFetch, newEtag, newLastModified,
            newHash, httpStatus, error, retries, newArticleId, redirectTo, refusal, sitemapDepth, pagination);
    }

    public UrlState redirectedTo(String target) {
        return new UrlState(url, source, host, Status.REDIRECTION, kind, depth, discoveredAt, nextFetch, lastFetch, etag,
            lastModified, contentHash, httpStatus, null, 0, articleId, target, null, sitemapDepth, pagination);
    }

    /** Kept the live article: the refusal is recorded, the content hash stays the live one so the page is judged again next time. */
    public UrlState refused(String reason) {
        return new UrlState(url, source, host, status, kind, depth, discoveredAt, nextFetch, lastFetch, etag, lastModified,
            contentHash, httpStatus, error, retries, articleId, redirectTo, reason, sitemapDepth, pagination);
    }

    /** What Elasticsearch did not store is fetched again: due now, without the hash and validators that would skip it. */
    public UrlState dueAgain(String reason) {
        return new UrlState(url, source, host, Status.DISCOVERED, kind, depth, discoveredAt, Instant.now(), lastFetch, null, null,
            null, httpStatus, reason, retries, articleId, redirectTo, null, sitemapDepth, pagination);
    }
}
