package portalkb.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The year a figure is of, read from the folded sentence around it. */
final class FigureYears {

    /** A report year; not one compared against ("tăng 7 lần so với cùng kỳ năm 2021"). */
    private static final Pattern IN_TEXT = Pattern.compile("(?<!so voi (?:cung ky )?)(?:nam|/)\\s?((?:19|20)\\d{2})(?!\\d)");
    /** The unit (a few letters at most), then "năm 2020" or "(2020)", before anything else is said. */
    private static final Pattern RIGHT_AFTER = Pattern.compile(
        "^\\s*(?:%|[\\p{L}/]{1,12}(?:\\s[\\p{L}/]{1,12}){0,2})?\\s*(?:\\(\\s*(?:nam\\s?)?|,?\\s*(?:vao |trong )?nam\\s?)((?:19|20)\\d{2})(?!\\d)");

    private FigureYears() {
    }

    /** The last year named in {@code folded} before {@code position}, or null. */
    static Integer before(String folded, int position) {
        Matcher y = IN_TEXT.matcher(folded.substring(0, position));
        Integer year = null;
        while (y.find()) {
            year = Integer.parseInt(y.group(1));
        }
        return year;
    }

    /** "3,1% năm 2023", "(năm 2020)": a year written right after the figure is the figure's. */
    static Integer rightAfter(String rest) {
        Matcher y = RIGHT_AFTER.matcher(rest);
        return y.find() ? Integer.valueOf(y.group(1)) : null;
    }

    /** A bare 19xx/20xx in a report is a year far more often than a count. */
    static boolean isYear(String number) {
        return number.matches("(19|20)\\d{2}");
    }
}
