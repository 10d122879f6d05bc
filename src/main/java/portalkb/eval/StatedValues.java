package portalkb.eval;

import portalkb.core.WrittenNumbers;

import java.util.regex.Matcher;

/** Whether a text states a value (in either number convention), and whether a figure's year is the one meant. */
public final class StatedValues {

    private StatedValues() {
    }

    public static boolean states(String text, double value) {
        Matcher m = WrittenNumbers.NUMBER.matcher(text);
        while (m.find()) {
            for (boolean english : new boolean[] {false, true}) {
                for (double v : WrittenNumbers.readings(m.group(), english)) {
                    if (Math.abs(v - value) < 1e-9 * Math.max(1, Math.abs(value))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static boolean sameYear(Integer year, int expected) {
        return year != null && year == expected;
    }
}
