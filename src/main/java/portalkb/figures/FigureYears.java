package portalkb.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The year a figure is of, read from the folded sentence around it. */
final class FigureYears {

    /** A report year; not one compared against ("tăng 7 lần so với cùng kỳ năm 2021"). */
    // The look-behind is checked after "nam" or "/" is seen, not tried at every position of the sentence first.
    // Also English ("in 2023", "31 December 2023", not "compared to that in 2022") and a period's end ("2016 - 2020").
    static final Pattern IN_TEXT = Pattern.compile(
        "(?:nam(?<!so voi (?:cung ky )?nam)|/(?<!so voi (?:cung ky )?/)|(?<![\\d.,])(?:19|20)\\d{2}\\s?[-–]"
            + "|\\b(?:in(?<!(?:compared|comparison) (?:to|with) (?:that |those )?in)|since|during|until|by|year|end of|early|late|mid"
            + "|(?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \\d{1,2},?)?))"
            + "\\s?((?:19|20)\\d{2})(?!\\d)");
    /** The unit (a few letters at most), then "năm 2020" or "(2020)", before anything else is said. */
    private static final Pattern RIGHT_AFTER = Pattern.compile(
        "^\\s*(?:%|[\\p{L}/]{1,12}(?:\\s[\\p{L}/]{1,12}){0,2})?\\s*(?:\\(\\s*(?:nam\\s?)?|,?\\s*(?:vao |trong )?(?:cuoi |dau |giua |het )?nam\\s?)((?:19|20)\\d{2})(?!\\d)");
    /** English: the unit (one word at most), then "in 2021" ("2.35% in 2021"; not "… compared to that in 2022"). */
    private static final Pattern RIGHT_AFTER_EN = Pattern.compile(
        "^\\s*(?:%|[\\p{L}]{1,12}(?:\\s(?:points|cent))?)?(?:\\s(?:of (?:the|its|all) \\p{L}+(?: \\p{L}+)?))?,?\\s*"
            + "(?:in|at the end of|by the end of|as of) ((?:19|20)\\d{2})(?!\\d)");

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

    private FigureYears() {
    }

    /**
     * The years a folded sentence names, each with where its mention ends and whether it ends a period ("2021 – 2023")
     * (found once per sentence, not once per number).
     */
    record Named(int[] ends, int[] years, boolean[] periods) {

        static Named in(String folded) {
            if (!holdsYear(folded)) { // every mention ends in a year: most sentences need no scan
                return new Named(new int[0], new int[0], new boolean[0]);
            }
            Matcher y = IN_TEXT.matcher(folded);
            List<int[]> found = new ArrayList<>();
            while (y.find()) {
                // a period's mention starts with its first year's digits; every other starts with a word or "/"
                found.add(new int[] {y.end(), Integer.parseInt(y.group(1)), Character.isDigit(folded.charAt(y.start())) ? 1 : 0});
            }
            boolean[] periods = new boolean[found.size()];
            for (int i = 0; i < periods.length; i++) {
                periods[i] = found.get(i)[2] == 1;
            }
            return new Named(found.stream().mapToInt(f -> f[0]).toArray(), found.stream().mapToInt(f -> f[1]).toArray(), periods);
        }

        /**
         * The year a sentence is of for the sentences after it: the first it names that no figure owns, that ends no
         * period ("giai đoạn 2021 – 2023" is a plan's span) and is not after the report's year (a plan's year); or null.
         */
        Integer passedOn(java.util.Set<Integer> owned, Integer reportYear) {
            for (int i = 0; i < ends.length; i++) {
                if (!owned.contains(ends[i]) && !periods[i] && (reportYear == null || years[i] <= reportYear)) {
                    return years[i];
                }
            }
            return null;
        }

        /** "19dd" or "20dd" somewhere in the text. */
        static boolean holdsYear(String text) {
            for (int i = 0; i + 3 < text.length(); i++) {
                char c = text.charAt(i);
                char d = text.charAt(i + 1);
                if ((c == '1' && d == '9' || c == '2' && d == '0') && Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3))) {
                    return true;
                }
            }
            return false;
        }

        /** The first year named that no figure owns, or null. */
        Integer firstExcept(java.util.Set<Integer> owned) {
            for (int i = 0; i < ends.length; i++) {
                if (!owned.contains(ends[i])) {
                    return years[i];
                }
            }
            return null;
        }

        /** The last year named, or null. */
        Integer last() {
            return years.length == 0 ? null : years[years.length - 1];
        }

        /**
         * The last year named before {@code position} (a number's start), or null. A mention that runs past it is
         * not counted: no year mention can end right where a number starts, since numbers do not follow a digit.
         */
        Integer before(int position) {
            return before(position, java.util.Set.of());
        }

        /**
         * The same, leaving out the mentions ending at {@code owned}: a year written right after an earlier figure is
         * that figure's ("từ 26,65% cuối năm 2020 xuống còn 24,93%": 24,93 is of the sentence's year, not 2020).
         */
        Integer before(int position, java.util.Set<Integer> owned) {
            Integer year = null;
            for (int i = 0; i < ends.length && ends[i] <= position; i++) {
                if (!owned.contains(ends[i])) {
                    year = years[i];
                }
            }
            return year;
        }
    }

    /** "3,1% năm 2023", "(năm 2020)": a year written right after the figure is the figure's. */
    static Integer rightAfter(String rest) {
        YearAfter y = yearAfter(rest);
        return y == null ? null : y.year();
    }

    /** A year right after a figure, and where its mention ends in {@code rest}. */
    record YearAfter(int year, int end) {
    }

    static YearAfter yearAfter(String rest) {
        Matcher y = RIGHT_AFTER.matcher(rest);
        if (y.find()) {
            return new YearAfter(Integer.parseInt(y.group(1)), y.end(1));
        }
        Matcher en = RIGHT_AFTER_EN.matcher(rest);
        return en.find() ? new YearAfter(Integer.parseInt(en.group(1)), en.end(1)) : null;
    }

    /** A bare 19xx/20xx in a report is a year far more often than a count. */
    static boolean isYear(String number) {
        return YEAR.matcher(number).matches();
    }
}
