package portalkb.cli;

import io.javalin.Javalin;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.crawl.CrawlScheduler;
import portalkb.crawl.CrawlService;
import portalkb.crawl.Source;
import portalkb.demo.StaticSiteServer;
import portalkb.store.Elastic;
import portalkb.web.WebApp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./kb serve} (web app, API and scheduled crawls) and {@code ./kb demo} (the same after crawling the
 * bundled sample portal); runs until the process is stopped.
 */
final class ServeCommand {

    private final AppConfig config;
    private final Args args;

    ServeCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run(boolean demo) throws IOException, InterruptedException {
        Elastic elastic = Elastic.connect(config);
        Commands.initQuietly(elastic);
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
}
