package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.Refresh;
import portalkb.config.AppConfig;
import portalkb.extract.DocumentReader;
import portalkb.index.ArticleWriter;
import portalkb.store.BlockedWrites;
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
    private final String owner = newOwner();
    /** The stop flag of the source run under way, or null between runs. */
    private volatile AtomicBoolean currentRun;

    public Crawler(Elastic elastic, AppConfig.Crawler settings) {
        this.elastic = elastic;
        this.settings = settings;
        this.blockedWrites = new BlockedWrites(settings.writeBlockWaitSeconds());
        this.fetcher = new Fetcher(settings);
        this.robots = new RobotsRules(fetcher, settings.userAgent());
    }

    public void stop() {
        stopRequested.set(true);
        AtomicBoolean run = currentRun;
        if (run != null) {
            run.set(true);
        }
    }

    public boolean stopping() {
        return stopRequested.get();
    }

    public List<SourceReport> run(List<Source> sources, CrawlOptions options, CrawlListener listener)
        throws IOException, InterruptedException {
        List<SourceReport> reports = new ArrayList<>();
        // Up to ~6 minutes of retries (back-off capped at 51 s): a restarting cluster loses nothing.
        BulkIndexer.Settings patient = new BulkIndexer.Settings(1000, 5L << 20, 2, settings.writeAttempts(), java.time.Duration.ofMillis(200));
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
        CrawlState.LeaseAttempt lease = wait.until(() -> state.lease(source.id(), owner, settings.leaseSeconds()));
        if (!lease.granted()) {
            report.error(source.id(), "skipped: already being crawled by " + lease.heldBy());
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
        // This run stops when the crawl is stopped or when its lease is lost.
        AtomicBoolean runStop = new AtomicBoolean(stopRequested.get());
        currentRun = runStop;
        LeaseKeeper keeper = new LeaseKeeper(state, lease.held(), settings.leaseSeconds(), reason -> {
            report.error(source.id(), reason + "; run stopped");
            runStop.set(true);
        });
        try {
            new SourceRun(source, settings, options, new FetchStep(source, fetcher, robots, politeness, report),
                new IndexStep(source, writer, OverwritePolicy.of(settings), report, runStop), state, report, listener, runStop,
                documents).run();
            bulk.flush();
            reportNotStored(report);
            report.finish(runStop.get() ? "stopped" : report.fetched.get() > 0 && report.errors.get() == report.fetched.get() ? "failed" : "done");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            report.error(source.id(), "run failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            report.finish("failed");
        } finally {
            keeper.close();
            currentRun = null;
            try {
                blockedWrites.write(() -> recordRun(runId, options, report));
                blockedWrites.write(() -> state.release(keeper.held()));
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

    /** "host/pid/nonce/namespace": who holds a lease, in words another crawler can check ({@link CrawlState#alive}). */
    static String newOwner() {
        return hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8) + "/" + processNamespace();
    }

    private static final String NAMESPACE = readNamespace();

    /** This process's PID namespace and boot ("4026531836-1b2c3d4e"), or "" where the system does not say (not Linux). */
    static String processNamespace() {
        return NAMESPACE;
    }

    private static String readNamespace() {
        try {
            String pidNamespace = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString().replaceAll("\\D", "");
            String boot = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/random/boot_id")).strip();
            return pidNamespace.isEmpty() || boot.length() < 8 ? "" : pidNamespace + "-" + boot.substring(0, 8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.contains("@") ? name.substring(name.indexOf('@') + 1) : name;
    }
}
