package portalkb.crawl;

import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.extract.DocumentType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP GET with what a polite crawler needs: our User-Agent, conditional requests (ETag /
 * Last-Modified), redirects followed by hand (each hop checked, loops and long chains refused), a size
 * cap enforced while reading (never loads an oversized body), and only HTML/XML bodies read — and PDF,
 * Word and Excel files, up to their own cap, when crawler.documents is enabled. Retries of
 * 5xx and network errors, with back-off, happen here too.
 */
public final class Fetcher {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fetch-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client;
    private final AppConfig.Crawler settings;
    private final long inRunBackoffMs;

    public Fetcher(AppConfig.Crawler settings) {
        this(settings, Math.min(settings.retryBackoffMs(), 2000));
    }

    /** {@code inRunBackoffMs}: first wait between in-run retries (longer waits are left to the next run). */
    public Fetcher(AppConfig.Crawler settings, long inRunBackoffMs) {
        this.settings = settings;
        this.inRunBackoffMs = inRunBackoffMs;
        this.client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    }

    /**
     * Fetches {@code url}; {@code hopAllowed} is asked about each redirect target (scope, robots).
     * {@code etag}/{@code lastModified} (nullable) make the request conditional.
     */
    public FetchResult fetch(String url, String etag, String lastModified, Predicate<String> hopAllowed) throws InterruptedException {
        FetchResult result = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(inRunBackoffMs << (attempt - 1));
            }
            result = fetchOnce(url, etag, lastModified, hopAllowed, false);
            if (result.outcome() != FetchResult.Outcome.TRANSIENT_ERROR) {
                return result;
            }
        }
        return result;
    }

    /** One attempt, no retries (a check that must ask each address once); {@code hopAllowed} as in {@link #fetch}. */
    public FetchResult fetchOnce(String url, Predicate<String> hopAllowed) throws InterruptedException {
        return fetchOnce(url, null, null, hopAllowed, false);
    }

    /**
     * robots.txt: one attempt, whatever its content type (servers label it oddly; it is read as text);
     * redirects followed (RFC 9309 allows five hops) only where {@code hopAllowed} says.
     */
    public FetchResult fetchRobots(String url, Predicate<String> hopAllowed) throws InterruptedException {
        return fetchOnce(url, null, null, hopAllowed, true);
    }

    private FetchResult fetchOnce(String url, String etag, String lastModified, Predicate<String> hopAllowed, boolean anyType)
        throws InterruptedException {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = url;
        seen.add(current);
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create(current))
                    .timeout(Duration.ofMillis(settings.readTimeoutMs()))
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,*/*;q=0.5")
                    .header("Accept-Language", "vi,en;q=0.5")
                    .GET();
            } catch (IllegalArgumentException e) {
                return FetchResult.failed(url, current, FetchResult.Outcome.CLIENT_ERROR, 0, null, chain, "invalid URL: " + current);
            }
            if (hop == 0 && etag != null) {
                request.header("If-None-Match", etag);
            }
            if (hop == 0 && lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return FetchResult.failed(url, current, FetchResult.Outcome.TRANSIENT_ERROR, 0, null, chain, "timed out after " + settings.readTimeoutMs() + " ms");
            } catch (IOException e) {
                return FetchResult.failed(url, current, FetchResult.Outcome.TRANSIENT_ERROR, 0, null, chain, "network: " + describe(e));
            }
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            String contentType = headers.firstValue("Content-Type").orElse("");
            if (REDIRECTS.contains(status)) {
                closeQuietly(response.body());
                URI base = URI.create(current);
                Optional<String> location = headers.firstValue("Location")
                    .flatMap(l -> resolve(base, l)).flatMap(UrlNormalizer::normalize);
                if (location.isEmpty()) {
                    return FetchResult.failed(url, current, FetchResult.Outcome.CLIENT_ERROR, status, contentType, chain, "redirect without a valid Location");
                }
                String next = location.get();
                chain.add(next);
                if (!seen.add(next)) {
                    return FetchResult.failed(url, next, FetchResult.Outcome.REDIRECT_REFUSED, status, contentType, chain, "redirect loop: " + String.join(" → ", chain));
                }
                if (hop + 1 > settings.maxRedirects()) {
                    return FetchResult.failed(url, next, FetchResult.Outcome.REDIRECT_REFUSED, status, contentType, chain, "more than " + settings.maxRedirects() + " redirects");
                }
                if (!hopAllowed.test(next)) {
                    return FetchResult.failed(url, next, FetchResult.Outcome.REDIRECT_REFUSED, status, contentType, chain, "redirect leaves the source or is disallowed: " + next);
                }
                current = next;
                permanent &= status == 301 || status == 308;
                continue;
            }
            FetchResult result = read(url, current, response, status, contentType, chain, anyType);
            return chain.isEmpty() || !permanent ? result : result.movedPermanently();
        }
    }

    private FetchResult read(String url, String current, HttpResponse<InputStream> response, int status, String contentType, List<String> chain,
                             boolean anyType) {
        HttpHeaders headers = response.headers();
        try (InputStream body = response.body()) {
            if (status == 304) {
                return new FetchResult(url, current, FetchResult.Outcome.NOT_MODIFIED, status, contentType, null, null,
                    headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), chain, null, false);
            }
            if (status >= 500 || status == 429) {
                return FetchResult.failed(url, current, FetchResult.Outcome.TRANSIENT_ERROR, status, contentType, chain, "HTTP " + status);
            }
            if (status >= 400 || status < 200 || status >= 300) {
                return FetchResult.failed(url, current, FetchResult.Outcome.CLIENT_ERROR, status, contentType, chain, "HTTP " + status);
            }
            // PDF, Word and Excel files are read (up to their own size limit) when crawler.documents says so.
            boolean document = !anyType && settings.documents().enabled()
                && DocumentType.announced(contentType, current, headers.firstValue("Content-Disposition").orElse(null));
            if (!anyType && !document && !readable(contentType, current)) {
                return FetchResult.failed(url, current, FetchResult.Outcome.UNSUPPORTED_TYPE, status, contentType, chain,
                    "not HTML or XML: " + (contentType.isEmpty() ? "no Content-Type" : contentType));
            }
            long limit = document ? settings.documents().maxBytes() : settings.maxPageBytes();
            String limitKey = document ? " (crawler.documents.maxBytes)" : " (crawler.maxPageBytes)";
            long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                return FetchResult.failed(url, current, FetchResult.Outcome.TOO_LARGE, status, contentType, chain,
                    "declared " + declared + " bytes > limit " + limit + limitKey);
            }
            // The request timeout covers the headers only; a server that stalls mid-body is cut off here.
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(body), settings.readTimeoutMs(), TimeUnit.MILLISECONDS);
            byte[] bytes;
            try {
                bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            } finally {
                watchdog.cancel(false);
            }
            if (bytes.length > limit) {
                return FetchResult.failed(url, current, FetchResult.Outcome.TOO_LARGE, status, contentType, chain,
                    "more than " + limit + " bytes" + limitKey);
            }
            if (document && bytes.length > settings.maxPageBytes() && DocumentType.sniff(bytes) == null) {
                // Announced as a file, but its bytes are no PDF, Word or Excel file: a page, held to the page limit.
                return FetchResult.failed(url, current, FetchResult.Outcome.TOO_LARGE, status, contentType, chain,
                    "announced as a document but not one, and more than " + settings.maxPageBytes() + " bytes (crawler.maxPageBytes)");
            }
            Matcher m = CHARSET.matcher(contentType);
            return new FetchResult(url, current, FetchResult.Outcome.OK, status, contentType, m.find() ? m.group(1) : null, bytes,
                headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), chain, null, false);
        } catch (HttpTimeoutException e) {
            return FetchResult.failed(url, current, FetchResult.Outcome.TRANSIENT_ERROR, status, contentType, chain, "timed out reading the body");
        } catch (IOException e) {
            return FetchResult.failed(url, current, FetchResult.Outcome.TRANSIENT_ERROR, status, contentType, chain, "network: " + describe(e));
        }
    }

    /** HTML, XHTML, XML feeds and sitemaps; a missing type is sniffed later from the bytes. */
    static boolean readable(String contentType, String url) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.isBlank()) {
            return !url.toLowerCase(Locale.ROOT).matches(".*\\.(pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|webp|mp4|mp3)$");
        }
        if (type.contains("openxmlformats")) {
            return false; // Word and Excel files (their type names "xml"): documents, not pages
        }
        return type.startsWith("text/html") || type.contains("xhtml") || type.contains("xml") || type.startsWith("text/plain")
            || type.contains("gzip"); // sitemap.xml.gz: inflated within crawler.maxInflatedBytes by the parse step
    }

    private static Optional<String> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(location.strip().replace(" ", "%20")).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
