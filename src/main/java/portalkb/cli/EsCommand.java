package portalkb.cli;

import portalkb.config.AppConfig;
import portalkb.store.LocalNode;

import java.io.IOException;

/** {@code ./kb es start|stop|status}: the local Elasticsearch node of this data folder. */
final class EsCommand {

    private final AppConfig config;
    private final Args args;

    EsCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run() throws IOException, InterruptedException {
        String action = args.word(1, "./kb es start|stop|status");
        if (config.elasticsearch().external()) {
            System.out.println("note: ES_URL is set (" + config.elasticsearch().displayUrl() + "); this manages the local node of "
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
}
