package portalkb.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the effective configuration: defaults.yaml, then the user's portalkb.yaml, then environment
 * variables, then explicit overrides (command-line flags), each layer changing only what it sets.
 */
public final class ConfigLoader {

    /** Environment variable → dotted key. The defaults file names them beside each key. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
        Map.entry("PORTALKB_DATA", "data"),
        Map.entry("ES_URL", "elasticsearch.url"),
        Map.entry("ES_API_KEY", "elasticsearch.apiKey"),
        Map.entry("ES_USERNAME", "elasticsearch.username"),
        Map.entry("ES_PASSWORD", "elasticsearch.password"),
        Map.entry("ES_CA_FILE", "elasticsearch.caFile"),
        Map.entry("PORTALKB_INDEX_PREFIX", "elasticsearch.indexPrefix"),
        Map.entry("PORTALKB_ES_PORT", "elasticsearch.local.port"),
        Map.entry("PORTALKB_ES_TRANSPORT_PORT", "elasticsearch.local.transportPort"),
        Map.entry("PORTALKB_ES_HEAP", "elasticsearch.local.heap"),
        Map.entry("PORTALKB_NODE_LIB", "elasticsearch.local.nodeLib"),
        Map.entry("PORTALKB_PORT", "server.port"),
        Map.entry("PORTALKB_HOST", "server.host"),
        Map.entry("PORTALKB_ADMIN_TOKEN", "server.adminToken"),
        Map.entry("PORTALKB_TRUSTED_PROXIES", "server.trustedProxies"),
        Map.entry("PORTALKB_SOURCES", "crawler.sources"),
        Map.entry("PORTALKB_DEMO_SITE_PORT", "server.demoSitePort"),
        Map.entry("PORTALKB_ASK_MODEL", "ask.model"),
        Map.entry("PORTALKB_ASK_EMBEDDINGS", "ask.embeddings"),
        Map.entry("OPENAI_BASE_URL", "ask.openai.baseUrl"),
        Map.entry("OPENAI_MODEL", "ask.openai.model"),
        Map.entry("OPENAI_API_KEY", "ask.openai.apiKey"),
        Map.entry("OLLAMA_BASE_URL", "ask.ollama.baseUrl"),
        Map.entry("OLLAMA_MODEL", "ask.ollama.model"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    /** Loads with the process environment; {@code configFile} may be null (then ./portalkb.yaml if present). */
    public static AppConfig load(Path configFile, Map<String, String> overrides) {
        return load(configFile, System.getenv(), overrides);
    }

    public static AppConfig load(Path configFile, Map<String, String> environment, Map<String, String> overrides) {
        ObjectNode tree = defaults();
        Path file = configFile != null ? configFile
            : environment.containsKey("PORTALKB_CONFIG") ? Path.of(environment.get("PORTALKB_CONFIG"))
            : Path.of("portalkb.yaml");
        if (Files.exists(file)) {
            merge(tree, readUserFile(file), file.toString(), "");
        } else if (configFile != null) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        Map<String, String> layered = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                layered.put(key, value);
            }
        });
        layered.putAll(overrides);
        layered.forEach((key, value) -> set(tree, key, value));
        try {
            return YAML.treeToValue(tree, AppConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/portalkb/config/defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("defaults.yaml missing from the build", e);
        }
    }

    private static JsonNode readUserFile(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": expected a mapping of keys at the top level");
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String file, String path) {
        source.fields().forEachRemaining(entry -> {
            String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode existing = target.get(entry.getKey());
            if (existing == null) {
                throw new ConfigException(file + ": unknown key '" + key + "'");
            }
            if (existing.isObject() && entry.getValue().isObject()) {
                merge((ObjectNode) existing, entry.getValue(), file, key);
            } else if (existing.isObject()) {
                throw new ConfigException(file + ": key '" + key + "' must be a mapping");
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode object)) {
                throw new ConfigException("unknown configuration key '" + dottedKey + "'");
            }
            node = object;
        }
        if (!node.has(parts[parts.length - 1])) {
            throw new ConfigException("unknown configuration key '" + dottedKey + "'");
        }
        node.put(parts[parts.length - 1], value);
    }

    /** The effective configuration as YAML with secrets masked, for {@code ./kb config}. */
    public static String describe(AppConfig config) {
        ObjectNode tree = YAML.valueToTree(config);
        mask(tree);
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mask(ObjectNode node) {
        node.fields().forEachRemaining(entry -> {
            String key = entry.getKey().toLowerCase();
            if (entry.getValue() instanceof ObjectNode child) {
                mask(child);
            } else if ((key.contains("password") || key.contains("apikey") || key.contains("token"))
                && !entry.getValue().asText().isEmpty()) {
                node.put(entry.getKey(), "****");
            } else if (key.equals("url") || key.endsWith("url")) {
                node.put(entry.getKey(), AppConfig.Elasticsearch.maskCredentials(entry.getValue().asText()));
            }
        });
    }
}
