package portalkb.core;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Folding and space collapsing are loops for speed; they must give exactly what their definitions as patterns give. */
class TextTest {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Vietnamese as written (NFC and NFD), other scripts, marks alone, every kind of space, a surrogate pair. */
    private static final String ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
        + Normalizer.normalize("Lạng Sơn Đắk Lắk ệ", Normalizer.Form.NFD) + "\u0301\u0323\u20DD ΣσςİıßǅﬁÅ0123456789.,;:%/-()\"“”… \t\n\r\f\u000B\u00A0\u2003\u3000😀";

    static String foldByPatterns(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    @Test
    void foldingGivesWhatItsPatternDefinitionGives() {
        assertEquals("lang son", Text.fold("  Lạng\t\tSơn "));
        assertEquals("dak lak", Text.fold(Normalizer.normalize("Đắk Lắk", Normalizer.Form.NFD)));
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            assertEquals(foldByPatterns(text), Text.fold(text), () -> "for " + text.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void collapsingSpacesGivesWhatItsPatternDefinitionGives() {
        assertEquals("a b c", Text.collapseSpaces(" a \t b\n\nc "));
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            assertEquals(SPACES.matcher(text).replaceAll(" ").strip(), Text.collapseSpaces(text));
        }
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(40);
        int[] points = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }

    @Test
    void aToneMarkPlacedTheOtherWay() {
        assertEquals("Thanh Thuỷ", Text.otherTonePlacement("Thanh Thủy"));
        assertEquals("Hòa Bình", Text.otherTonePlacement("Hoà Bình"));
        assertEquals("Khánh Hoà", Text.otherTonePlacement("Khánh Hòa"));
        // no closing oa/oe/uy, or "qu": unchanged
        assertEquals("Lạng Sơn", Text.otherTonePlacement("Lạng Sơn"));
        assertEquals("Quý", Text.otherTonePlacement("Quý"));
        assertEquals("Hoàng Mai", Text.otherTonePlacement("Hoàng Mai"));
    }
}
