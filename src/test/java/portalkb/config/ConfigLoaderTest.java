package portalkb.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @Test
    void credentialsInTheClusterAddressAreMaskedWhereverItIsShown() throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of("ES_URL", "https://elastic:s3cret-pw@es1.example.org:9200,https://elastic:s3cret-pw@es2.example.org:9200"),
            Map.of());
        String shown = ConfigLoader.describe(config);
        org.junit.jupiter.api.Assertions.assertFalse(shown.contains("s3cret-pw"), shown);
        org.junit.jupiter.api.Assertions.assertTrue(shown.contains("es1.example.org:9200"), shown);
        try (portalkb.store.Elastic elastic = portalkb.store.Elastic.open(config)) {
            org.junit.jupiter.api.Assertions.assertFalse(elastic.url().contains("s3cret-pw"), "what ./kb serve prints: " + elastic.url());
        }
        org.junit.jupiter.api.Assertions.assertFalse(config.elasticsearch().displayUrl().contains("s3cret-pw"), "what ./kb status prints");
    }

    @Test
    void layersFileThenEnvironmentThenFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portalkb.yaml");
        Files.writeString(file, "server:\n  port: 8080\n  adminToken: from-file\nelasticsearch:\n  indexPrefix: kb\n");
        AppConfig config = ConfigLoader.load(file, Map.of("PORTALKB_ADMIN_TOKEN", "from-env"), Map.of("server.port", "9090"));
        assertEquals(9090, config.server().port());
        assertEquals("from-env", config.server().adminToken());
        assertEquals("kb", config.elasticsearch().indexPrefix());
        assertEquals(9200, config.elasticsearch().local().port(), "defaults stay where nothing overrides");
    }

    @Test
    void unknownKeysAndBadValuesAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "server:\n  prot: 1\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(), Map.of()));
        assertTrue(unknown.getMessage().contains("server.prot"), unknown.getMessage());
        ConfigException badValue = assertThrows(ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("PORTALKB_PORT", "seventy"), Map.of()));
        assertTrue(badValue.getMessage().contains("seventy"), badValue.getMessage());
    }
}
