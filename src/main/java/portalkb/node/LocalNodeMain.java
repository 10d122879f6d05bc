package portalkb.node;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.PortalKbNode;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the local Elasticsearch node's own JVM (started by portalkb.store.LocalNode).
 * Arguments: home dir, data dir, logs dir, http port, transport port, then Elasticsearch settings as
 * SETTING=VALUE (the disk watermarks of elasticsearch.local.disk). Stops cleanly on SIGTERM.
 */
public final class LocalNodeMain {

    public static final String CLUSTER_NAME = "portalkb-local";

    private LocalNodeMain() {
    }

    public static void main(String[] args) {
        // Elasticsearch redirects System.out/err to its logs; keep the real ones for the launcher.
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            run(args, out);
        } catch (Throwable e) {
            err.println("PORTALKB_NODE_FAILED " + e);
            err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args, PrintStream out) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LocalNodeMain HOME DATA LOGS HTTP_PORT TRANSPORT_PORT [SETTING=VALUE …]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path logs = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(logs);
        try (InputStream log4j = LocalNodeMain.class.getResourceAsStream("/portalkb/node/log4j2.properties")) {
            Files.copy(log4j, home.resolve("config/log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        Settings.Builder extra = Settings.builder();
        for (int i = 5; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected SETTING=VALUE, got " + args[i]);
            }
            extra.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", Path.of(args[1]).toAbsolutePath().toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", CLUSTER_NAME)
            .put("node.name", "portalkb-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[3])
            .put("transport.port", args[4])
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("action.destructive_requires_name", true)
            .put(extra.build())
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "portalkb-node");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("portalkb-node");
        LogConfigurator.setClusterName(CLUSTER_NAME);
        LogConfigurator.configure(environment, true);

        Node node = new PortalKbNode(environment, List.of(Netty4Plugin.class, PortalKbNodePlugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("node did not close cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "portalkb-node-shutdown"));
        node.start();
        out.println("PORTALKB_NODE_STARTED http=127.0.0.1:" + args[3]);
        out.flush();
        stopped.await();
    }
}
