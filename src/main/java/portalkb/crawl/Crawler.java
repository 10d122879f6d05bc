package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.Refresh;
import portalkb.config.AppConfig;
import portalkb.extract.DocumentReader;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.index.OverwritePolicy;
import portalkb.store.Elastic;
import portalkb.store.WriteBlocks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Crawls sources one after another (each with its own worker threads and lease), records each run in
 * the crawl-runs index and returns what happened. {@link #stop()} lets the pages in flight finish.
 */
public final class Crawler {

    /** Passage and fact ids are the article id plus "-p3" / "-f12". */
    private static final Pattern ARTICLE_PART = Pattern.compile("-[pf]\\d+$");

    private final Elastic elastic;
    private final AppConfig.Crawler settings;
    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final HostPoliteness politeness = new HostPoliteness();
    private final BlockedWrites blockedWrites;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Writes Elasticsearch refused for good, collected from the bulk indexer and settled after each source. */
    private final Queue<BulkIndexer.Failure> notStored = new ConcurrentLinkedQueue<>();
    private final String owner = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public Crawler(Elastic elastic, AppConfig.Crawler settings) {
        this.elastic = elastic;
        this.settings = settings;
        this.blockedWrites = new BlockedWrites(settings.writeBlockWaitSeconds());
        this.fetcher = new Fetcher(settings);
        this.robots = new RobotsRules(fetcher, settings.userAgent());
    }

    public void stop() {
        stopRequested.set(true);
    }

    public boolean stopping() {
        return stopRequested.get();
    }

    public List<SourceReport> run(List<Source> sources, CrawlOptions options, CrawlListener listener)
        throws IOException, InterruptedException {
        List<SourceReport> reports = new ArrayList<>();
        // Up to ~6 minutes of retries (back-off capped at 51 s): a restarting cluster loses nothing.
        BulkIndexer.Settings patient = new BulkIndexer.Settings(1000, 5L << 20, 2, 15, java.time.Duration.ofMillis(200));
        Optional<String> blocked = WriteBlocks.check(elastic);
        if (blocked.isPresent()) {
            throw new IOException(blocked.get());
        }
        try (BulkIndexer bulk = new BulkIndexer(elastic, patient, notStored::add);
             DocumentReader documents = ParseStep.documentReader(settings.documents())) {
            CrawlState state = new CrawlState(elastic, bulk);
            ArticleWriter writer = new ArticleWriter(elastic, bulk);
            for (Source source : sources) {
                if (stopRequested.get()) {
                    break;
                }
                reports.add(runSource(source, options, listener, bulk, state, writer, documents));
            }
        }
        new ElasticsearchWait(stopRequested, new AtomicLong()).until(() -> elastic.client().indices().refresh(r -> r.index(List.of(
            elastic.names().articles(), elastic.names().passages(), elastic.names().history(), elastic.names().facts(),
            elastic.names().crawlState(), elastic.names().crawlRuns()))));
        return reports;
    }

    private SourceReport runSource(Source source, CrawlOptions options, CrawlListener listener, BulkIndexer bulk,
                                   CrawlState state, ArticleWriter writer, DocumentReader documents) throws IOException, InterruptedException {
        SourceReport report = new SourceReport(source.id());
        // A source's first requests: while the cluster is away they wait, as page writes do, instead of ending the crawl.
        ElasticsearchWait wait = new ElasticsearchWait(stopRequested, report.pausedForElasticsearch);
        Optional<String> holder = wait.until(() -> state.lease(source.id(), owner, settings.leaseSeconds()));
        if (holder.isPresent()) {
            report.error(source.id(), "skipped: already being crawled by " + holder.get());
            report.finish("skipped");
            listener.finished(report);
            return report;
        }
        String runId = source.id() + "-" + Instant.now().toEpochMilli();
        wait.until(() -> {
            blockedWrites.write(() -> recordRun(runId, options, report));
            return runId;
        });
        listener.started(report);
        var renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + source.id());
            t.setDaemon(true);
            return t;
        });
        renewal.scheduleAtFixedRate(() -> {
            try {
                state.lease(source.id(), owner, settings.leaseSeconds());
            } catch (IOException | RuntimeException e) {
                // Elasticsearch unreachable: the run itself is waiting for it too; renew next time.
            }
        }, leaseRenewalMillis(), leaseRenewalMillis(), TimeUnit.MILLISECONDS);
        try {
            new SourceRun(source, settings, options, new FetchStep(source, fetcher, robots, politeness, report),
                new IndexStep(source, writer, OverwritePolicy.of(settings), report, stopRequested), state, report, listener, stopRequested,
                documents).run();
            bulk.flush();
            reportNotStored(report);
            report.finish(stopRequested.get() ? "stopped" : report.fetched.get() > 0 && report.errors.get() == report.fetched.get() ? "failed" : "done");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            report.error(source.id(), "run failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            report.finish("failed");
        } finally {
            renewal.shutdownNow();
            try {
                blockedWrites.write(() -> recordRun(runId, options, report));
                blockedWrites.write(() -> state.release(source.id(), owner));
            } catch (IOException | RuntimeException e) {
                // The run's pages are stored; only its record or lease release is: say so, and the lease expires.
                report.error(source.id(), "run record not written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            listener.finished(report);
        }
        return report;
    }

    /**
     * Documents Elasticsearch refused for good (after retries): one error per article. Their pages were
     * already written back as due by the status step, so a rejected write is never mistaken for
     * "unchanged" later.
     */
    private void reportNotStored(SourceReport report) {
        Map<String, String> byArticle = new LinkedHashMap<>();
        for (BulkIndexer.Failure f = notStored.poll(); f != null; f = notStored.poll()) {
            String message = WriteBlocks.isDiskFull(f.reason()) ? WriteBlocks.DISK_FULL
                : "not stored in Elasticsearch (" + f.status() + " " + f.reason() + ")";
            String articleId = ARTICLE_PART.matcher(f.id()).replaceFirst("");
            if (byArticle.putIfAbsent(f.index().equals(elastic.names().crawlState()) ? "state " + f.id() : articleId, message) == null) {
                report.error(f.index() + "/" + f.id(), message);
            }
        }
    }

    private void recordRun(String runId, CrawlOptions options, SourceReport report) throws IOException {
        CrawlRun run = CrawlRun.of(options.trigger(), report, owner);
        elastic.client().index(i -> i.index(elastic.names().crawlRuns()).id(runId).document(run).refresh(Refresh.False));
    }

    /** A lease is renewed every tenth of its time, so a crawler that dies on another host blocks its source for crawler.leaseSeconds at most. */
    private long leaseRenewalMillis() {
        return Math.max(100, settings.leaseSeconds() * 100);
    }

    static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.contains("@") ? name.substring(name.indexOf('@') + 1) : name;
    }
}
