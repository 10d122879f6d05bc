package portalkb.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Unicode helpers for Vietnamese text: NFC, and diacritic folding (with đ → d) for matching. */
public final class Text {

    private Text() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * "Lạng Sơn" → "lang son"; "Đắk Lắk" → "dak lak": decomposed, marks (\p{M}) dropped, đ → d, lower-cased, runs
     * of whitespace as one space. Loops instead of regular expressions: every article goes through it at ingest.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (!isMark(c)) {
                stripped.appendCodePoint(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
            }
        }
        return collapseSpaces(stripped.toString().toLowerCase(Locale.ROOT));
    }

    /** A combining mark (\p{M}): a tone or vowel mark written apart from its letter (NFD). */
    public static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    // A tone mark on the first or the second vowel of a closing "oa", "oe", "uy" (NFD): "Hòa"/"Hoà", "Thủy"/"Thuỷ".
    private static final Pattern TONE_FIRST = Pattern.compile(
        "(?<![qQ])([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\\p{L}\\p{M}])");
    private static final Pattern TONE_SECOND = Pattern.compile(
        "(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\\p{L}\\p{M}])");

    /**
     * The same name with its tone marks placed the other way ("Thanh Thủy" ↔ "Thanh Thuỷ", "Hòa Bình" ↔ "Hoà Bình"), both
     * in use; the name itself when it has no such syllable. NFC in, NFC out.
     */
    public static String otherTonePlacement(String name) {
        String d = Normalizer.normalize(name, Normalizer.Form.NFD);
        String moved = TONE_FIRST.matcher(d).replaceAll("$1$3$2");
        if (moved.equals(d)) {
            moved = TONE_SECOND.matcher(d).replaceAll("$1$3$2");
        }
        return Normalizer.normalize(moved, Normalizer.Form.NFC);
    }

    public static String slug(String text) {
        return fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Runs of whitespace ([ \\t\\n\\x0B\\f\\r], as \\s in a pattern) as one space, the ends stripped. */
    public static String collapseSpaces(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < text.length() && isSpace(text.charAt(i + 1))))) {
                out = new StringBuilder(text.length()).append(text, 0, i);
                collapse(text, i, out);
                break;
            }
        }
        return (out == null ? text : out.toString()).strip();
    }

    private static void collapse(String text, int from, StringBuilder out) {
        boolean inSpace = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
