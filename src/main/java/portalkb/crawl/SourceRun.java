package portalkb.crawl;

import portalkb.extract.Fingerprints;
import portalkb.config.AppConfig;
import portalkb.extract.ExtractedPage;
import portalkb.extract.HtmlDecoder;
import portalkb.extract.PageExtractor;
import portalkb.index.ArticleWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of one source: a frontier (breadth first) filled from the seeds and the crawl state, worked by
 * a few threads; each URL goes fetch → parse → index → state. Everything a restart needs is in the
 * crawl-state index, so a run stopped at any point resumes where it was.
 */
final class SourceRun {

    private record Task(String url, int depth, boolean seed) {
    }

    private final Source source;
    private final AppConfig.Crawler settings;
    private final CrawlOptions options;
    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final HostPoliteness politeness;
    private final CrawlState state;
    private final ArticleWriter writer;
    private final PageExtractor extractor = new PageExtractor();
    private final SourceReport report;
    private final CrawlListener listener;
    private final AtomicBoolean stopRequested;
    private final Map<String, UrlState> known = new ConcurrentHashMap<>();
    private final PriorityBlockingQueue<Task> frontier = new PriorityBlockingQueue<>(64,
        (a, b) -> Integer.compare(a.depth(), b.depth()));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final int maxPages;

    SourceRun(Source source, AppConfig.Crawler settings, CrawlOptions options, Fetcher fetcher, RobotsRules robots,
              HostPoliteness politeness, CrawlState state, ArticleWriter writer, SourceReport report,
              CrawlListener listener, AtomicBoolean stopRequested) {
        this.source = source;
        this.settings = settings;
        this.options = options;
        this.fetcher = fetcher;
        this.robots = robots;
        this.politeness = politeness;
        this.state = state;
        this.writer = writer;
        this.report = report;
        this.listener = listener;
        this.stopRequested = stopRequested;
        this.maxPages = options.maxPages() > 0 ? options.maxPages() : source.maxPages();
    }

    void run() throws IOException, InterruptedException {
        known.putAll(state.load(source.id()));
        String now = Instant.now().toString();
        for (String seed : source.seeds()) {
            UrlState s = known.computeIfAbsent(UrlNormalizer.id(seed), id -> UrlState.discovered(seed, source.id(), 0, "seed", now));
            frontier.add(new Task(s.url(), 0, true));
        }
        for (UrlState s : known.values()) {
            if (!isSeed(s.url()) && due(s, now)) {
                frontier.add(new Task(s.url(), s.depth(), false));
            }
        }
        int threads = Math.max(1, settings.threads());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("crawl-" + source.id() + "-" + i).start(this::work));
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private boolean isSeed(String url) {
        return source.seeds().contains(url);
    }

    private boolean due(UrlState s, String now) {
        return switch (s.status()) {
            case DISCOVERED -> true;
            case REDIRECTION -> false;
            case FETCH_ERROR -> s.retries() <= settings.maxRetries() && (options.refetchAll() || s.nextFetch() == null || s.nextFetch().compareTo(now) <= 0);
            default -> options.refetchAll() || s.nextFetch() == null || s.nextFetch().compareTo(now) <= 0;
        };
    }

    private void work() {
        try {
            while (!stopRequested.get()) {
                Task task = frontier.poll(50, TimeUnit.MILLISECONDS);
                if (task == null) {
                    if (inFlight.get() == 0 && frontier.isEmpty()) {
                        return;
                    }
                    continue;
                }
                if (taken.incrementAndGet() > maxPages) {
                    return;
                }
                inFlight.incrementAndGet();
                try {
                    process(task);
                } catch (IOException | RuntimeException e) {
                    report.error(task.url(), "internal: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                } finally {
                    inFlight.decrementAndGet();
                    listener.page(report);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Task task) throws IOException, InterruptedException {
        String id = UrlNormalizer.id(task.url());
        UrlState previous = known.computeIfAbsent(id, k -> UrlState.discovered(task.url(), source.id(), task.depth(), "page", Instant.now().toString()));
        if (!robots.allowed(task.url())) {
            skip(previous, "disallowed by robots.txt", null);
            return;
        }
        politeness.await(previous.host(), Math.max(source.delayMs(), robots.crawlDelayMs(task.url())));
        long fetchStart = System.nanoTime();
        FetchResult result = fetcher.fetch(task.url(), previous.etag(), previous.lastModified(), this::allowedHop);
        report.fetchNanos.addAndGet(System.nanoTime() - fetchStart);
        report.fetched.incrementAndGet();
        String now = Instant.now().toString();
        switch (result.outcome()) {
            case OK -> fetched(task, previous, result, now);
            case NOT_MODIFIED -> {
                report.unchanged.incrementAndGet();
                save(previous.with(UrlState.Status.FETCHED, recrawlAt(), now, 304, null)
                    .withContent(previous.kind(), result.etag() == null ? previous.etag() : result.etag(),
                        result.lastModified() == null ? previous.lastModified() : result.lastModified(), previous.contentHash(), previous.articleId()));
            }
            case TRANSIENT_ERROR -> {
                report.error(task.url(), result.error());
                long backoff = settings.retryBackoffMs() << Math.min(10, previous.retries());
                save(previous.with(UrlState.Status.FETCH_ERROR, Instant.now().plusMillis(backoff).toString(), now, result.status(), result.error()));
            }
            case CLIENT_ERROR -> {
                report.error(task.url(), result.error());
                save(previous.with(UrlState.Status.ERROR, recrawlAt(), now, result.status(), result.error()));
            }
            case UNSUPPORTED_TYPE -> skip(previous.withContent(kindOf(result.contentType()), null, null, null, null), result.error(), result.status());
            case TOO_LARGE, REDIRECT_REFUSED, ROBOTS_DENIED -> skip(previous, result.error(), result.status());
        }
    }

    private boolean allowedHop(String url) {
        try {
            return source.inScope(url) && robots.allowed(url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void fetched(Task task, UrlState previous, FetchResult result, String now) throws IOException {
        String hash = Fingerprints.sha256Hex(result.body(), 16);
        UrlState current = previous;
        if (!result.finalUrl().equals(task.url())) {
            // The URL we asked for is an alias: remember where it points; the content belongs to the target.
            save(previous.redirectedTo(result.finalUrl()).with(UrlState.Status.REDIRECTION, recrawlAt(), now, result.status(), null)
                .redirectedTo(result.finalUrl()));
            current = known.computeIfAbsent(UrlNormalizer.id(result.finalUrl()),
                k -> UrlState.discovered(result.finalUrl(), source.id(), task.depth(), "page", now));
        }
        if (hash.equals(current.contentHash()) && !options.refetchAll()) {
            report.unchanged.incrementAndGet();
            save(current.with(UrlState.Status.FETCHED, recrawlAt(), now, result.status(), null)
                .withContent(current.kind(), result.etag(), result.lastModified(), hash, current.articleId()));
            return;
        }
        if (FeedReader.isFeed(result.contentType(), result.body())) {
            FeedReader.Entries entries;
            try {
                entries = FeedReader.read(result.finalUrl(), result.contentType(), result.body());
            } catch (IOException e) {
                report.error(task.url(), e.getMessage());
                save(current.with(UrlState.Status.ERROR, recrawlAt(), now, result.status(), e.getMessage()));
                return;
            }
            entries.sitemaps().forEach(u -> discover(u, task.depth(), "sitemap"));
            // Feed entries are articles: they do not spend link depth.
            entries.pages().forEach(u -> discover(u, task.depth(), "page"));
            save(current.with(UrlState.Status.FETCHED, recrawlAt(), now, result.status(), null)
                .withContent("feed", result.etag(), result.lastModified(), hash, null));
            return;
        }
        long parseStart = System.nanoTime();
        HtmlDecoder.Decoded decoded = HtmlDecoder.decode(result.body(), result.charset());
        ExtractedPage page = extractor.extract(decoded.text(), result.finalUrl(), source.selectors());
        report.parseNanos.addAndGet(System.nanoTime() - parseStart);
        String articleUrl = current.url();
        if (page.canonical() != null && !page.canonical().equals(articleUrl) && source.inScope(page.canonical())) {
            articleUrl = page.canonical();
            String target = articleUrl;
            save(current.redirectedTo(target).with(UrlState.Status.REDIRECTION, recrawlAt(), now, result.status(), null).redirectedTo(target));
            current = known.computeIfAbsent(UrlNormalizer.id(target), k -> UrlState.discovered(target, source.id(), task.depth(), "page", now));
        }
        String articleId = null;
        String kind = "listing";
        if (page.article() && !page.noindex()) {
            kind = "article";
            long indexStart = System.nanoTime();
            articleId = index(page, articleUrl, now, current.articleId() == null && current.contentHash() == null && articleUrl.equals(task.url()));
            report.indexNanos.addAndGet(System.nanoTime() - indexStart);
        }
        if (!page.nofollow()) {
            if (task.depth() < source.maxDepth()) {
                page.links().forEach(u -> discover(u, task.depth() + 1, "page"));
            }
            page.nextPages().forEach(u -> discover(u, task.depth(), "page"));
        }
        save(current.with(UrlState.Status.FETCHED, recrawlAt(), now, result.status(), null)
            .withContent(kind, result.etag(), result.lastModified(), hash, articleId));
    }

    private String index(ExtractedPage page, String url, String now, boolean neverIndexed) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put("url", url);
        raw.put("title", page.title());
        raw.put("body", page.body());
        raw.put("published", page.published());
        raw.put("author", page.author());
        raw.put("lang", page.lang());
        raw.put("source", source.id());
        raw.put("sourceName", source.name());
        raw.put("province", source.province());
        if (source.district() != null) {
            raw.put("district", source.district());
        }
        raw.put("fetchedAt", now);
        ArticleWriter.Result result = untilElasticsearchAnswers(() -> writer.write(List.of(raw), neverIndexed).get(0), url);
        switch (result.outcome()) {
            case INDEXED -> report.indexed.incrementAndGet();
            case CHANGED -> report.changed.incrementAndGet();
            case UNCHANGED -> report.unchanged.incrementAndGet();
            case REJECTED -> report.error(url, "not indexed: " + result.reason());
        }
        if (result.duplicateOf() != null) {
            report.duplicates.incrementAndGet();
        }
        return result.id();
    }

    interface ElasticCall<T> {
        T call() throws IOException;
    }

    /**
     * Elasticsearch down or unreachable: the page already fetched is kept in memory and written when
     * the cluster answers again (back-off 1 s doubling to 30 s), unless the crawl is being stopped.
     */
    private <T> T untilElasticsearchAnswers(ElasticCall<T> call, String url) throws IOException {
        long backoff = 1000;
        while (true) {
            try {
                return call.call();
            } catch (IOException e) {
                if (stopRequested.get()) {
                    throw e;
                }
                report.pausedForElasticsearch.incrementAndGet();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(30_000, backoff * 2);
            }
        }
    }

    private void discover(String url, int depth, String kind) {
        if (!source.inScope(url)) {
            return;
        }
        String id = UrlNormalizer.id(url);
        UrlState fresh = UrlState.discovered(url, source.id(), depth, kind, Instant.now().toString());
        if (known.putIfAbsent(id, fresh) == null) {
            state.discovered(fresh);
            frontier.add(new Task(url, depth, false));
        }
    }

    private void skip(UrlState s, String reason, Integer status) {
        report.skipped.incrementAndGet();
        save(s.with(UrlState.Status.SKIPPED, recrawlAt(), Instant.now().toString(), status, reason));
    }

    private void save(UrlState s) {
        known.put(s.id(), s);
        state.save(s);
    }

    private String recrawlAt() {
        return Instant.now().plusSeconds(settings.recrawlAfterHours() * 3600).toString();
    }

    private static String kindOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.contains("pdf")) {
            return "pdf";
        }
        if (type.startsWith("image/")) {
            return "image";
        }
        return "binary";
    }

}
