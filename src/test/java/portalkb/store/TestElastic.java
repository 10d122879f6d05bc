package portalkb.store;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One real local Elasticsearch node for the whole test run (started on first use, on free ports, in
 * target/test-es; stopped when the run ends). Each test class gets its own index prefix.
 */
public final class TestElastic implements BeforeAllCallback {

    private static AppConfig nodeConfig;
    private static LocalNode node;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureStarted(context);
    }

    private static synchronized void ensureStarted(ExtensionContext context) throws Exception {
        if (node != null) {
            return;
        }
        Path data = Path.of("target", "test-es").toAbsolutePath();
        Files.createDirectories(data);
        nodeConfig = ConfigLoader.load(null, Map.of(), Map.of(
            "data", data.toString(),
            "elasticsearch.local.port", Integer.toString(freePort()),
            "elasticsearch.local.transportPort", Integer.toString(freePort()),
            "elasticsearch.local.heap", "512m"));
        node = new LocalNode(nodeConfig);
        node.start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
            .put("portalkb-test-node", (ExtensionContext.Store.CloseableResource) () -> node.stop());
    }

    /** Configuration pointing at the shared node, with an index prefix of the test class's own. */
    public static AppConfig config(Class<?> testClass) {
        return config(testClass, Map.of());
    }

    public static AppConfig config(Class<?> testClass, Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put("data", nodeConfig.data());
        overrides.put("elasticsearch.local.port", Integer.toString(nodeConfig.elasticsearch().local().port()));
        overrides.put("elasticsearch.local.transportPort", Integer.toString(nodeConfig.elasticsearch().local().transportPort()));
        overrides.putIfAbsent("elasticsearch.indexPrefix", "t-" + testClass.getSimpleName().toLowerCase(Locale.ROOT));
        overrides.putIfAbsent("ask.embeddings", "false");
        return ConfigLoader.load(null, Map.of(), overrides);
    }

    /** A connection with this class's indices freshly created (old ones from an earlier run deleted). */
    public static Elastic freshIndices(Class<?> testClass) throws IOException {
        return freshIndices(config(testClass));
    }

    public static Elastic freshIndices(AppConfig config) throws IOException {
        Elastic elastic = Elastic.open(config);
        // The node refuses wildcard deletes (action.destructive_requires_name): name each index.
        var existing = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!existing.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(java.util.List.copyOf(existing)));
        }
        new IndexInitializer(elastic).initialise();
        return elastic;
    }

    public static int port() {
        return nodeConfig.elasticsearch().local().port();
    }

    public static Path dataDir() {
        return nodeConfig.dataDir();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
