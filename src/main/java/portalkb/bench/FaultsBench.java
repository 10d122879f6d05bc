package portalkb.bench;

import io.javalin.Javalin;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourcesFile;
import portalkb.index.ArticleWriter;
import portalkb.index.JsonlImporter;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;
import portalkb.store.IndexConfig;
import portalkb.store.IndexInitializer;
import portalkb.store.Json;
import portalkb.store.LocalNode;
import portalkb.store.Reindexer;
import portalkb.web.WebApp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./kb bench faults [--seed S] [--rounds N] [--pages P] [--lines L]}: the fault campaign. A generated portal
 * (with a compression bomb and a heavy PDF linked from it) is crawled and a JSONL file imported, both as child
 * processes of their own ({@code ./kb crawl}, {@code ./kb import}, 256 MB heaps), while one fault is injected at a
 * random point: kill -9 of the crawler or the importer, the local Elasticsearch node stopped and restarted, a
 * write block on passages and facts longer than the retry window, a reindex of every index, the flood-stage
 * (disk full) block, or nothing but the hostile documents. Then the system's own repair runs (the next crawl and
 * the import again), and articles, passages, facts and URL states are compared with a clean reference crawl and
 * import. One line per fault: injected, detected, repaired, lost; search is probed throughout. Each round takes
 * every fault once, in an order and at times drawn from its seed (printed; --seed replays it).
 */
final class FaultsBench {

    enum Fault {
        KILL_CRAWLER("kill -9 of the crawler"),
        KILL_IMPORTER("kill -9 of the importer"),
        ES_RESTART("Elasticsearch stopped and restarted"),
        WRITE_BLOCK("write block on passages and facts"),
        REINDEX("reindex of every index"),
        DISK_FULL("disk full (flood-stage block)"),
        HOSTILE_DOCUMENTS("hostile documents only");

        final String label;

        Fault(String label) {
            this.label = label;
        }

        /** Whether the fault acts on the children's writes (not a kill, which reports a child that had ended itself). */
        boolean aimsAtWrites() {
            return this == ES_RESTART || this == WRITE_BLOCK || this == REINDEX || this == DISK_FULL;
        }
    }

    /** One fault's outcome: what was broken before the repair, what is still broken after it. */
    record Outcome(Fault fault, String injected, String detected, KnowledgeSnapshot.Difference before, KnowledgeSnapshot.Difference after,
                   String search, int searchFailures, boolean crawlerAlive, GcLog crawlerHeap, GcLog importerHeap, boolean outOfMemory) {
    }

    /** The children's heap limit: small enough that a hostile file read in the crawler's own heap would exhaust it. */
    private static final int CHILD_HEAP_MB = 256;
    /** The exit status of a JVM ended by -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;

    private static final String CHILD_SETTINGS = """
        crawler:
          threads: 2
          writeAttempts: 4
          documents:
            timeoutMs: 2000
            maxHeapMb: 128
        importer:
          writeAttempts: 4
        """;

    private final AppConfig config;
    private final long seed;
    private final int rounds;
    private final int pages;
    private final int lines;
    private final PrintStream out;
    private Path work;
    private AppConfig childConfig;

    FaultsBench(AppConfig config, long seed, int rounds, int pages, int lines, PrintStream out) {
        this.config = config;
        this.seed = seed;
        this.rounds = rounds;
        this.pages = pages;
        this.lines = lines;
        this.out = out;
    }

    int run() throws IOException, InterruptedException {
        // The probe's requests are counted, not logged one by one.
        System.setProperty("org.slf4j.simpleLogger.log.portalkb.web", "warn");
        if (config.elasticsearch().external()) {
            throw new IOException("the fault campaign stops and restarts the local node: run it without ES_URL");
        }
        LocalNode node = new LocalNode(config);
        node.start();
        work = Files.createTempDirectory("portalkb-faults");
        out.printf("fault campaign: seed %d, %d round(s), portal of %d pages + 2 hostile files, import of %d lines (replay: --seed %d)%n",
            seed, rounds, pages, lines, seed);
        Map<String, byte[]> hostile = Map.of("bom.docx", HostileFiles.zipBomb(200), "nang.pdf", HostileFiles.heavyPdf(1_000_000));
        try (GeneratedSite site = new GeneratedSite(0, pages, 1, hostile)) {
            Path sources = work.resolve("sources.yaml");
            Files.writeString(sources, "sources:\n  - id: faults-portal\n    province: Lạng Sơn\n    seeds: [" + site.seed(0) + "]\n    delayMs: 0\n"
                + "    maxDepth: " + (pages / GeneratedSite.PER_LISTING + 3) + "\n    maxPages: " + (pages * 3 + 100) + "\n");
            Path jsonl = importFile();
            Path settings = work.resolve("settings.yaml");
            Files.writeString(settings, CHILD_SETTINGS);
            childConfig = ConfigLoader.load(settings, Map.of("PORTALKB_DATA", config.data(), "PORTALKB_ES_PORT",
                Integer.toString(config.elasticsearch().local().port())), Map.of());
            long[] took = new long[2];
            KnowledgeSnapshot reference = reference(sources, jsonl, took);
            out.printf("reference: %d articles, %d passages, %d facts, %d URL states; crawl %.1f s, import %.1f s%n%n", reference.articles().size(),
                reference.passages().size(), reference.facts().size(), reference.states().size(), took[0] / 1e3, took[1] / 1e3);
            Map<Fault, KnowledgeSnapshot.Difference> lost = new EnumMap<>(Fault.class);
            int searchFailures = 0;
            boolean crawlerDied = false;
            boolean outOfMemory = false;
            GcLog crawlerPeak = GcLog.NONE;
            GcLog importerPeak = GcLog.NONE;
            long servingPeak = 0;
            long started = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                long roundSeed = seed + round;
                Random random = new Random(roundSeed);
                List<Fault> order = new ArrayList<>(List.of(Fault.values()));
                Collections.shuffle(order, random);
                out.printf("round %d (seed %d)%n", round + 1, roundSeed);
                long roundStarted = System.nanoTime();
                GcLog crawlerRound = GcLog.NONE;
                GcLog importerRound = GcLog.NONE;
                // This JVM serves the search the probe sends during every fault: its heap is the web server's.
                MemoryWatch serving = MemoryWatch.start(null);
                for (Fault fault : order) {
                    Outcome o = phase(fault, random, took, node, sources, settings, jsonl, reference);
                    out.printf("  %-36s injected %-34s | detected: %s | repaired %d | lost %s | %s%n", o.fault().label, o.injected(), o.detected(),
                        Math.max(0, o.before().total() - o.after().total()), o.after(), o.search());
                    lost.merge(fault, o.after(), KnowledgeSnapshot.Difference::plus);
                    searchFailures += o.searchFailures();
                    crawlerDied |= !o.crawlerAlive();
                    outOfMemory |= o.outOfMemory();
                    crawlerRound = crawlerRound.max(o.crawlerHeap());
                    importerRound = importerRound.max(o.importerHeap());
                }
                serving.close();
                out.printf("  heap peaks: %s; round took %.0f s%n", heapLine(crawlerRound, importerRound, serving.heapUsedMax()),
                    (System.nanoTime() - roundStarted) / 1e9);
                crawlerPeak = crawlerPeak.max(crawlerRound);
                importerPeak = importerPeak.max(importerRound);
                servingPeak = Math.max(servingPeak, serving.heapUsedMax());
            }
            int total = lost.values().stream().mapToInt(KnowledgeSnapshot.Difference::total).sum();
            out.printf("%ntotal after repair: %d documents lost or stale over %d round(s) (%s); search failures outside the outage: %d; "
                + "crawler died: %s; out of memory: %s (seed %d)%n", total, rounds, lost, searchFailures, crawlerDied ? "yes" : "no",
                outOfMemory ? "yes" : "no", seed);
            out.printf("heap peaks over all rounds: %s; %.1f min%n", heapLine(crawlerPeak, importerPeak, servingPeak), (System.nanoTime() - started) / 60e9);
            return total == 0 && searchFailures == 0 && !crawlerDied && !outOfMemory ? 0 : 1;
        } finally {
            try (Elastic elastic = Elastic.open(prefixed("faults")); Elastic ref = Elastic.open(prefixed("faultsref"))) {
                deleteIndices(elastic);
                deleteIndices(ref);
            }
        }
    }

    /** Peak heap in use (before a collection) and live (after one) of each JVM, against its -Xmx. */
    private static String heapLine(GcLog crawler, GcLog importer, long servingUsed) {
        return String.format("crawler %d MB (live %d MB) of %d MB, importer %d MB (live %d MB) of %d MB, web server %d MB of %d MB",
            crawler.usedMaxBytes() >> 20, crawler.liveMaxBytes() >> 20, CHILD_HEAP_MB, importer.usedMaxBytes() >> 20,
            importer.liveMaxBytes() >> 20, CHILD_HEAP_MB, servingUsed >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private AppConfig prefixed(String prefix) {
        return ConfigLoader.load(work.resolve("settings.yaml"), Map.of("PORTALKB_DATA", config.data(), "PORTALKB_ES_PORT",
            Integer.toString(config.elasticsearch().local().port())), Map.of("elasticsearch.indexPrefix", prefix, "server.rateLimitPerMinute", "0"));
    }

    private Path importFile() throws IOException {
        Path file = work.resolve("import.jsonl");
        ArticleGenerator generator = new ArticleGenerator(29);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                w.write(Json.MAPPER.writeValueAsString(generator.next(i)));
                w.newLine();
            }
        }
        return file;
    }

    /** The clean crawl and import, in this JVM, with the children's settings; {@code took}: their milliseconds. */
    private KnowledgeSnapshot reference(Path sources, Path jsonl, long[] took) throws IOException, InterruptedException {
        AppConfig ref = prefixed("faultsref");
        try (Elastic elastic = Elastic.open(ref)) {
            deleteIndices(elastic);
            new IndexInitializer(elastic).initialise();
            long t0 = System.nanoTime();
            crawl(ref, elastic, sources);
            long t1 = System.nanoTime();
            importAgain(ref, elastic, jsonl);
            took[0] = (t1 - t0) / 1_000_000;
            took[1] = (System.nanoTime() - t1) / 1_000_000;
            return KnowledgeSnapshot.of(elastic);
        }
    }

    /** The system's own repair after a fault, as a user runs it: the next crawl (due pages) and the import again. */
    private static void repair(AppConfig config, Elastic elastic, Path sources, Path jsonl) throws IOException, InterruptedException {
        crawl(config, elastic, sources);
        importAgain(config, elastic, jsonl);
    }

    private static void crawl(AppConfig config, Elastic elastic, Path sources) throws IOException, InterruptedException {
        new Crawler(elastic, config.crawler()).run(SourcesFile.load(sources, config.crawler()), new CrawlOptions(0, false, "faults"),
            CrawlListener.NONE);
    }

    private static void importAgain(AppConfig config, Elastic elastic, Path jsonl) throws IOException, InterruptedException {
        try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names())); BulkIndexer bulk = new BulkIndexer(elastic)) {
            new JsonlImporter(new ArticleWriter(elastic, bulk), bulk, new PrintStream(OutputStream.nullOutputStream()),
                JsonlImporter.Settings.of(config)).importFile(jsonl);
        }
    }

    private Outcome phase(Fault fault, Random random, long[] took, LocalNode node, Path sources, Path settings, Path jsonl,
                          KnowledgeSnapshot reference) throws IOException, InterruptedException {
        AppConfig faults = prefixed("faults");
        try (Elastic elastic = Elastic.open(faults)) {
            deleteIndices(elastic);
            IndexInitializer initializer = new IndexInitializer(elastic);
            if (fault == Fault.REINDEX) {
                // Every index behind its alias under another name than its definition's: a reindex of each has work to do.
                for (String kind : IndexConfig.KINDS) {
                    IndexConfig index = IndexConfig.load(kind);
                    initializer.createBehindAlias(index, index.concreteName(elastic.names()) + "-previous");
                }
            }
            initializer.initialise();
            Javalin app = WebApp.create(Services.of(faults, elastic)).start("127.0.0.1", 0);
            String injected;
            Process crawl;
            Process load;
            try (SearchProbe probe = new SearchProbe(app.port())) {
                Path crawlLog = work.resolve("crawl.log");
                Path importLog = work.resolve("import.log");
                Path crawlGc = work.resolve("crawl-gc.log");
                Path importGc = work.resolve("import-gc.log");
                crawl = child(settings, crawlLog, crawlGc, "crawl", "--sources", sources.toString(), "--no-embeddings");
                load = child(settings, importLog, importGc, "import", jsonl.toString());
                // The fault comes while the work it aims at is under way: once the import has begun its load (its marker is
                // written before the first line is read) or the crawl stored its first article, at a random point of the time
                // the reference took for the whole (its first half for faults on writes).
                long start = System.nanoTime();
                if (fault == Fault.KILL_IMPORTER || fault.aimsAtWrites()) {
                    // Write-side faults too: an article appears only when a crawl or import has nearly ended (they are
                    // written in batches), and on a loaded machine 3 in 4 write blocks timed from one came after both had.
                    awaitImportStarted(elastic);
                } else {
                    awaitFirstArticle(elastic, fault == Fault.KILL_CRAWLER ? "http://127.0.0.1" : "");
                }
                long window = fault == Fault.KILL_IMPORTER ? took[1] : fault == Fault.KILL_CRAWLER ? took[0] : Math.min(took[0], took[1]);
                Thread.sleep((long) (random.nextDouble() * (fault.aimsAtWrites() ? 0.5 : 0.8) * window));
                // On a loaded machine a fault drawn late can come after both children finished: it then tested nothing, and says so.
                boolean workEnded = !crawl.isAlive() && !load.isAlive() && fault.aimsAtWrites();
                injected = "at " + (System.nanoTime() - start) / 1_000_000 + " ms" + inject(fault, random, node, elastic, crawl, load, probe)
                    + (workEnded ? " (crawl and import had ended)" : "");
                boolean ended = crawl.waitFor(10, TimeUnit.MINUTES) & load.waitFor(10, TimeUnit.MINUTES);
                if (!ended) {
                    crawl.destroyForcibly();
                    load.destroyForcibly();
                }
                probe.close();
                KnowledgeSnapshot.Difference before = sum(reference.against(KnowledgeSnapshot.of(elastic)));
                String detected = detected(fault, crawl, load, crawlLog, importLog, elastic);
                repair(faults, elastic, sources, jsonl);
                KnowledgeSnapshot.Difference after = sum(reference.against(KnowledgeSnapshot.of(elastic)));
                boolean crawlerAlive = fault == Fault.KILL_CRAWLER || crawl.exitValue() != OUT_OF_MEMORY && crawl.exitValue() < 128;
                boolean outOfMemory = crawl.exitValue() == OUT_OF_MEMORY || load.exitValue() == OUT_OF_MEMORY;
                return new Outcome(fault, injected, detected, before, after, probe.toString(), probe.failed.get(), crawlerAlive,
                    GcLog.read(crawlGc), GcLog.read(importGc), outOfMemory);
            } finally {
                app.stop();
            }
        }
    }

    /** Waits (up to a minute) until an article whose URL starts with {@code prefix} is stored. */
    private static void awaitFirstArticle(Elastic elastic, String prefix) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            if (elastic.client().count(c -> c.index(elastic.names().articles()).query(q -> q.prefix(p -> p.field("url").value(prefix)))).count() > 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void awaitImportStarted(Elastic elastic) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
            if (elastic.client().count(c -> c.index(elastic.names().crawlState()).query(q -> q.term(t -> t.field("kind").value("bulkload")))).count() > 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Injects the fault now; returns what was done, in words. */
    private String inject(Fault fault, Random random, LocalNode node, Elastic elastic, Process crawl, Process load, SearchProbe probe)
        throws IOException, InterruptedException {
        switch (fault) {
            case KILL_CRAWLER -> {
                boolean alive = crawl.isAlive();
                crawl.destroyForcibly().waitFor();
                return alive ? "" : " (the crawl had ended)";
            }
            case KILL_IMPORTER -> {
                boolean alive = load.isAlive();
                load.destroyForcibly().waitFor();
                return alive ? "" : " (the import had ended)";
            }
            case ES_RESTART -> {
                long away = 2_000 + random.nextInt(4_000);
                probe.outage.set(true);
                node.stop();
                Thread.sleep(away);
                node.start();
                // Back once the indices' shards are active again: until then the node answers searches with 503 too.
                elastic.client().cluster().health(h -> h.index(elastic.names().prefix() + "-*").waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                    .timeout(t -> t.time("60s")));
                probe.outage.set(false);
                return ", down " + away + " ms + restart";
            }
            case WRITE_BLOCK -> {
                long blocked = 4_000 + random.nextInt(3_000);
                block(elastic, List.of(elastic.names().passages(), elastic.names().facts()), "write", true);
                Thread.sleep(blocked);
                block(elastic, List.of(elastic.names().passages(), elastic.names().facts()), "write", false);
                return ", for " + blocked + " ms";
            }
            case REINDEX -> {
                List<Reindexer.Result> done = new Reindexer(elastic).reindexOutdated(line -> { });
                return ", " + done.size() + " indices, " + done.stream().mapToLong(Reindexer.Result::documents).sum() + " docs copied";
            }
            case DISK_FULL -> {
                long full = 2_000 + random.nextInt(3_000);
                List<String> all = IndexConfig.KINDS.stream().map(k -> elastic.names().alias(k)).toList();
                block(elastic, all, "read_only_allow_delete", true);
                Thread.sleep(full);
                block(elastic, all, "read_only_allow_delete", false);
                return ", for " + full + " ms";
            }
            default -> {
                return " (always linked from the portal)";
            }
        }
    }

    private static void block(Elastic elastic, List<String> aliases, String block, boolean on) throws IOException {
        elastic.client().indices().putSettings(p -> p.index(aliases).settings(s -> s.otherSettings("index.blocks." + block,
            co.elastic.clients.json.JsonData.of(on ? "true" : "false"))));
    }

    /** How the system noticed: the children's exit and what they reported, and for the hostile files their recorded state. */
    private static String detected(Fault fault, Process crawl, Process load, Path crawlLog, Path importLog, Elastic elastic) throws IOException {
        String crawlSaid = mentions(crawlLog, "not stored", "disk full", "due again", "run failed", "fetched again")
            + Files.readAllLines(crawlLog).stream().filter(l -> l.contains("error:")).findFirst().map(l -> l.substring(l.indexOf("error:")))
                .map(l -> " (" + (l.length() > 90 ? l.substring(0, 90) + "…" : l) + ")").orElse("");
        // The summary and the error that ended the import, both: an import can write every line, then fail at its end.
        // The error may follow the progress bar on its line (carriage returns, no newline).
        List<String> importLines = Files.readAllLines(importLog);
        String summary = importLines.stream().filter(l -> l.contains("lines in")).findFirst()
            .map(l -> l.replaceAll("^.*?(\\d+ lines in)", "$1").replaceAll(" \\d+ indexed,.*?, (\\d+ failed)", " $1"))
            .map(l -> l.length() > 90 ? l.substring(0, 90) + "…" : l).orElse(null);
        String error = importLines.stream().filter(l -> l.contains("error:")).findFirst().map(l -> l.substring(l.indexOf("error:")))
            .map(l -> l.length() > 160 ? l.substring(0, 160) + "…" : l).orElse(null);
        String importSaid = summary == null && error == null ? "no summary" : summary == null ? error : error == null ? summary : summary + "; " + error;
        String hostile = fault == Fault.HOSTILE_DOCUMENTS ? "; files: " + hostileStates(elastic) : "";
        return "crawl exit " + crawl.exitValue() + crawlSaid + ", import exit " + load.exitValue() + " (" + importSaid + ")" + hostile;
    }

    private static String mentions(Path log, String... phrases) throws IOException {
        long count = Files.readAllLines(log).stream().filter(l -> java.util.Arrays.stream(phrases).anyMatch(l::contains)).count();
        return count == 0 ? "" : " (" + count + " lines on writes not stored)";
    }

    @SuppressWarnings("rawtypes")
    private static String hostileStates(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
        var hits = elastic.client().search(s -> s.index(elastic.names().crawlState()).size(10)
            .query(q -> q.wildcard(w -> w.field("url").value("*/files/*"))), Map.class).hits().hits();
        List<String> states = new ArrayList<>();
        for (var h : hits) {
            Map src = h.source();
            String url = String.valueOf(src.get("url"));
            states.add(url.substring(url.lastIndexOf('/') + 1) + " " + src.get("status") + " (" + String.valueOf(src.get("error")).replaceAll(":.*", "") + ")");
        }
        return String.join(", ", states);
    }

    private Process child(Path settings, Path log, Path gcLog, String... args) throws IOException {
        // A log left by the last phase would be rotated, not replaced: each phase's peaks are its own.
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + CHILD_HEAP_MB + "m",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(GcLog.options(gcLog));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "portalkb.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ES_") || k.startsWith("PORTALKB_"));
        pb.environment().putAll(Map.of("ES_URL", "http://127.0.0.1:" + config.elasticsearch().local().port(), "PORTALKB_INDEX_PREFIX", "faults",
            "PORTALKB_DATA", config.data(), "PORTALKB_CONFIG", settings.toString()));
        return pb.start();
    }

    private static KnowledgeSnapshot.Difference sum(Map<String, KnowledgeSnapshot.Difference> byKind) {
        return byKind.values().stream().reduce(new KnowledgeSnapshot.Difference(0, 0), KnowledgeSnapshot.Difference::plus);
    }

    private static void deleteIndices(Elastic elastic) throws IOException {
        var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
        }
    }
}
