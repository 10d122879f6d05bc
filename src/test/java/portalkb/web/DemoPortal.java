package portalkb.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.CrawlService;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourcesFile;
import portalkb.demo.StaticSiteServer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./kb demo} serves, once per test run: the bundled sample portal on a random 127.0.0.1 port, crawled into
 * the test node, and the web app over it — no admin token, as a first start has none. Shared by the browser tests that
 * play a new user (register after {@link TestElastic}); closed when the run ends.
 */
public final class DemoPortal implements BeforeAllCallback {

    private static StaticSiteServer site;
    private static Elastic elastic;
    private static Javalin app;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context);
    }

    private static synchronized void start(ExtensionContext context) throws Exception {
        if (app != null) {
            return;
        }
        AppConfig config = TestElastic.config(DemoPortal.class, Map.of("server.rateLimitPerMinute", "0"));
        elastic = TestElastic.freshIndices(config);
        site = new StaticSiteServer("/portalkb/demo/sites", 0);
        Path sources = Files.createTempFile("demo-portal-sources", ".yaml");
        try (InputStream in = DemoPortal.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            Files.writeString(sources, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", site.baseUrl()));
        }
        new Crawler(elastic, config.crawler()).run(SourcesFile.load(sources, config.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE);
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().passages(), elastic.names().facts())));
        app = WebApp.create(Services.of(config, elastic).withCrawls(new CrawlService(elastic, config, sources, false))).start("127.0.0.1", 0);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("portalkb-demo-portal",
            (ExtensionContext.Store.CloseableResource) DemoPortal::stop);
    }

    private static void stop() throws Exception {
        app.stop();
        site.close();
        elastic.close();
    }

    /** The web app's address, "http://127.0.0.1:PORT". */
    public static String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /** The sample portal's address: every cited article lives under it. */
    public static String site() {
        return site.baseUrl();
    }
}
