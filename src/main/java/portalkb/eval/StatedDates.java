package portalkb.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text states a date or period as the devset writes it ("18/6/2015", "cuối năm 2015", "tháng 8/2020"):
 * its numbers, in order and as numbers ("18/06/2015" states "18/6/2015"), within one stretch of the text.
 */
final class StatedDates {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** How far apart (in characters) the numbers of one date may be stated. */
    private static final int SPAN = 40;

    private StatedDates() {
    }

    static boolean states(String text, String expected) {
        if (text == null || expected == null) {
            return false;
        }
        List<Integer> wanted = numbers(expected);
        if (wanted.isEmpty()) {
            return text.toLowerCase().contains(expected.toLowerCase().strip());
        }
        List<int[]> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(new int[] {Integer.parseInt(trimmed(m.group())), m.start()});
        }
        for (int i = 0; i + wanted.size() <= found.size(); i++) {
            boolean all = true;
            for (int j = 0; j < wanted.size() && all; j++) {
                all = found.get(i + j)[0] == wanted.get(j);
            }
            if (all && found.get(i + wanted.size() - 1)[1] - found.get(i)[1] <= SPAN) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> numbers(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(trimmed(m.group())));
        }
        return out;
    }

    /** Long digit runs are no dates; capped so they parse. */
    private static String trimmed(String digits) {
        return digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
    }
}
