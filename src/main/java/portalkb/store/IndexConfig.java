package portalkb.store;

import portalkb.core.Fingerprints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One index definition from index-config/: its settings and mappings with the shared analysis merged
 * in and synonym files inlined. The checksum names the concrete index, so a changed definition is a new
 * index behind the same alias.
 */
public record IndexConfig(String kind, ObjectNode definition, int version, String checksum) {

    public static final List<String> KINDS = List.of(IndexNames.ARTICLES, IndexNames.HISTORY, IndexNames.PASSAGES,
        IndexNames.FACTS, IndexNames.CRAWL_STATE, IndexNames.CRAWL_RUNS);

    public static IndexConfig load(String kind) {
        ObjectNode definition = (ObjectNode) read(kind + ".json");
        definition.remove("_comment");
        ObjectNode analysis = (ObjectNode) read("analysis.json");
        analysis.remove("_comment");
        inlineSynonyms(analysis);
        ObjectNode settings = definition.with("settings");
        settings.with("index").set("analysis", analysis);
        int version = definition.path("mappings").path("_meta").path("version").asInt(1);
        String checksum = Fingerprints.sha256Hex(definition.toString(), 5);
        ((ObjectNode) definition.path("mappings").path("_meta")).put("checksum", checksum);
        return new IndexConfig(kind, definition, version, checksum);
    }

    public String concreteName(IndexNames names) {
        return names.alias(kind) + "-v" + version + "-" + checksum;
    }

    public String json() {
        return definition.toString();
    }

    static JsonNode read(String file) {
        try (InputStream in = IndexConfig.class.getResourceAsStream("/index-config/" + file)) {
            if (in == null) {
                throw new IllegalStateException("index-config/" + file + " is missing from the build");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("index-config/" + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String readText(String file) {
        try (InputStream in = IndexConfig.class.getResourceAsStream("/index-config/" + file)) {
            if (in == null) {
                throw new IllegalStateException("index-config/" + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** synonyms_path → synonyms: a production cluster then needs no file copied into its config folder. */
    private static void inlineSynonyms(ObjectNode analysis) {
        JsonNode filters = analysis.path("filter");
        for (Iterator<Map.Entry<String, JsonNode>> it = filters.fields(); it.hasNext(); ) {
            JsonNode filter = it.next().getValue();
            if (filter.has("synonyms_path")) {
                ArrayNode rules = Json.MAPPER.createArrayNode();
                readText(filter.get("synonyms_path").asText()).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(rules::add);
                ((ObjectNode) filter).remove("synonyms_path");
                ((ObjectNode) filter).set("synonyms", rules);
            }
        }
    }
}
