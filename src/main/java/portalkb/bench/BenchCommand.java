package portalkb.bench;

import portalkb.cli.Args;
import portalkb.cli.UsageException;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;
import portalkb.store.LocalNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kb bench ingest --docs N}: generated articles through our indexer (enrichment, facts,
 * passages, bulk with retries) against the same documents through a bare _bulk loop, in one run.
 */
final class BenchCommand {
    private final AppConfig config;
    private final Args args;

    BenchCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run() throws IOException, InterruptedException {
        String what = args.word(1, "./kb bench ingest|prepare|figures|world|crawl|search|rank|ask|questions|soak|faults|scale");
        if (what.equals("faults")) {
            long seed = args.has("seed") ? Long.parseLong(args.option("seed", "0")) : System.currentTimeMillis() % 1_000_000;
            return new FaultsBench(config, seed, args.intOption("rounds", 1), args.intOption("pages", 40), args.intOption("lines", 400),
                System.out).run();
        }
        if (what.equals("scale")) {
            return scale();
        }
        if (what.equals("prepare")) {
            // Opens no connection: the writer only needs the index names.
            try (Elastic names = Elastic.open(config)) {
                new PrepareBench(args.intOption("docs", 20_000), args.intOption("rounds", 2),
                    Path.of(args.option("devset", "../shared/devset"))).run(names);
            }
            return 0;
        }
        if (what.equals("figures")) {
            Path dir = Path.of(args.word(2, "./kb bench figures DIR [--labels FILE] [--misses]"));
            return new FiguresBench(dir, Path.of(args.option("labels", dir.resolve("figures.jsonl").toString())), args.has("misses")).run(System.out);
        }
        if (what.equals("world") && args.has("eval") && args.has("reading")) {
            return new WorldEval(Path.of(args.option("eval", "")), System.out).reading(args.has("list"));
        }
        if (what.equals("world") && args.has("eval")) {
            return onBenchIndices(Map.of("server.rateLimitPerMinute", "0"), (benchConfig, elastic) ->
                new WorldEval(Path.of(args.option("eval", "")), System.out, args.has("gaps")).run(benchConfig, elastic));
        }
        if (what.equals("world")) {
            if (!args.has("out")) {
                throw new UsageException("./kb bench world --out DIR [--seed N] [--from 2019 --to 2023] [--questions N per language] | --eval DIR");
            }
            new ProvinceWorld(args.intOption("seed", 1), args.intOption("from", 2019), args.intOption("to", 2023),
                args.intOption("questions", 20)).write(Path.of(args.option("out", ""))).print(System.out);
            return 0;
        }
        if (what.equals("ask")) {
            return onBenchIndices(Map.of("server.rateLimitPerMinute", "0"), (benchConfig, elastic) ->
                new AskBench(args.intOption("docs", 100_000), args.intOption("rounds", 3), !args.has("no-embeddings"),
                    Path.of(args.option("questions", "eval/bench-questions.jsonl"))).run(benchConfig, elastic));
        }
        if (what.equals("questions")) {
            return new BenchQuestions(args.intOption("docs", 2000), args.intOption("count", 64)).run(System.out);
        }
        if (what.equals("crawl")) {
            return crawl();
        }
        if (what.equals("search")) {
            return search();
        }
        if (what.equals("rank")) {
            return onBenchIndices(Map.of(), (benchConfig, elastic) ->
                new AnalyticsBench(args.intOption("docs", 100_000), args.intOption("rounds", 11)).run(elastic, benchConfig, args.has("reuse")));
        }
        if (what.equals("soak")) {
            return new SoakBench(config, args.intOption("minutes", 2), args.intOption("users", 20)).run();
        }
        if (!what.equals("ingest")) {
            throw new UsageException("unknown benchmark '" + what + "' (available: ingest, prepare, figures, world, crawl, search, rank, ask, questions, soak, faults, scale)");
        }
        int docs = args.intOption("docs", 100_000);
        long nodeStart = System.nanoTime();
        LocalNode.Status node = config.elasticsearch().external() ? null : new LocalNode(config).start();
        double startSeconds = (System.nanoTime() - nodeStart) / 1e9;
        // Not "bench": that prefix holds what ./kb bench search --keep leaves for later runs.
        try (Elastic ours = Elastic.open(IngestBench.configWithPrefix("benchingest"));
             Elastic prepared = Elastic.open(IngestBench.configWithPrefix("benchprep"))) {
            IngestBench.fresh(ours);
            IngestBench.fresh(prepared);
            System.out.printf("local node ready in %.1f s (0 when already running)%n", startSeconds);
            report("at rest", node);
            new IngestBench(docs, args.has("embeddings") ? config.ask().vectors().batchSize() : 0, node == null ? null : node.pid(),
                config.importer().lanes(), args.intOption("warmup", Math.min(docs / 4, 5_000)))
                .withBulkRequests(args.intOption("bulk-requests", 0)).run(ours, prepared);
            report("after ingest", node);
            deleteBenchIndices(ours);
            deleteBenchIndices(prepared);
        }
        return 0;
    }

    private interface BenchBody {
        void run(AppConfig benchConfig, Elastic elastic) throws IOException, InterruptedException;
    }

    /** Fresh bench-* indices on the configured cluster (the local node is started if needed), removed afterwards unless --keep. */
    private int onBenchIndices(Map<String, String> overrides, BenchBody body) throws IOException, InterruptedException {
        if (!config.elasticsearch().external()) {
            new LocalNode(config).start();
        }
        Map<String, String> bench = new HashMap<>(overrides);
        bench.put("elasticsearch.indexPrefix", "bench");
        AppConfig benchConfig = ConfigLoader.load(null, bench);
        try (Elastic elastic = Elastic.open(benchConfig)) {
            if (!args.has("reuse")) {
                deleteBenchIndices(elastic);
            }
            new IndexInitializer(elastic).initialise();
            body.run(benchConfig, elastic);
            if (!args.has("keep")) {
                deleteBenchIndices(elastic);
            }
        }
        return 0;
    }

    /**
     * {@code ./kb bench scale --docs 10000,100000,1000000 [--seed N] [--crawl-pages P] [--results FILE] [--keep]}: the sizes
     * one after another in fresh {@code benchscale-*} indices (not "bench": that prefix holds what other benchmarks keep).
     */
    private int scale() throws IOException, InterruptedException {
        List<Integer> sizes = java.util.Arrays.stream(args.option("docs", "10000,100000").split(",")).map(String::strip)
            .filter(x -> !x.isEmpty()).map(Integer::parseInt).toList();
        LocalNode.Status node = config.elasticsearch().external() ? null : new LocalNode(config).start();
        AppConfig benchConfig = ConfigLoader.load(null, Map.of("elasticsearch.indexPrefix", "benchscale", "server.rateLimitPerMinute", "0"));
        return new ScaleBench(benchConfig, sizes, args.intOption("seed", 1), Path.of(args.option("questions", "eval/bench-questions.jsonl")),
            args.intOption("crawl-pages", 10_000), node == null ? null : node.pid(),
            args.has("results") ? Path.of(args.option("results", "")) : null, args.has("keep"), System.out).run();
    }

    private int search() throws IOException, InterruptedException {
        return onBenchIndices(Map.of(), (benchConfig, elastic) ->
            new SearchBench(args.intOption("docs", 100_000), args.intOption("rounds", 21)).run(elastic, args.has("reuse")));
    }

    private int crawl() throws IOException, InterruptedException {
        return onBenchIndices(Map.of("crawler.threads", Integer.toString(args.intOption("threads", config.crawler().threads()))),
            (benchConfig, elastic) -> new CrawlBench(benchConfig, args.intOption("pages", 10_000)).run(elastic));
    }

    private static void deleteBenchIndices(Elastic elastic) throws IOException {
        var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
        }
    }

    private static void report(String when, LocalNode.Status node) throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("%s: app heap used %d MiB, app RSS %s; node RSS %s%n", when,
            (rt.totalMemory() - rt.freeMemory()) >> 20, rss(ProcessHandle.current().pid()),
            node == null || node.pid() == null ? "n/a" : rss(node.pid()));
    }

    private static String rss(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS"))
            .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MiB").findFirst().orElse("n/a");
    }
}
