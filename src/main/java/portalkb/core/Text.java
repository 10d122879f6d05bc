package portalkb.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Unicode helpers for Vietnamese text: NFC, and diacritic folding (with đ → d) for matching. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** "Lạng Sơn" → "lang son"; "Đắk Lắk" → "dak lak". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public static String slug(String text) {
        return fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public static String collapseSpaces(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
