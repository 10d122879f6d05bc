package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import portalkb.config.AppConfig;
import portalkb.core.Gazetteer;
import portalkb.index.VectorFiller;
import portalkb.store.Elastic;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crawls run by the service (scheduled or on demand), one background thread per run, never two runs
 * of one source at once; their status for the API, CLI and UI comes from the crawl-runs index.
 */
public final class CrawlService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("portalkb.crawl");

    private final Elastic elastic;
    private final AppConfig config;
    private final Path sourcesFile;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Crawler> active = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    /** Source runs at once (crawler.maxConcurrentRuns); a run started beyond waits for a slot. */
    private final Semaphore runSlots;
    /** Incremented by {@link #stop}: a run still waiting for a slot when it changes does not start. */
    private final AtomicInteger stops = new AtomicInteger();
    /** The sources as last read without a problem, and the problem of the file as it is now (null when none). */
    private volatile List<Source> lastGoodSources;
    private volatile String sourcesProblem;
    /** With embeddings on: the background pass that gives the crawled passages their vectors; else null. */
    private final AutoCloseable vectorFill;

    /** {@code embeddings}: passage vectors wanted (ask.embeddings); a background pass then fills them until {@link #close}. */
    public CrawlService(Elastic elastic, AppConfig config, Path sourcesFile, boolean embeddings) {
        this.elastic = elastic;
        this.config = config;
        this.sourcesFile = sourcesFile;
        this.runSlots = new Semaphore(Math.max(1, config.crawler().maxConcurrentRuns()), true);
        this.vectorFill = embeddings ? new VectorFiller(elastic, config.ask().vectors().batchSize())
            .runEvery(config.ask().vectors().intervalSeconds(), LOG::info) : null;
    }

    /**
     * Read fresh on every use, so an edited sources file applies without a restart. An edit that does not read
     * (bad YAML, an unknown province) leaves the last good list in force, with one warning per distinct problem.
     */
    public List<Source> sources() {
        try {
            List<Source> read = SourcesFile.load(sourcesFile, config.crawler());
            lastGoodSources = read;
            sourcesProblem = null;
            return read;
        } catch (RuntimeException e) {
            List<Source> lastGood = lastGoodSources;
            if (lastGood == null) {
                throw e;
            }
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(sourcesProblem)) {
                LOG.warn("{}; crawling the last good list of {} sources until the file is fixed", problem, lastGood.size());
            }
            sourcesProblem = problem;
            return lastGood;
        }
    }

    /** What is wrong with the sources file as it is now, if it could not be read (the last good list is in force). */
    public Optional<String> sourcesProblem() {
        return Optional.ofNullable(sourcesProblem);
    }

    public record Started(List<String> started, List<String> alreadyRunning) {
    }

    /** Starts a run of one source (or all when {@code sourceId} is null) in the background. */
    public Started run(String sourceId, String trigger) {
        List<Source> chosen = new ArrayList<>();
        for (Source s : sources()) {
            if (sourceId == null || s.id().equals(sourceId)) {
                chosen.add(s);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no source '" + sourceId + "'");
        }
        List<String> started = new ArrayList<>();
        List<String> busy = new ArrayList<>();
        for (Source s : chosen) {
            if (!running.add(s.id())) {
                busy.add(s.id());
                continue;
            }
            started.add(s.id());
            Thread.ofPlatform().name("crawl-run-" + s.id()).daemon(true).start(() -> runNow(s, trigger));
        }
        return new Started(started, busy);
    }

    private void runNow(Source source, String trigger) {
        int stopsAtStart = stops.get();
        try {
            while (!runSlots.tryAcquire(1, TimeUnit.SECONDS)) {
                if (stops.get() != stopsAtStart) {
                    running.remove(source.id());
                    return;
                }
            }
        } catch (InterruptedException e) {
            running.remove(source.id());
            Thread.currentThread().interrupt();
            return;
        }
        if (stops.get() != stopsAtStart) {
            runSlots.release();
            running.remove(source.id());
            return;
        }
        Crawler crawler = new Crawler(elastic, config.crawler());
        active.put(source.id(), crawler);
        try {
            List<SourceReport> reports = crawler.run(List.of(source), new CrawlOptions(0, false, trigger), CrawlListener.NONE);
            reports.forEach(r -> LOG.info("crawl {} ({}): {} fetched, {} new, {} changed, {} unchanged, {} errors — {}", r.source, trigger,
                r.fetched.get(), r.indexed.get(), r.changed.get(), r.unchanged.get(), r.errors.get(), r.status()));
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Logged, and this thread ends normally: the web server and other crawls in this JVM go on.
            LOG.warn("crawl {} failed: {}", source.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active.remove(source.id());
            running.remove(source.id());
            runSlots.release();
        }
    }

    public boolean isRunning(String sourceId) {
        return running.contains(sourceId);
    }

    /** Asks running crawls to stop after their pages in flight; returns the sources asked. */
    public List<String> stop() {
        stops.incrementAndGet();
        List<String> stopped = new ArrayList<>(active.keySet());
        active.values().forEach(Crawler::stop);
        return stopped;
    }

    public void nextRun(String sourceId, Instant at) {
        if (at == null) {
            nextRuns.remove(sourceId);
        } else {
            nextRuns.put(sourceId, at);
        }
    }

    /** The latest run of each source (crawl-runs), keyed by source id. */
    public Map<String, CrawlRun> lastRuns() throws IOException {
        SearchResponse<Void> response = elastic.client().search(s -> s.index(elastic.names().crawlRuns()).size(0)
            .aggregations("source", a -> a.terms(t -> t.field("source").size(500))
                .aggregations("latest", l -> l.topHits(h -> h.size(1).sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Desc)))))),
            Void.class);
        Map<String, CrawlRun> out = new LinkedHashMap<>();
        for (StringTermsBucket b : response.aggregations().get("source").sterms().buckets().array()) {
            JsonData source = b.aggregations().get("latest").topHits().hits().hits().get(0).source();
            out.put(b.key().stringValue(), source.to(CrawlRun.class));
        }
        return out;
    }

    public Optional<Instant> lastStart(String sourceId) throws IOException {
        CrawlRun run = lastRuns().get(sourceId);
        return run == null ? Optional.empty() : Optional.ofNullable(run.startedAt());
    }

    public List<SourceStatus> status() throws IOException {
        Map<String, CrawlRun> runs = lastRuns();
        Gazetteer gazetteer = Gazetteer.get();
        List<SourceStatus> out = new ArrayList<>();
        for (Source s : sources()) {
            String today = s.province() == null ? null
                : gazetteer.resolve(s.province()).map(gazetteer::today).map(Gazetteer.Province::name).orElse(null);
            out.add(new SourceStatus(s.id(), s.name(), s.province(), today, s.coverage(), s.schedule(), running.contains(s.id()),
                nextRuns.get(s.id()), runs.get(s.id())));
        }
        return out;
    }

    @Override
    public void close() {
        stop();
        if (vectorFill != null) {
            try {
                vectorFill.close();
            } catch (Exception e) {
                LOG.warn("passage vectors: stopping the background pass: {}", e.toString());
            }
        }
    }
}
