package portalkb.bench;

import co.elastic.clients.elasticsearch._types.CommonStatsFlag;
import portalkb.app.Services;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.core.Gazetteer;
import portalkb.index.ArticleWriter;
import portalkb.index.JsonlImporter;
import portalkb.search.FactAnalytics;
import portalkb.search.SearchRequest;
import portalkb.search.SearchService;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;
import portalkb.store.IndexConfig;
import portalkb.store.IndexInitializer;
import portalkb.store.Json;
import portalkb.store.Reindexer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./kb bench scale --docs 10000,100000,1000000}: for each size, in fresh indices, the scale corpus ({@link ScaleCorpus})
 * imported exactly as {@code ./kb import} does, then searches, asks, rankings, a reindex and a re-crawl of a fixture
 * source measured on what it left; every figure is printed beside the previous size's with its growth exponent
 * ({@link GrowthTable}). Memory is the largest seen while the import ran; the node's heap as its stats give it.
 */
final class ScaleBench {

    private static final int SEARCH_ROUNDS = 6;
    private static final int ASK_ROUNDS = 2;
    private static final int ANALYTICS_ROUNDS = 11;

    private final AppConfig config;
    private final List<Integer> sizes;
    private final long seed;
    private final Path questions;
    private final int crawlPages;
    private final Long nodePid;
    private final Path results;
    private final boolean keepLast;
    private final PrintStream out;
    private final GrowthTable table = new GrowthTable();

    /** {@code results}: each size's figures appended as a JSON line (null: none); {@code keepLast}: the last size's indices stay. */
    ScaleBench(AppConfig config, List<Integer> sizes, long seed, Path questions, int crawlPages, Long nodePid, Path results,
               boolean keepLast, PrintStream out) {
        this.config = config;
        this.sizes = sizes;
        this.seed = seed;
        this.questions = questions;
        this.crawlPages = crawlPages;
        this.nodePid = nodePid;
        this.results = results;
        this.keepLast = keepLast;
        this.out = out;
        define();
    }

    private void define() {
        table.define("import", "articles/s", GrowthTable.Kind.CORPUS_RATE);
        table.define("app heap live after GC, import", "MiB", GrowthTable.Kind.COST);
        table.define("app heap used, import", "MiB", GrowthTable.Kind.COST);
        table.define("app RSS, import", "MiB", GrowthTable.Kind.COST);
        table.define("node RSS, import", "MiB", GrowthTable.Kind.COST);
        table.define("node heap used after import", "MiB", GrowthTable.Kind.COST);
        table.define("disk", "MiB", GrowthTable.Kind.COST);
        table.define("segments", "", GrowthTable.Kind.COST);
        table.define("search p50, hits + facets", "ms", GrowthTable.Kind.COST);
        table.define("search p95, hits + facets", "ms", GrowthTable.Kind.COST);
        table.define("search p95, hits only", "ms", GrowthTable.Kind.COST);
        table.define("search p95, facets only", "ms", GrowthTable.Kind.COST);
        table.define("ask p50", "ms", GrowthTable.Kind.COST);
        table.define("ask p95", "ms", GrowthTable.Kind.COST);
        table.define("rank p95, common measure", "ms", GrowthTable.Kind.COST);
        table.define("rank p95, rare measure", "ms", GrowthTable.Kind.COST);
        table.define("rank p95, latest year, common", "ms", GrowthTable.Kind.COST);
        table.define("trend p95, common", "ms", GrowthTable.Kind.COST);
        table.define("conflicts p95, common", "ms", GrowthTable.Kind.COST);
        table.define("conflicts p95, rare", "ms", GrowthTable.Kind.COST);
        table.define("conflicts, every measure", "ms", GrowthTable.Kind.COST);
        table.define("reindex", "s", GrowthTable.Kind.COST);
        table.define("re-crawl of " + crawlPages + " pages", "pages/s", GrowthTable.Kind.FIXED_WORK_RATE);
        table.define("first crawl of " + crawlPages + " pages", "pages/s", GrowthTable.Kind.FIXED_WORK_RATE);
    }

    int run() throws IOException, InterruptedException {
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            out.printf("%n=== %,d articles (load average %s)%n", size, loadAverage());
            Map<String, Double> figures = measure(size, keepLast && i == sizes.size() - 1);
            table.add(size, figures);
            if (results != null) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("size", size);
                line.put("load", loadAverage());
                line.put("figures", figures);
                Files.writeString(results, Json.MAPPER.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.println();
            table.print(out);
        }
        return 0;
    }

    private Map<String, Double> measure(int size, boolean keep) throws IOException, InterruptedException {
        Map<String, Double> f = new LinkedHashMap<>();
        try (Elastic elastic = Elastic.open(config)) {
            freshOutdated(elastic);
            ScaleCorpus corpus = new ScaleCorpus(seed);
            Path file = Files.createTempFile("portalkb-scale-", ".jsonl");
            try {
                long g0 = System.nanoTime();
                corpus.write(file, size);
                out.printf("corpus: %,d articles, %,d MiB of JSONL, written in %.0f s (off the clock)%n", size, Files.size(file) >> 20,
                    (System.nanoTime() - g0) / 1e9);
                importCorpus(elastic, file, size, f);
            } finally {
                Files.deleteIfExists(file);
            }
            nodeFigures(elastic, f);
            copies(elastic, corpus, size);
            Services services = Services.of(config, elastic);
            search(services.search(), f);
            ask(services.ask(), f);
            analytics(services.analytics(), corpus, f);
            long r0 = System.nanoTime();
            List<Reindexer.Result> reindexed = new Reindexer(elastic).reindexOutdated(line -> { });
            f.put("reindex", (System.nanoTime() - r0) / 1e9);
            out.printf("reindex: %d indices, %,d documents in %.0f s%n", reindexed.size(),
                reindexed.stream().mapToLong(Reindexer.Result::documents).sum(), f.get("reindex"));
            CrawlBench.Crawls crawls = new CrawlBench(config, crawlPages).crawlTwice(elastic);
            f.put("first crawl of " + crawlPages + " pages", crawls.first().pagesPerSecond());
            f.put("re-crawl of " + crawlPages + " pages", crawls.again().pagesPerSecond());
            if (!keep) {
                deleteAll(elastic);
            }
        }
        return f;
    }

    /** Fresh indices under names other than their definitions', so that {@code ./kb reindex} has every index to copy. */
    private static void freshOutdated(Elastic elastic) throws IOException {
        deleteAll(elastic);
        IndexInitializer initializer = new IndexInitializer(elastic);
        for (String kind : IndexConfig.KINDS) {
            initializer.createBehindAlias(IndexConfig.load(kind), elastic.names().alias(kind) + "-v0-scale");
        }
    }

    private static void deleteAll(Elastic elastic) throws IOException {
        var names = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!names.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(names)));
        }
    }

    /** Exactly {@code ./kb import}: a bulk load, the importer on its lanes, the refresh at the end. */
    private void importCorpus(Elastic elastic, Path file, int size, Map<String, Double> f) throws IOException, InterruptedException {
        BulkIndexer.Settings d = BulkIndexer.Settings.DEFAULT;
        BulkIndexer.Settings settings = new BulkIndexer.Settings(d.maxOperations(), d.maxBytes(), config.importer().bulkRequests(),
            config.importer().writeAttempts(), d.firstBackoff());
        long t0 = System.nanoTime();
        JsonlImporter.Summary summary;
        try (MemoryWatch memory = MemoryWatch.start(nodePid)) {
            try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
                 BulkIndexer bulk = new BulkIndexer(elastic, settings, failure -> { })) {
                summary = new JsonlImporter(new ArticleWriter(elastic, bulk), bulk, new PrintStream(OutputStream.nullOutputStream()),
                    JsonlImporter.Settings.of(config)).importFile(file);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            f.put("import", size / seconds);
            f.put("app heap live after GC, import", mib(memory.heapAfterGcMax()));
            f.put("app heap used, import", mib(memory.heapUsedMax()));
            f.put("app RSS, import", mib(memory.rssMax()));
            if (nodePid != null) {
                f.put("node RSS, import", mib(memory.nodeRssMax()));
            }
            out.printf("import: %s; %.0f articles/s (load average %s)%n", summary.describe(), size / seconds, loadAverage());
        }
    }

    private void nodeFigures(Elastic elastic, Map<String, Double> f) throws IOException {
        var stats = elastic.client().indices().stats(s -> s.index(elastic.names().prefix() + "-*")
            .metric(CommonStatsFlag.Store, CommonStatsFlag.Segments, CommonStatsFlag.Docs));
        f.put("disk", mib(stats.all().total().store().sizeInBytes()));
        f.put("segments", (double) stats.all().primaries().segments().count());
        var jvm = elastic.client().nodes().stats(s -> s.metric(co.elastic.clients.elasticsearch.nodes.stats.NodeStatsMetric.Jvm)).nodes().values();
        long heapUsed = jvm.stream().mapToLong(n -> n.jvm().mem().heapUsedInBytes()).sum();
        long heapMax = jvm.stream().mapToLong(n -> n.jvm().mem().heapMaxInBytes()).sum();
        f.put("node heap used after import", mib(heapUsed));
        StringBuilder docs = new StringBuilder();
        stats.indices().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(e -> docs.append(String.format(" %s %,d;", e.getKey().replace(elastic.names().prefix() + "-", ""),
                e.getValue().primaries().docs().count())));
        out.printf("node: heap %,d of %,d MiB; disk %,.0f MiB; %,.0f segments; documents:%s%n", heapUsed >> 20, heapMax >> 20,
            f.get("disk"), f.get("segments"), docs);
    }

    /** How many of the corpus's copies the writer marked as another article's copy (found in the index or among recent writes). */
    private void copies(Elastic elastic, ScaleCorpus corpus, int size) throws IOException {
        long made = 0;
        for (long n = 0; n < size; n++) {
            if (corpus.isCopy(n)) {
                made++;
            }
        }
        long marked = elastic.client().count(c -> c.index(elastic.names().articles()).query(q -> q.exists(e -> e.field("duplicateOf")))).count();
        out.printf("near-duplicates: %,d articles marked as copies; the corpus made %,d copies of earlier articles%n", marked, made);
    }

    private void search(SearchService search, Map<String, Double> f) throws IOException {
        Latencies both = new Latencies();
        Latencies hits = new Latencies();
        Latencies facets = new Latencies();
        for (int round = 0; round < SEARCH_ROUNDS; round++) {
            for (String q : SearchBench.QUERIES) {
                SearchRequest request = new SearchRequest(q, List.of(), List.of(), List.of(), null, null, List.of(), 1, 10,
                    SearchRequest.Sort.RELEVANCE);
                long a = System.nanoTime();
                search.search(request);
                long b = System.nanoTime();
                search.hitsOnly(request);
                long c = System.nanoTime();
                search.facetsOnly(request);
                long d = System.nanoTime();
                if (round > 0) { // the first round warms the caches
                    both.add(b - a);
                    hits.add(c - b);
                    facets.add(d - c);
                }
            }
        }
        f.put("search p50, hits + facets", both.ms(50));
        f.put("search p95, hits + facets", both.ms(95));
        f.put("search p95, hits only", hits.ms(95));
        f.put("search p95, facets only", facets.ms(95));
    }

    private void ask(AskService ask, Map<String, Double> f) throws IOException {
        List<String> texts = AskBench.questionTexts(questions);
        Latencies latencies = new Latencies();
        for (int round = 0; round < ASK_ROUNDS; round++) {
            for (String q : texts) {
                long a = System.nanoTime();
                ask.ask(q, null, null, null);
                if (round > 0) {
                    latencies.add(System.nanoTime() - a);
                }
            }
        }
        f.put("ask p50", latencies.ms(50));
        f.put("ask p95", latencies.ms(95));
    }

    private void analytics(FactAnalytics analytics, ScaleCorpus corpus, Map<String, Double> f) throws IOException {
        List<String> provinces = Gazetteer.get().provinces().stream().map(Gazetteer.Province::name).toList();
        Map<String, Latencies> l = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int round = 0; round < ANALYTICS_ROUNDS; round++) {
            for (String kind : List.of("common", "rare")) {
                String metric = kind.equals("common") ? corpus.commonMeasure() : corpus.rareMeasure();
                int year = corpus.fromYear() + random.nextInt(corpus.toYear() - corpus.fromYear() + 1);
                List<String> some = List.of(provinces.get(random.nextInt(provinces.size())), provinces.get(random.nextInt(provinces.size())),
                    provinces.get(random.nextInt(provinces.size())));
                boolean measured = round > 0;
                time(l, measured, "rank " + kind, () -> analytics.rank(metric, year, FactAnalytics.Order.DESC, 0));
                time(l, measured, "rank latest " + kind, () -> analytics.rank(metric, null, FactAnalytics.Order.DESC, 0));
                time(l, measured, "trend " + kind, () -> analytics.trend(metric, some, null, null));
                time(l, measured, "conflicts " + kind, () -> analytics.conflicts(metric, null, year));
            }
        }
        f.put("rank p95, common measure", l.get("rank common").ms(95));
        f.put("rank p95, rare measure", l.get("rank rare").ms(95));
        f.put("rank p95, latest year, common", l.get("rank latest common").ms(95));
        f.put("trend p95, common", l.get("trend common").ms(95));
        f.put("conflicts p95, common", l.get("conflicts common").ms(95));
        f.put("conflicts p95, rare", l.get("conflicts rare").ms(95));
        long a = System.nanoTime();
        var all = analytics.conflicts(null, null, null);
        f.put("conflicts, every measure", (System.nanoTime() - a) / 1e6);
        out.printf("conflicts over every measure: %,d cells, complete %s%n", all.conflicts().size(), all.complete());
    }

    private interface Call {
        Object run() throws IOException;
    }

    private static void time(Map<String, Latencies> into, boolean measured, String name, Call call) throws IOException {
        long a = System.nanoTime();
        call.run();
        if (measured) {
            into.computeIfAbsent(name, k -> new Latencies()).add(System.nanoTime() - a);
        }
    }

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
