package portalkb.app;

import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlService;
import portalkb.search.FactAnalytics;
import portalkb.search.FactService;
import portalkb.search.SearchService;
import portalkb.store.Elastic;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The composition root: every service built once, from the configuration and one Elasticsearch
 * connection. The CLI's commands, the web app, the benchmarks and the tests take what they need from here.
 * Answering is built on first use (a command that only searches never reads the answer model's settings);
 * crawling only where the caller asks for it ({@link #withCrawls}).
 */
public final class Services {

    private final AppConfig config;
    private final Elastic elastic;
    private final SearchService search;
    private final FactService facts;
    private final FactAnalytics analytics;
    private final Supplier<AskService> ask;
    private final CrawlService crawls;

    private Services(AppConfig config, Elastic elastic, Supplier<AskService> ask, CrawlService crawls) {
        this.config = config;
        this.elastic = elastic;
        this.search = new SearchService(elastic);
        this.facts = new FactService(elastic);
        this.analytics = new FactAnalytics(elastic, config.analytics());
        this.ask = ask;
        this.crawls = crawls;
    }

    public static Services of(AppConfig config, Elastic elastic) {
        return new Services(config, elastic, once(() -> new AskService(elastic, config)), null);
    }

    /** The same services answering with {@code ask} (a test's scripted model, a benchmark's shared instance). */
    public Services withAsk(AskService ask) {
        return new Services(config, elastic, () -> ask, crawls);
    }

    /** The same services with background crawls of {@code sourcesFile}. */
    public Services withCrawls(Path sourcesFile, boolean embeddings) {
        return withCrawls(new CrawlService(elastic, config, sourcesFile, embeddings));
    }

    public Services withCrawls(CrawlService crawls) {
        return new Services(config, elastic, ask, crawls);
    }

    public AppConfig config() {
        return config;
    }

    public Elastic elastic() {
        return elastic;
    }

    public SearchService search() {
        return search;
    }

    public FactService facts() {
        return facts;
    }

    public FactAnalytics analytics() {
        return analytics;
    }

    public AskService ask() {
        return ask.get();
    }

    /** Null when these services crawl nothing (the web app then reports crawling as off). */
    public CrawlService crawls() {
        return crawls;
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
