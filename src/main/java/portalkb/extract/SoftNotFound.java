package portalkb.extract;

import portalkb.core.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells a "not found", "removed" or "maintenance" page served with status 200 (a soft 404) by the
 * phrases listed in crawler/not-found-phrases.txt (Vietnamese and English; format in its header).
 */
public final class SoftNotFound {

    private static final String FILE = "/crawler/not-found-phrases.txt";
    private static final int SHORT_TEXT = 1000;
    private static final int LEAD = 300;
    private static final List<String> ANYWHERE = new ArrayList<>();
    private static final List<String> WHOLE_TITLE = new ArrayList<>();

    static {
        try (InputStream in = SoftNotFound.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String phrase = line.strip();
                if (phrase.isEmpty() || phrase.startsWith("#")) {
                    continue;
                }
                if (phrase.startsWith("=")) {
                    WHOLE_TITLE.add(words(phrase.substring(1)));
                } else {
                    ANYWHERE.add(words(phrase));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SoftNotFound() {
    }

    /** The phrase that marks this page as a soft 404, if one does. */
    public static Optional<String> phrase(String title, String text) {
        String t = " " + words(title) + " ";
        for (String p : WHOLE_TITLE) {
            if (t.strip().equals(p)) {
                return Optional.of(p);
            }
        }
        String lead = text.length() < SHORT_TEXT ? " " + words(text.substring(0, Math.min(LEAD, text.length()))) + " " : "";
        for (String p : ANYWHERE) {
            if (t.contains(" " + p + " ") || lead.contains(" " + p + " ")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Folded words separated by one space: case, diacritics and punctuation do not matter. */
    private static String words(String s) {
        return Text.fold(s == null ? "" : s).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
