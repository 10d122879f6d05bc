package portalkb.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import portalkb.ask.AskService;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlService;
import portalkb.store.Elastic;

/** What the web layer needs from the rest of the app; built by the CLI (or a test) and passed in. */
public record WebServices(AppConfig config, Elastic elastic, AskService ask, CrawlService crawls) {

    public WebServices(AppConfig config, Elastic elastic) {
        this(config, elastic, new AskService(elastic, config), null);
    }

    public WebServices(AppConfig config, Elastic elastic, AskService ask) {
        this(config, elastic, ask, null);
    }

    private static final Logger LOG = LoggerFactory.getLogger("portalkb.web");

    public Logger log() {
        return LOG;
    }
}
