package portalkb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import portalkb.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled figure of a real article, in devset2's {@code figures.jsonl} format (eval/figures/LABELLING.md):
 * the value and unit as written, what it measures (English and Vietnamese), year and period, level, place, role
 * and the sentence that states it.
 */
public record FigureLabel(String file, String value, String unit, String measureEn, String measureVi, Integer year,
                          String period, String level, String place, String role, String evidence) {

    public static List<FigureLabel> load(Path file) throws IOException {
        List<FigureLabel> out = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new IOException(file + ":" + line + ": not a JSON object (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            for (String field : List.of("file", "value", "level", "role", "evidence")) {
                if (!n.hasNonNull(field)) {
                    throw new IOException(file + ":" + line + ": missing '" + field + "'");
                }
            }
            out.add(new FigureLabel(n.get("file").asText(), n.get("value").asText(), n.path("unit").asText(""),
                n.path("measure_en").asText(""), n.path("measure_vi").asText(""),
                n.hasNonNull("year") ? n.get("year").asInt() : null, n.path("period").asText(""), n.get("level").asText(),
                n.path("place").asText(""), n.get("role").asText(), n.get("evidence").asText()));
        }
        return out;
    }
}
