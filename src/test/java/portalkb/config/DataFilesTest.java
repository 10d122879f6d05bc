package portalkb.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word lists in the data files stay words: YAML reads a bare {@code on}, {@code no}, {@code yes} or {@code off} as
 * a boolean, so "no" in a list of words before a document number was {@code false} and matched nothing.
 */
class DataFilesTest {

    @Test
    void everyListInTheDataFilesHoldsStringsNotBooleans() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/resources", "crawler", "index-config")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 5, "the data files were found: " + files);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> booleans = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            if (!text.contains("${")) { // a template is read after its placeholders are filled
                collect(yaml.readTree(text), f + ":", booleans);
            }
        }
        assertEquals(List.of(), booleans, "quote these words (\"on\", \"no\"): YAML reads them as booleans");
    }

    private static void collect(JsonNode node, String where, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isBoolean()) {
                    out.add(where + "[" + i + "]");
                }
                collect(node.get(i), where + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), where + "." + e.getKey(), out));
        }
    }
}
