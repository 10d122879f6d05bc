package portalkb.crawl;

import java.util.List;

/**
 * What one fetch gave: the final URL after redirects, the HTTP status, the body (null when not read:
 * 304, too large, not HTML/XML, error) and what the crawl state keeps for the next conditional GET.
 * {@code permanentRedirect}: every redirect on the way was 301/308 (the page has moved).
 */
public record FetchResult(String url, String finalUrl, Outcome outcome, int status, String contentType,
                          String charset, byte[] body, String etag, String lastModified, List<String> redirects,
                          String error, boolean permanentRedirect) {

    public enum Outcome {
        /** 2xx with a body we read. */
        OK,
        /** 304 to a conditional GET. */
        NOT_MODIFIED,
        /** Redirect chain too long, looping, or leaving the source / allowed area. */
        REDIRECT_REFUSED,
        /** Disallowed by robots.txt. */
        ROBOTS_DENIED,
        /** Not fetched: out of the source's scope or on an address it may not reach. */
        REFUSED,
        /** Larger than the size cap: not loaded. */
        TOO_LARGE,
        /** Not HTML or XML (PDF, images …): recorded, body not loaded. */
        UNSUPPORTED_TYPE,
        /** 4xx. */
        CLIENT_ERROR,
        /** 5xx or network failure after retries: to be tried again later. */
        TRANSIENT_ERROR
    }

    static FetchResult failed(String url, String finalUrl, Outcome outcome, int status, String contentType,
                              List<String> redirects, String error) {
        return new FetchResult(url, finalUrl, outcome, status, contentType, null, null, null, null, redirects, error, false);
    }

    FetchResult movedPermanently() {
        return new FetchResult(url, finalUrl, outcome, status, contentType, charset, body, etag, lastModified, redirects, error, true);
    }

    /** The same result with another body (a compressed one, inflated). */
    FetchResult withBody(byte[] newBody) {
        return new FetchResult(url, finalUrl, outcome, status, contentType, charset, newBody, etag, lastModified, redirects, error, permanentRedirect);
    }
}
