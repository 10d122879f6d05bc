package portalkb.bench;

import co.elastic.clients.elasticsearch._types.CommonStatsFlag;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.index.VectorFiller;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;

import java.io.IOException;
import portalkb.store.Json;
import portalkb.index.JsonlImporter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kb bench ingest --docs N}, three loops over the same generated articles in one run, each into fresh indices:
 * ours (exactly `./kb import` of the articles as JSONL, written off the clock: the importer on its lanes, ArticleWriter +
 * BulkIndexer — preparation, previous-version lookups, near-duplicate lookups, bulk with retries);
 * the same prepared operations (article + passages + facts, prepared outside the clock) through a bare sequential
 * _bulk loop into indices with our mappings — what our analysis and mappings cost; and the raw articles, one document
 * each, through the bare loop into a dynamically mapped index — the floor. Beside each: app and node CPU seconds and
 * the node's indexing, merge and refresh times, so the time can be placed.
 */
final class IngestBench {

    private static final int BARE_OPERATIONS_PER_REQUEST = 1000;

    private final int docs;
    /** Passages embedded per request by the vector pass that follows our loop; 0: no vectors. */
    private final int vectorBatch;
    private final Long nodePid;
    private final int importLanes;
    /** Articles sent through ours and the prepared loop first, into indices then recreated; 0: none (a cold JVM). */
    private final int warmupDocs;
    private final PrintStream out;
    /** Ours' bulk indexer, as {@code ./kb import} sets it unless a run asks for another (--bulk-requests). */
    private BulkIndexer.Settings bulkSettings = BulkIndexer.Settings.DEFAULT;

    IngestBench(int docs, int vectorBatch, Long nodePid, int importLanes, int warmupDocs) {
        this(docs, vectorBatch, nodePid, importLanes, warmupDocs, System.out);
    }

    private IngestBench(int docs, int vectorBatch, Long nodePid, int importLanes, int warmupDocs, PrintStream out) {
        this.importLanes = importLanes;
        this.docs = docs;
        this.vectorBatch = vectorBatch;
        this.nodePid = nodePid;
        this.warmupDocs = warmupDocs;
        this.out = out;
    }

    /** Ours' bulk requests in flight at once ({@code --bulk-requests}); 0 keeps the indexer's default. */
    IngestBench withBulkRequests(int requests) {
        if (requests > 0) {
            BulkIndexer.Settings d = BulkIndexer.Settings.DEFAULT;
            bulkSettings = new BulkIndexer.Settings(d.maxOperations(), d.maxBytes(), requests, d.maxAttempts(), d.firstBackoff());
        }
        return this;
    }

    /**
     * Compiling the app's code (the JIT) cost a fresh JVM about two thirds of its CPU in a 20,000-article import, and
     * the loop that runs first paid for all the code the loops share (client, JSON, HTTP): each loop now runs once on
     * a few articles before the measured runs, into indices that are then recreated.
     */
    private void warmUp(Elastic ours, Elastic prepared) throws IOException, InterruptedException {
        if (warmupDocs <= 0) {
            out.println("no warm-up: the first loop (ours) pays the JIT compilation of the code the loops share");
            return;
        }
        long t0 = System.nanoTime();
        IngestBench warmup = new IngestBench(warmupDocs, 0, nodePid, importLanes, 0, new PrintStream(OutputStream.nullOutputStream()));
        warmup.bulkSettings = bulkSettings;
        warmup.oursLoop(ours);
        warmup.preparedLoop(prepared);
        fresh(ours);
        fresh(prepared);
        out.printf("warm-up: %,d articles through ours and the prepared loop in %.0f s, indices recreated%n",
            warmupDocs, (System.nanoTime() - t0) / 1e9);
    }

    /** A loop's figures: wall seconds, operations, app and node CPU seconds, node indexing / merge / refresh ms. */
    private record Phase(String name, double seconds, long operations, double appCpu, double nodeCpu,
                         long indexMs, long mergeMs, long refreshMs, Map<String, NodeWork> work, String hot) {
    }

    void run(Elastic ours, Elastic prepared) throws IOException, InterruptedException {
        warmUp(ours, prepared);
        out.printf("load average before: %s%n", loadAverage());
        Phase oursPhase = measure(ours, "ours", () -> oursLoop(ours));
        Phase preparedPhase = measure(prepared, "prepared ops, bare _bulk", () -> preparedLoop(prepared));
        String bareIndex = ours.names().alias("bare-articles");
        Phase barePhase = measure(ours, "one document, bare _bulk", () -> bareLoop(ours, bareIndex));
        out.printf("load average after: %s%n%n", loadAverage());
        out.println("| loop | articles/s | operations | ops/s | app CPU s | node CPU s | node index / merge / refresh ms |");
        out.println("|---|---|---|---|---|---|---|");
        for (Phase p : List.of(oursPhase, preparedPhase, barePhase)) {
            out.printf("| %s | %.0f | %d | %.0f | %.1f | %.1f | %d / %d / %d |%n", p.name(), docs / p.seconds(), p.operations(),
                p.operations() / p.seconds(), p.appCpu(), p.nodeCpu(), p.indexMs(), p.mergeMs(), p.refreshMs());
        }
        out.println("\nthe node's own stats per loop (primaries; wall ms summed over the node's threads):");
        NodeWork.printHeader(out);
        for (Phase p : List.of(oursPhase, preparedPhase, barePhase)) {
            NodeWork.print(out, p.name(), p.work());
        }
        out.println();
        for (Phase p : List.of(oursPhase, preparedPhase, barePhase)) {
            out.print(p.hot());
        }
        out.printf("%nratio ours / prepared ops (like for like): %.2f%n", preparedPhase.seconds() / oursPhase.seconds());
        out.printf("ratio ours / one document (floor): %.2f%n", barePhase.seconds() / oursPhase.seconds());
        perIndex(ours);
        if (vectorBatch > 0) {
            long t0 = System.nanoTime();
            long filled = new VectorFiller(ours, vectorBatch).fillPending(n -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf("%nvectors after indexing (the background pass): %d passages in %.1f s = %.0f passages/s (load %s)%n",
                filled, seconds, filled / seconds, loadAverage());
        }
    }

    /** What a loop did: operations acknowledged, and seconds it spent off the clock (preparing operations). */
    private record Done(long operations, double offClockSeconds) {
    }

    private interface Loop {
        Done run() throws IOException, InterruptedException;
    }

    private Phase measure(Elastic elastic, String name, Loop loop) throws IOException, InterruptedException {
        IndexStats before = nodeStats(elastic);
        Map<String, NodeWork> work0 = NodeWork.snapshot(elastic, elastic.names().prefix());
        double appCpu0 = appCpuSeconds();
        double nodeCpu0 = nodeCpuSeconds();
        HotThreads hot = HotThreads.start(nodePid, Path.of(System.getProperty("java.io.tmpdir"),
            "portalkb-ingest-" + name.replaceAll("\\W+", "-") + ".jfr"));
        long t0 = System.nanoTime();
        Done done = loop.run();
        java.io.ByteArrayOutputStream hotText = new java.io.ByteArrayOutputStream();
        hot.report(new PrintStream(hotText, true, StandardCharsets.UTF_8), name, 15);
        double seconds = (System.nanoTime() - t0) / 1e9 - done.offClockSeconds();
        long operations = done.operations();
        double appCpu = appCpuSeconds() - appCpu0;
        double nodeCpu = nodeCpuSeconds() - nodeCpu0;
        IndexStats after = nodeStats(elastic);
        return new Phase(name, seconds, operations, appCpu, nodeCpu,
            after.indexing().indexTimeInMillis() - before.indexing().indexTimeInMillis(),
            after.merges().totalTimeInMillis() - before.merges().totalTimeInMillis(),
            after.refresh().totalTimeInMillis() - before.refresh().totalTimeInMillis(),
            NodeWork.spent(work0, NodeWork.snapshot(elastic, elastic.names().prefix())), hotText.toString(StandardCharsets.UTF_8));
    }

    /** Exactly {@code ./kb import}: the generated articles as a JSONL file (written off the clock), then the importer on its lanes. */
    private Done oursLoop(Elastic elastic) throws IOException, InterruptedException {
        long w0 = System.nanoTime();
        Path file = Files.createTempFile("portalkb-ingest-", ".jsonl");
        try {
            ArticleGenerator generator = new ArticleGenerator(42);
            try (BufferedWriter lines = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < docs; i++) {
                    lines.write(Json.MAPPER.writeValueAsString(generator.next(i)));
                    lines.newLine();
                }
            }
            double offClock = (System.nanoTime() - w0) / 1e9;
            try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
                 BulkIndexer bulk = new BulkIndexer(elastic, bulkSettings, failure -> { })) {
                new JsonlImporter(new ArticleWriter(elastic, bulk), bulk, new PrintStream(OutputStream.nullOutputStream()),
                    JsonlImporter.Settings.of(configWithPrefix(elastic.names().prefix())).withLanes(importLanes))
                    .importFile(file);
                return new Done(bulk.succeeded(), offClock);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Prepares each batch's operations off the clock, then sends them through the bare loop on the clock. */
    private Done preparedLoop(Elastic elastic) throws IOException {
        ArticleGenerator generator = new ArticleGenerator(42);
        ArticleWriter preparer = new ArticleWriter(elastic, null);
        long operations = 0;
        long offClockNanos = 0;
        List<ArticleWriter.Write> batch = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            long p0 = System.nanoTime();
            batch.addAll(preparer.prepareNew(generator.next(i)));
            offClockNanos += System.nanoTime() - p0;
            if (batch.size() >= BARE_OPERATIONS_PER_REQUEST || i == docs - 1) {
                BulkRequest.Builder request = new BulkRequest.Builder();
                for (ArticleWriter.Write w : batch) {
                    request.operations(o -> o.index(x -> x.index(w.index()).id(w.id()).document(w.document())));
                }
                send(elastic, request);
                operations += batch.size();
                batch.clear();
            }
        }
        out.printf("prepared ops: %.1f s of preparation taken off the clock (its CPU stays in the app CPU column)%n", offClockNanos / 1e9);
        return new Done(operations, offClockNanos / 1e9);
    }

    private Done bareLoop(Elastic elastic, String index) throws IOException {
        ArticleGenerator generator = new ArticleGenerator(42);
        List<ArticleInput> batch = new ArrayList<>();
        long operations = 0;
        for (int i = 0; i < docs; i++) {
            batch.add(generator.next(i));
            if (batch.size() == BARE_OPERATIONS_PER_REQUEST || i == docs - 1) {
                BulkRequest.Builder request = new BulkRequest.Builder();
                for (ArticleInput d : batch) {
                    request.operations(o -> o.index(x -> x.index(index).document(d)));
                }
                send(elastic, request);
                operations += batch.size();
                batch.clear();
            }
        }
        return new Done(operations, 0);
    }

    private static void send(Elastic elastic, BulkRequest.Builder request) throws IOException {
        BulkResponse response = elastic.client().bulk(request.build());
        if (response.errors()) {
            throw new IOException("bare bulk had errors: " + response.items().stream().filter(i -> i.error() != null)
                .findFirst().map(i -> i.error().reason()).orElse("?"));
        }
    }

    private void perIndex(Elastic elastic) throws IOException {
        IndicesStatsResponse stats = elastic.client().indices().stats(s -> s.index(elastic.names().prefix() + "-*")
            .metric(CommonStatsFlag.Indexing, CommonStatsFlag.Docs, CommonStatsFlag.Store));
        out.println("\nnode indexing time per index (ours):");
        stats.indices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            IndexStats p = e.getValue().primaries();
            out.printf("  %s: %d docs, %d ms indexing, %d MiB%n", e.getKey(), p.indexing().indexTotal(),
                p.indexing().indexTimeInMillis(), p.store().sizeInBytes() >> 20);
        });
    }

    private static IndexStats nodeStats(Elastic elastic) throws IOException {
        return elastic.client().indices().stats(s -> s.metric(CommonStatsFlag.Indexing, CommonStatsFlag.Merge, CommonStatsFlag.Refresh)).all().primaries();
    }

    private static double appCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** utime + stime of the local node from /proc (clock ticks of 10 ms); 0 on an external cluster. */
    private double nodeCpuSeconds() throws IOException {
        if (nodePid == null) {
            return 0;
        }
        Path stat = Path.of("/proc", nodePid.toString(), "stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String loadAverage() throws IOException {
        Path load = Path.of("/proc/loadavg");
        return Files.exists(load) ? Files.readString(load).strip() : "n/a";
    }

    static AppConfig configWithPrefix(String prefix) {
        return ConfigLoader.load(null, Map.of("elasticsearch.indexPrefix", prefix));
    }

    static void fresh(Elastic elastic) throws IOException {
        var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
        }
        new IndexInitializer(elastic).initialise();
    }
}
