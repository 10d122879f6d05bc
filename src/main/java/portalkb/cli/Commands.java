package portalkb.cli;

import io.javalin.Javalin;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.config.ConfigLoader;
import portalkb.crawl.CrawlScheduler;
import portalkb.crawl.CrawlService;
import portalkb.crawl.Source;
import portalkb.demo.StaticSiteServer;
import portalkb.index.ArticleWriter;
import portalkb.index.JsonlImporter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;
import portalkb.store.LocalNode;
import portalkb.store.Reindexer;
import portalkb.store.WriteBlocks;
import portalkb.web.WebApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The CLI's commands; each builds what it needs from the configuration and delegates to its package. */
final class Commands {

    private final Args args;

    Commands(Args args) {
        this.args = args;
    }

    Map<String, Command> table() {
        Map<String, Command> t = new LinkedHashMap<>();
        t.put("es", this::es);
        t.put("init", this::init);
        t.put("import", this::importFile);
        t.put("crawl", this::crawl);
        t.put("sources", () -> new SourcesCommand(config(), args).run(System.out, System.err));
        t.put("search", this::search);
        t.put("ask", this::ask);
        t.put("eval", this::eval);
        t.put("serve", () -> serve(false));
        t.put("demo", () -> serve(true));
        t.put("config", this::printConfig);
        t.put("status", this::status);
        t.put("reindex", this::reindex);
        t.put("rank", () -> analytics(AnalyticsCommand::rank));
        t.put("trend", () -> analytics(AnalyticsCommand::trend));
        t.put("conflicts", () -> analytics(AnalyticsCommand::conflicts));
        return t;
    }

    AppConfig config() {
        return Main.config(args);
    }

    private int es() throws IOException, InterruptedException {
        String action = args.word(1, "./kb es start|stop|status");
        AppConfig config = config();
        if (config.elasticsearch().external()) {
            System.out.println("note: ES_URL is set (" + config.elasticsearch().url() + "); this manages the local node of "
                + config.dataDir() + " only");
        }
        LocalNode node = new LocalNode(config);
        switch (action) {
            case "start" -> {
                long start = System.nanoTime();
                LocalNode.Status s = node.start();
                System.out.printf("Elasticsearch is running at %s (pid %s, data %s) — ready after %.1f s%n",
                    s.url(), s.pid() == null ? "not ours" : s.pid(), config.dataDir().resolve("es"), (System.nanoTime() - start) / 1e9);
                return 0;
            }
            case "stop" -> {
                System.out.println(node.stop() ? "Elasticsearch stopped" : "Elasticsearch was not running for " + config.dataDir());
                return 0;
            }
            case "status" -> {
                LocalNode.Status s = node.status();
                if (s.running()) {
                    System.out.println("running at " + s.url() + (s.ownedByThisDataFolder() ? " (pid " + s.pid() + ")" : " (not started from this data folder)"));
                    return 0;
                }
                System.out.println("stopped (" + config.dataDir() + ")");
                return 3;
            }
            default -> throw new UsageException("./kb es start|stop|status");
        }
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
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk, config.ask().embeddings() && !args.has("no-embeddings"));
            JsonlImporter.Summary summary = new JsonlImporter(writer, bulk, System.err).importFile(file);
            summary.problems().stream().limit(50).forEach(p -> System.err.println("  " + p));
            if (summary.problems().size() > 50) {
                System.err.println("  … and " + (summary.problems().size() - 50) + " more");
            }
            System.out.println(summary.describe());
            elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
            return summary;
        }
    }

    private static void initQuietly(Elastic elastic) throws IOException {
        for (IndexInitializer.Result r : new IndexInitializer(elastic).initialise()) {
            if (r.state() != IndexInitializer.State.UP_TO_DATE) {
                System.err.println(r.describe());
            }
        }
    }

    private int serve(boolean demo) throws IOException, InterruptedException {
        AppConfig config = config();
        Elastic elastic = Elastic.connect(config);
        initQuietly(elastic);
        StaticSiteServer samplePortal = null;
        if (demo) {
            samplePortal = DemoSite.start(config);
            System.out.println("Sample portal: " + samplePortal.baseUrl() + "/ — crawling it …");
            List<Source> sources = DemoSite.sources(config, samplePortal);
            new CrawlCommand(config, args).crawl(elastic, sources, System.out, System.err);
        }
        Path sourcesFile = demo ? config.dataDir().resolve("demo-sources.yaml") : Path.of(args.option("sources", config.crawler().sources()));
        Services services = Services.of(config, elastic).withCrawls(sourcesFile, config.ask().embeddings() && !args.has("no-embeddings"));
        CrawlService crawls = services.crawls();
        CrawlScheduler scheduler = new CrawlScheduler(crawls, 30_000);
        try {
            scheduler.start();
        } catch (ConfigException e) {
            System.err.println("crawling is off: " + e.getMessage());
        }
        Javalin app = WebApp.create(services);
        app.start(config.server().host(), config.server().port());
        String url = "http://" + config.server().host() + ":" + app.port();
        System.out.println("PortalKB is up: " + url + "  (health: " + url + "/health; Elasticsearch: " + elastic.url() + ")");
        if (demo) {
            System.out.println("Open " + url + " and ask \"Which province reached 97.9% insurance coverage?\"");
            System.out.println("Stop with Ctrl-C; the local Elasticsearch keeps running until ./kb es stop.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        StaticSiteServer site = samplePortal;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.close();
            crawls.stop();
            app.stop();
            if (site != null) {
                site.close();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private int status() throws IOException, InterruptedException {
        AppConfig config = config();
        LocalNode.Status node = new LocalNode(config).status();
        System.out.println("Elasticsearch: " + (config.elasticsearch().external() ? config.elasticsearch().url()
            : node.running() ? "local node running at " + node.url() : "local node stopped (" + config.dataDir() + ")"));
        if (!config.elasticsearch().external() && !node.running()) {
            return 3;
        }
        try (Elastic elastic = Elastic.open(config)) {
            Services services = Services.of(config, elastic).withCrawls(Path.of(args.option("sources", config.crawler().sources())), false);
            new StatusPrinter(System.out).print(services.crawls(), elastic);
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
