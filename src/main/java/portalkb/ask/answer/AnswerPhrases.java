package portalkb.ask.answer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The offline reader's wording in the answer's language, from resources portalkb/ask/answer/answer-phrases.yaml. */
final class AnswerPhrases {

    private static final Map<String, Map<String, String>> PHRASES = load();

    private final Map<String, String> phrases;

    AnswerPhrases(String lang) {
        this.phrases = PHRASES.getOrDefault(lang, PHRASES.get("en"));
    }

    String get(String key, String... placeholders) {
        String out = phrases.get(key);
        if (out == null) {
            throw new IllegalStateException("answer-phrases.yaml has no '" + key + "'");
        }
        for (int i = 0; i + 1 < placeholders.length; i += 2) {
            out = out.replace("{" + placeholders[i] + "}", placeholders[i + 1]);
        }
        return out;
    }

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = AnswerPhrases.class.getResourceAsStream("/portalkb/ask/answer/answer-phrases.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer phrases", e);
        }
    }
}
