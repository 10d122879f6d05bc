package portalkb.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The char filters of index-config/analysis.json start with their literal character (a look-behind first was tried at
 * every position of every text: a third of the node's indexing CPU). Each must match exactly the spans of the
 * look-behind-first form it replaced — the same text, and the same offsets for highlighting — on real portal text and
 * on random strings of digits, separators and spaces.
 */
class AnalysisPatternsTest {

    /** The forms used up to this change, by char filter. */
    private static final Map<String, String> BEFORE = Map.of(
        "vi_thousands", "(?<=\\d)\\.(?=\\d{3}(?!\\d))",
        "en_thousands", "(?<=\\d),(?=\\d{3},\\d{3}(?!\\d))|(?<=\\d),(?=\\d{3},\\d{3},)|(?<=,\\d{3}),(?=\\d{3}(?!\\d))",
        "vi_decimal", "(?<=\\d),(?=\\d)",
        "vi_percent", "(?<=\\d)\\s+%");

    @Test
    void eachPatternMatchesTheSpansOfTheFormItReplaced() throws IOException {
        JsonNode filters = IndexConfig.read("analysis.json").path("char_filter");
        List<String> texts = new ArrayList<>(realText());
        Random random = new Random(7);
        String alphabet = "0123456789012345678901234567890123456789.,. ,%  \t\na";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = 1 + random.nextInt(24); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(s.toString());
        }
        BEFORE.forEach((name, before) -> {
            String now = filters.path(name).path("pattern").asText();
            assertTrue(now.length() > 0 && !now.startsWith("(?<="), name + " should start with its literal character: " + now);
            Pattern old = Pattern.compile(before);
            Pattern current = Pattern.compile(now);
            for (String text : texts) {
                assertEquals(spans(old, text), spans(current, text), name + " on «" + text + "»");
            }
        });
    }

    @Test
    void theSpansCatchAChangedPattern() {
        // the check above must be able to fail: a pattern that drops the "no fourth digit" condition differs on "1.2345"
        assertTrue(!spans(Pattern.compile(BEFORE.get("vi_thousands")), "1.2345")
            .equals(spans(Pattern.compile("\\.(?<=\\d\\.)(?=\\d{3})"), "1.2345")));
    }

    private static List<Integer> spans(Pattern p, String text) {
        List<Integer> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(m.start());
            spans.add(m.end());
        }
        return spans;
    }

    /** devset2's development articles (001–025) when the shared folder is there; the random strings otherwise. */
    private static List<String> realText() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            Path file = Path.of("..", "shared", "devset2", "articles", String.format("%03d.txt", i));
            if (Files.isReadable(file)) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }
}
