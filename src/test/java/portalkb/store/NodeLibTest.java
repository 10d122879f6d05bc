package portalkb.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local node's jars are its own: a folder only its JVM reads, never the application's classpath. */
class NodeLibTest {

    @Test
    void theNodeRunsFromNodeLibAndTheApplicationsClasses() throws IOException {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        List<String> entries = List.of(new LocalNode(config).nodeClasspath().split(File.pathSeparator));
        assertEquals(2, entries.size(), "node-lib/* and the folder of portalkb.node: " + entries);
        Path nodeLib = Path.of(entries.get(0)).getParent();
        assertEquals("node-lib", nodeLib.getFileName().toString());
        try (var jars = Files.list(nodeLib)) {
            List<String> names = jars.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("elasticsearch-\\d.*\\.jar")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("transport-netty4-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("javalin-") || n.startsWith("elasticsearch-java-")),
                "only the node's jars: " + names);
        }
        assertTrue(Files.isRegularFile(Path.of(entries.get(1)).resolve("portalkb/node/LocalNodeMain.class")), entries.get(1));
    }

    @Test
    void aMissingNodeLibIsNamedInOneLine(@TempDir Path empty) {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of("elasticsearch.local.nodeLib", empty.toString()));
        IOException e = assertThrows(IOException.class, () -> new LocalNode(config).nodeClasspath());
        assertTrue(e.getMessage().contains("jars are missing from " + empty), e.getMessage());
    }
}
