package portalkb.crawl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One URL's crawl status as kept in the crawl-state index (like StormCrawler's status index): enough to
 * resume a killed crawl, to send conditional GETs, and to back off failing pages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UrlState(String url, String source, String host, Status status, String kind, int depth,
                       String discoveredAt, String nextFetch, String lastFetch, String etag, String lastModified,
                       String contentHash, Integer httpStatus, String error, int retries, String articleId,
                       String redirectTo) {

    public enum Status {
        /** Known, never fetched. */
        DISCOVERED,
        /** Fetched (or answered 304); due again at nextFetch. */
        FETCHED,
        /** Redirected or canonicalised to redirectTo. */
        REDIRECTION,
        /** 5xx / network: retried at nextFetch with growing back-off. */
        FETCH_ERROR,
        /** 4xx: not retried until the next scheduled recrawl. */
        ERROR,
        /** Deliberately not fetched or not kept: robots, too large, not HTML, redirect refused. */
        SKIPPED
    }

    public static UrlState discovered(String url, String source, int depth, String kind, String now) {
        return new UrlState(url, source, Source.authority(url), Status.DISCOVERED, kind, depth, now, now, null, null, null,
            null, null, null, 0, null, null);
    }

    public String id() {
        return UrlNormalizer.id(url);
    }

    public UrlState with(Status newStatus, String newNextFetch, String now, Integer http, String newError) {
        return new UrlState(url, source, host, newStatus, kind, depth, discoveredAt, newNextFetch, now, etag, lastModified,
            contentHash, http, newError, newStatus == Status.FETCH_ERROR ? retries + 1 : 0, articleId, redirectTo);
    }

    public UrlState withContent(String newKind, String newEtag, String newLastModified, String newHash, String newArticleId) {
        return new UrlState(url, source, host, status, newKind, depth, discoveredAt, nextFetch, lastFetch, newEtag, newLastModified,
            newHash, httpStatus, error, retries, newArticleId, redirectTo);
    }

    public UrlState redirectedTo(String target) {
        return new UrlState(url, source, host, Status.REDIRECTION, kind, depth, discoveredAt, nextFetch, lastFetch, etag,
            lastModified, contentHash, httpStatus, null, 0, articleId, target);
    }
}
