package portalkb.cli;

import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.crawl.Source;
import portalkb.crawl.SourcesFile;
import portalkb.demo.StaticSiteServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's sample portal: our own fixture sites served on a fixed local port (so article ids stay the
 * same from one demo to the next) and the sources file that points the crawler at them, written to the
 * data folder where ./kb crawl --sources can use it too.
 */
final class DemoSite {

    private DemoSite() {
    }

    static StaticSiteServer start(AppConfig config) throws IOException {
        try {
            return new StaticSiteServer("/portalkb/demo/sites", config.server().demoSitePort());
        } catch (BindException e) {
            throw new ConfigException("port " + config.server().demoSitePort() + " for the sample portal is in use; "
                + "choose another with PORTALKB_DEMO_SITE_PORT");
        }
    }

    static List<Source> sources(AppConfig config, StaticSiteServer site) throws IOException {
        String template;
        try (InputStream in = DemoSite.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String text = template.replace("${SITE}", site.baseUrl());
        Path file = config.dataDir().resolve("demo-sources.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return SourcesFile.load(file, config.crawler());
    }
}
