package portalkb.eval;

import java.util.regex.Matcher;
import portalkb.core.WrittenNumbers;

/** Whether a text states a figure as the devset writes it, at its written precision ("97,9" is not "97,92"). */
final class StatedFigures {

    private StatedFigures() {
    }

    static boolean states(String text, String expected) {
        String wanted = expected.replace("%", "").strip();
        if (wanted.contains("/")) { // a pair such as "7/44" is stated as written
            return text.replace(" ", "").contains(wanted.replace(" ", ""));
        }
        if (wanted.matches("[\\d.,]+\\s+\\p{L}+")) { // "134 ngàn": the number with its magnitude word, as written
            return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").contains(wanted.toLowerCase(java.util.Locale.ROOT));
        }
        Matcher m = WrittenNumbers.NUMBER.matcher(text);
        while (m.find()) {
            if (WrittenNumbers.same(m.group(), wanted)) {
                return true;
            }
        }
        return false;
    }
}
