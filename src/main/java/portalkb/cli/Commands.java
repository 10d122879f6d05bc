package portalkb.cli;

import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.index.ArticleWriter;
import portalkb.index.JsonlImporter;
import portalkb.index.VectorFiller;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;
import portalkb.store.LocalNode;
import portalkb.store.Reindexer;
import portalkb.store.WriteBlocks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CLI's commands; each builds what it needs from the configuration and delegates to its package. */
final class Commands {

    private final Args args;

    Commands(Args args) {
        this.args = args;
    }

    Map<String, Command> table() {
        Map<String, Command> t = new LinkedHashMap<>();
        t.put("es", () -> new EsCommand(config(), args).run());
        t.put("init", this::init);
        t.put("import", this::importFile);
        t.put("crawl", this::crawl);
        t.put("sources", () -> new SourcesCommand(config(), args).run(System.out, System.err));
        t.put("search", this::search);
        t.put("ask", this::ask);
        t.put("eval", this::eval);
        t.put("serve", () -> new ServeCommand(config(), args).run(false));
        t.put("demo", () -> new ServeCommand(config(), args).run(true));
        t.put("config", this::printConfig);
        t.put("status", this::status);
        t.put("reindex", this::reindex);
        t.put("rank", () -> analytics(AnalyticsCommand::rank));
        t.put("trend", () -> analytics(AnalyticsCommand::trend));
        t.put("conflicts", () -> analytics(AnalyticsCommand::conflicts));
        t.put("metrics", this::metrics);
        t.put("fit-reader", () -> new FitReaderCommand(args).run(System.out));
        return t;
    }

    AppConfig config() {
        return Main.config(args);
    }

    private int init() throws IOException, InterruptedException {
        try (Elastic elastic = Elastic.connect(config())) {
            boolean outdated = false;
            for (IndexInitializer.Result r : new IndexInitializer(elastic).initialise()) {
                System.out.println(r.describe());
                outdated |= r.state() == IndexInitializer.State.OUTDATED;
            }
            return outdated ? 4 : 0;
        }
    }

    private int importFile() throws IOException, InterruptedException {
        Path file = Path.of(args.word(1, "./kb import FILE.jsonl"));
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        AppConfig config = config();
        try (Elastic elastic = Elastic.connect(config)) {
            initQuietly(elastic);
            Optional<String> blocked = WriteBlocks.check(elastic);
            if (blocked.isPresent()) {
                throw new IOException(blocked.get()); // nothing read yet: run the import again when writes are accepted
            }
            JsonlImporter.Summary summary = runImport(elastic, config, file);
            return summary.lines() > 0 && summary.indexed() + summary.changed() + summary.unchanged() == 0 ? 1 : 0;
        }
    }

    private int search() throws IOException, InterruptedException {
        AppConfig config = config();
        try (Elastic elastic = Elastic.connect(config)) {
            return new SearchCommand(args).run(Services.of(config, elastic).search(), System.out);
        }
    }

    private interface AnalyticsAction {
        int run(AnalyticsCommand command) throws IOException;
    }

    private int analytics(AnalyticsAction action) throws IOException, InterruptedException {
        AppConfig config = config();
        try (Elastic elastic = Elastic.connect(config)) {
            return action.run(new AnalyticsCommand(args, Services.of(config, elastic).analytics(), System.out));
        }
    }

    private int metrics() throws IOException, InterruptedException {
        if (!args.has("discover")) {
            return new MetricsCommand(args, System.out).run(null);
        }
        try (Elastic elastic = Elastic.connect(config())) {
            return new MetricsCommand(args, System.out).run(new portalkb.search.OpenMeasures(elastic));
        }
    }

    private int ask() throws IOException, InterruptedException {
        AppConfig config = config();
        try (Elastic elastic = Elastic.connect(config)) {
            return new AskCommand(args).run(Services.of(config, elastic).ask(), System.out);
        }
    }

    private int eval() throws IOException, InterruptedException {
        AppConfig config = config();
        if (args.has("devset")) {
            AppConfig devset = DevsetEvalCommand.devsetConfig(config);
            try (Elastic elastic = Elastic.connect(devset)) {
                return new DevsetEvalCommand(args).run(elastic, devset, System.out);
            }
        }
        try (Elastic elastic = Elastic.connect(config)) {
            return new EvalCommand(args).run(elastic, config, System.out);
        }
    }

    private int crawl() throws IOException, InterruptedException {
        AppConfig config = config();
        try (Elastic elastic = Elastic.connect(config)) {
            initQuietly(elastic);
            return new CrawlCommand(config, args).run(elastic);
        }
    }

    private JsonlImporter.Summary runImport(Elastic elastic, AppConfig config, Path file) throws IOException, InterruptedException {
        BulkIndexer.Settings settings = new BulkIndexer.Settings(BulkIndexer.Settings.DEFAULT.maxOperations(), BulkIndexer.Settings.DEFAULT.maxBytes(),
            config.importer().bulkRequests(), config.importer().writeAttempts(), BulkIndexer.Settings.DEFAULT.firstBackoff());
        try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
             BulkIndexer bulk = new BulkIndexer(elastic, settings, failure -> { })) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk);
            JsonlImporter.Summary summary = new JsonlImporter(writer, bulk, System.err, JsonlImporter.Settings.of(config)).importFile(file);
            summary.problems().stream().limit(50).forEach(p -> System.err.println("  " + p));
            if (summary.problems().size() > 50) {
                System.err.println("  … and " + (summary.problems().size() - 50) + " more");
            }
            System.out.println(summary.describe());
            elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
            CrawlCommand.fillVectors(elastic, config, args, System.err);
            return summary;
        }
    }

    static void initQuietly(Elastic elastic) throws IOException {
        for (IndexInitializer.Result r : new IndexInitializer(elastic).initialise()) {
            if (r.state() != IndexInitializer.State.UP_TO_DATE) {
                System.err.println(r.describe());
            }
        }
    }

    private int status() throws IOException, InterruptedException {
        AppConfig config = config();
        LocalNode.Status node = new LocalNode(config).status();
        System.out.println("Elasticsearch: " + (config.elasticsearch().external() ? config.elasticsearch().displayUrl()
            : node.running() ? "local node running at " + node.url() : "local node stopped (" + config.dataDir() + ")"));
        if (!config.elasticsearch().external() && !node.running()) {
            return 3;
        }
        try (Elastic elastic = Elastic.open(config)) {
            Services services = Services.of(config, elastic).withCrawls(Path.of(args.option("sources", config.crawler().sources())), false);
            new StatusPrinter(System.out).print(services.crawls(), elastic,
                config.ask().embeddings() ? new VectorFiller(elastic, config.ask().vectors().batchSize()) : null);
        }
        return 0;
    }

    private int reindex() throws IOException, InterruptedException {
        try (Elastic elastic = Elastic.connect(config())) {
            System.err.println("note: each index is write-blocked while it is copied; crawls and imports under way wait for it, new ones are refused until it is done");
            List<Reindexer.Result> done = new Reindexer(elastic).reindexOutdated(System.err::println);
            if (done.isEmpty()) {
                System.out.println("every index is up to date; nothing to reindex");
            }
            done.forEach(r -> System.out.printf("%s: %,d documents %s → %s (copy verified, alias switched, old index deleted)%n", r.alias(), r.documents(), r.from(), r.to()));
            return 0;
        }
    }

    private int printConfig() {
        System.out.print(ConfigLoader.describe(config()));
        return 0;
    }
}
