package portalkb.ask.question;

import portalkb.figures.FigureExtractor;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one way the ask path splits folded text into words, so question forms and sentences line up. */
public final class Words {

    private Words() {
    }

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    /** "tỉ lệ" and "tỷ lệ", "kĩ" and "kỹ" are one word spelled two ways: a consonant + y syllable reads as + i. */
    private static final Pattern Y_AFTER_CONSONANT = Pattern.compile("^([tklmshvnbdpr])y$");

    /** Words of already-folded text: letters and digits, everything else separates. */
    public static List<String> of(String folded) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            out.add(normalize(m.group()));
        }
        return out;
    }

    /** Words of already-folded text as written, without merging spellings (what the index holds). */
    public static List<String> raw(String folded) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The one spelling {@link #of} uses for a word. */
    public static String normal(String word) {
        return normalize(word);
    }

    /** Words of a sentence as written, with the offset in {@code text} where each starts. */
    public static List<String> of(String text, List<Integer> starts) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(FigureExtractor.foldKeepingLength(text));
        while (m.find()) {
            out.add(normalize(m.group()));
            starts.add(m.start());
        }
        return out;
    }

    /**
     * One spelling per word: "tỷ"/"tỉ" → "ti", and English inflections stripped ("infections" → "infection",
     * "joining" → "join"). No folded Vietnamese syllable ends in -s, -ed or -ing, so this touches English only.
     */
    private static String normalize(String word) {
        int n = word.length();
        if (n > 5 && word.endsWith("ing")) {
            return word.substring(0, n - 3);
        }
        if (n > 4 && word.endsWith("ed")) {
            return word.substring(0, n - 2);
        }
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return Y_AFTER_CONSONANT.matcher(word).replaceFirst("$1i");
    }

    /** Words of any text, folded first ("Bảo hiểm y tế" → bao, hiem, y, te). */
    public static List<String> folded(String text) {
        return of(Text.fold(text));
    }

    /** The start of {@code phrase} as a run of words in {@code words}, or -1. */
    public static int indexOf(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
