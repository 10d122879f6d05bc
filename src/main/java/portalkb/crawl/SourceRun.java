package portalkb.crawl;

import portalkb.core.UserTraffic;
import portalkb.config.AppConfig;
import portalkb.crawl.Frontier.Task;
import portalkb.extract.DocumentReader;
import portalkb.extract.DocumentType;
import portalkb.extract.ExtractedPage;
import portalkb.core.Fingerprints;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of one source: a frontier (breadth first) filled from the seeds and the crawl state, worked by
 * a few threads. Each URL goes through the steps fetch ({@link FetchStep}) → parse ({@link ParseStep}) →
 * index ({@link IndexStep}) → status ({@link StatusStep}, the only writer of crawl state, after the
 * article is stored). Everything a restart needs is in the crawl-state index, so a run stopped at any
 * point resumes where it was. What one run may take on is bounded ({@link CrawlLimits}).
 */
final class SourceRun {

    static final String NOT_STORED = "not stored in Elasticsearch: fetched again next run";

    private final Source source;
    private final AppConfig.Crawler settings;
    private final CrawlOptions options;
    private final FetchStep fetchStep;
    private final ParseStep parseStep;
    private final IndexStep indexStep;
    private final PageStep pageStep;
    private final DocumentStep documentStep;
    private final StatusStep status;
    private final CrawlState store;
    private final CrawlLimits limits;
    private final SourceReport report;
    private final CrawlListener listener;
    private final AtomicBoolean stopRequested;
    private final Frontier frontier;
    private final UrlDiscovery discovery;

    SourceRun(Source source, AppConfig.Crawler settings, CrawlOptions options, FetchStep fetchStep, IndexStep indexStep, CrawlState store,
              SourceReport report, CrawlListener listener, AtomicBoolean stopRequested, DocumentReader documents) {
        this.source = source;
        this.settings = settings;
        this.options = options;
        this.fetchStep = fetchStep;
        this.parseStep = new ParseStep(source, settings, report, documents);
        this.indexStep = indexStep;
        this.store = store;
        this.status = new StatusStep(store, source.id());
        this.limits = new CrawlLimits(settings, report);
        this.pageStep = new PageStep(parseStep, indexStep, status, report, this::recrawlAt);
        this.documentStep = new DocumentStep(source, indexStep, status, report, this::recrawlAt);
        this.report = report;
        this.listener = listener;
        this.stopRequested = stopRequested;
        this.frontier = new Frontier(options.maxPages() > 0 ? options.maxPages() : source.maxPages());
        this.discovery = new UrlDiscovery(source, status, limits, frontier, this::recrawlAt);
    }

    void run() throws IOException, InterruptedException {
        try (status) {
            Map<String, UrlState> known = store.load(source.id(), settings.maxKnownUrls());
            if (known.size() >= settings.maxKnownUrls()) {
                report.note(source.id(), "known URL limit reached: the run loaded the " + settings.maxKnownUrls() + " due soonest (crawler.maxKnownUrls); "
                    + "the others are left for later runs");
            }
            status.load(known);
            Instant now = Instant.now();
            for (String seed : source.seeds()) {
                frontier.add(new Task(status.getOrStart(seed, source.id(), 0, "seed").url(), 0, 0, 0));
            }
            for (UrlState s : status.all()) {
                if (!source.seeds().contains(s.url()) && due(s, now) && limits.withinLevels(s) && limits.queue(frontier.size())) {
                    frontier.add(new Task(s.url(), s.depth(), s.sitemapLevel(), s.paginationLevel()));
                }
            }
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < Math.max(1, settings.threads()); i++) {
                workers.add(Thread.ofPlatform().name("crawl-" + source.id() + "-" + i).start(this::work));
            }
            for (Thread t : workers) {
                t.join();
            }
            store.flush();
            while (status.waiting() > 0) {
                Thread.sleep(20);
            }
            store.flush();
            limits.report(source.id());
        }
    }

    private boolean due(UrlState s, Instant now) {
        boolean scheduled = options.refetchAll() || s.nextFetch() == null || !s.nextFetch().isAfter(now);
        return switch (s.status()) {
            case DISCOVERED -> true;
            case FETCH_ERROR -> s.retries() <= settings.maxRetries() && scheduled;
            default -> scheduled; // redirects too: a temporary redirect or a canonical link must not freeze a URL
        };
    }

    private void work() {
        try {
            for (Task task = frontier.next(stopRequested); task != null; task = frontier.next(stopRequested)) {
                try {
                    UserTraffic.yieldTo(settings.yieldToUsersMs()); // under serve, users' searches and asks go first
                    process(task);
                } catch (IOException | RuntimeException e) {
                    report.error(task.url(), "internal: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                } catch (OutOfMemoryError | StackOverflowError e) {
                    // One hostile page must not end the run (or, under serve, the web server beside it): record it, go on.
                    String reason = "internal: " + e.getClass().getSimpleName() + " while handling this page; skipped";
                    report.error(task.url(), reason);
                    status.record(status.getOrStart(task.url(), source.id(), task.depth(), "page")
                        .with(UrlState.Status.ERROR, recrawlAt(), Instant.now(), null, reason));
                } finally {
                    frontier.done();
                    listener.page(report);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Task task) throws IOException, InterruptedException {
        UrlState previous = status.getOrStart(task.url(), source.id(), task.depth(), "page").reachedThrough(task.sitemaps(), task.pages());
        FetchResult result = fetchStep.fetch(task.url(), previous);
        Instant now = Instant.now();
        switch (result.outcome()) {
            case OK -> fetched(task, previous, result, now);
            case NOT_MODIFIED -> {
                report.unchanged.incrementAndGet();
                status.record(previous.with(UrlState.Status.FETCHED, recrawlAt(), now, 304, null)
                    .withContent(previous.kind(), result.etag() == null ? previous.etag() : result.etag(),
                        result.lastModified() == null ? previous.lastModified() : result.lastModified(), previous.contentHash(), previous.articleId()));
            }
            case TRANSIENT_ERROR -> {
                report.error(task.url(), result.error());
                long backoff = settings.retryBackoffMs() << Math.min(10, previous.retries());
                status.record(previous.with(UrlState.Status.FETCH_ERROR, Instant.now().plusMillis(backoff), now, result.status(), result.error()));
            }
            case CLIENT_ERROR -> {
                report.error(task.url(), result.error());
                status.record(previous.with(UrlState.Status.ERROR, recrawlAt(), now, result.status(), result.error()));
            }
            case UNSUPPORTED_TYPE -> skip(previous.withContent(DocumentType.kindOf(result.contentType(), result.finalUrl()), null, null, null, null), result.error(), result.status());
            case TOO_LARGE -> skip(DocumentType.announced(result.contentType(), result.finalUrl(), null)
                ? previous.withContent(DocumentType.kindOf(result.contentType(), result.finalUrl()), null, null, null, null) : previous, result.error(), result.status());
            case REDIRECT_REFUSED, ROBOTS_DENIED, REFUSED -> skip(previous, result.error(), result.status());
        }
    }

    private void fetched(Task task, UrlState previous, FetchResult fetched, Instant now) throws IOException {
        FetchResult result;
        try {
            result = parseStep.inflated(fetched);
        } catch (ParseStep.Unusable e) {
            report.error(task.url(), e.getMessage());
            status.record(previous.with(UrlState.Status.ERROR, recrawlAt(), now, fetched.status(), e.getMessage()));
            return;
        }
        String hash = Fingerprints.sha256Hex(result.body(), 16);
        if (result.finalUrl().equals(task.url())) {
            content(task, previous, result, hash, now, null);
            return;
        }
        // The URL we asked for is an alias: the content belongs to the target. A permanent move takes its article along.
        UrlState target = status.getOrStart(result.finalUrl(), source.id(), task.depth(), "page").reachedThrough(task.sitemaps(), task.pages());
        String oldArticle = previous.articleId();
        boolean moved = result.permanentRedirect() && oldArticle != null && !oldArticle.equals(target.id());
        String newArticle = content(task, target, result, hash, now, moved ? oldArticle : null);
        UrlState alias = previous.redirectedTo(result.finalUrl()).with(UrlState.Status.REDIRECTION, recrawlAt(), now, result.status(), null);
        if (moved && newArticle != null && indexStep.movedArticleIsTheSameStory(oldArticle, newArticle)) {
            status.recordAfter(alias.withContent(alias.kind(), null, null, null, null), indexStep.retire(oldArticle, newArticle), alias);
        } else {
            if (moved && newArticle != null) {
                // A redirect to another story (a cleaned-up CMS, a reused slug) is no move: the article stays, linked to its address.
                String reason = "the permanent redirect leads to another story (" + result.finalUrl() + ")";
                report.refusal(task.url(), "kept the live version: " + reason);
                alias = alias.refused(reason);
            }
            status.record(alias);
        }
    }

    /** The content of {@code current}'s URL; returns the id of the article it holds (null when none). */
    private String content(Task task, UrlState current, FetchResult result, String hash, Instant now, String movedFrom) throws IOException {
        if (hash.equals(current.contentHash()) && !options.refetchAll()) {
            report.unchanged.incrementAndGet();
            status.record(current.with(UrlState.Status.FETCHED, recrawlAt(), now, result.status(), null)
                .withContent(current.kind(), result.etag(), result.lastModified(), hash, current.articleId()));
            return current.articleId();
        }
        ParseStep.Parsed parsed;
        try {
            parsed = parseStep.parse(result);
        } catch (ParseStep.Unusable e) {
            report.error(task.url(), e.getMessage());
            status.record(current.with(UrlState.Status.ERROR, recrawlAt(), now, result.status(), e.getMessage()));
            return current.articleId();
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        UrlState fetchedState = current.with(UrlState.Status.FETCHED, recrawlAt(), now, result.status(), null);
        if (parsed.feed()) {
            // Feed and sitemap entries are articles: they do not spend link depth; sitemap indexes spend sitemap depth.
            parsed.entries().sitemaps().forEach(u -> discovery.discover(writes, u, new Task(u, task.depth(), task.sitemaps() + 1, 0), "sitemap"));
            parsed.entries().pages().forEach(u -> discovery.discover(writes, u, new Task(u, task.depth(), 0, 0), "page"));
            status.recordAfter(fetchedState.withContent("feed", result.etag(), result.lastModified(), hash, null), allOf(writes),
                current.dueAgain(NOT_STORED));
            return null;
        }
        if (parsed.document() != null) {
            return documentStep.record(parsed.document(), new PageStep.Fetched(current, fetchedState, result, hash, now, movedFrom), writes,
                task.referrer());
        }
        ExtractedPage page = parsed.page();
        List<Task> attachments = new ArrayList<>();
        if (!page.nofollow()) {
            // An article's attached files (reports, tables) are part of it: they do not spend link depth.
            // Queued only once the page is written, so the file's worker finds the page that links it.
            page.documents().forEach(u -> discovery.discover(writes, u, new Task(u, task.depth(), current.url()), "document", attachments::add));
            if (task.depth() < source.maxDepth()) {
                page.links().forEach(u -> discovery.discover(writes, u, new Task(u, task.depth() + 1, current.url()), "page"));
            }
            page.nextPages().forEach(u -> discovery.discover(writes, u, new Task(u, task.depth(), 0, task.pages() + 1), "page"));
        }
        String canonical = parseStep.canonical(page, current.url());
        if (canonical != null) {
            discovery.discover(writes, canonical, new Task(canonical, task.depth(), 0, 0), "page");
        }
        String recorded = pageStep.record(page, new PageStep.Fetched(current, fetchedState, result, hash, now, movedFrom), writes);
        attachments.forEach(frontier::add);
        return recorded;
    }

    private void skip(UrlState s, String reason, Integer httpStatus) {
        report.skipped.incrementAndGet();
        status.record(s.with(UrlState.Status.SKIPPED, recrawlAt(), Instant.now(), httpStatus, reason));
    }

    private Instant recrawlAt() {
        return Instant.now().plusSeconds(settings.recrawlAfterHours() * 3600);
    }

    static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> writes) {
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }
}
