package portalkb.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;

/** What the web layer needs from the rest of the app; built by the CLI (or a test) and passed in. */
public record WebServices(AppConfig config, Elastic elastic) {

    private static final Logger LOG = LoggerFactory.getLogger("portalkb.web");

    public Logger log() {
        return LOG;
    }
}
