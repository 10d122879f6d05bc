package portalkb.ask.question;

import portalkb.figures.Glossary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods a question names, read from its folded text: "9 tháng đầu năm 2014", "tháng 3/2019",
 * "31/12/2017", "first nine months of 2022", "end of September 2018", "mid-2014". Each becomes a
 * {@link Question.Period} with the folded forms a Vietnamese or English sentence would write.
 */
final class Periods {

    record Found(Question.Period period, int start, int end) {
    }

    private static final String MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december";
    private static final List<String> MONTH_NAMES = List.of(MONTHS_EN.split("\\|"));
    private static final Map<String, Integer> WORD_NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
        Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
        Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private static final Pattern VI_MONTHS_OF_YEAR = Pattern.compile("\\b(\\d{1,2}) thang (?:dau )?(?:nam )?((?:19|20)\\d{2})\\b");
    private static final Pattern VI_MONTH_YEAR = Pattern.compile("\\bthang (\\d{1,2})(?:/| nam )((?:19|20)\\d{2})\\b");
    private static final Pattern DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})\\b");
    private static final Pattern MONTH_SLASH_YEAR = Pattern.compile("(?<![\\d/])(\\d{1,2})/((?:19|20)\\d{2})\\b");
    private static final Pattern EN_MONTHS_OF_YEAR = Pattern.compile("\\bfirst (\\w+) months (?:of )?((?:19|20)\\d{2})\\b");
    private static final Pattern EN_DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS_EN + ") ((?:19|20)\\d{2})\\b");
    private static final Pattern EN_MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTHS_EN + ") (\\d{1,2}) ((?:19|20)\\d{2})\\b");
    private static final Pattern EN_MONTH_YEAR = Pattern.compile("\\b(" + MONTHS_EN + ") ((?:19|20)\\d{2})\\b");

    private Periods() {
    }

    /** Periods in {@code folded} (as {@link Glossary#fold} writes it), without overlaps. */
    static List<Found> find(String folded) {
        List<Found> out = new ArrayList<>();
        Matcher m = VI_MONTHS_OF_YEAR.matcher(folded);
        while (m.find()) {
            add(out, span(Integer.parseInt(m.group(1)), null, Integer.parseInt(m.group(2))), m);
        }
        m = EN_MONTHS_OF_YEAR.matcher(folded);
        while (m.find()) {
            Integer n = number(m.group(1));
            if (n != null) {
                add(out, span(n, null, Integer.parseInt(m.group(2))), m);
            }
        }
        m = DATE.matcher(folded);
        while (m.find()) {
            add(out, month(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))), m);
        }
        m = EN_DAY_MONTH_YEAR.matcher(folded);
        while (m.find()) {
            add(out, month(MONTH_NAMES.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3))), m);
        }
        m = EN_MONTH_DAY_YEAR.matcher(folded);
        while (m.find()) {
            add(out, month(MONTH_NAMES.indexOf(m.group(1)) + 1, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), m);
        }
        m = VI_MONTH_YEAR.matcher(folded);
        while (m.find()) {
            add(out, month(Integer.parseInt(m.group(1)), null, Integer.parseInt(m.group(2))), m);
        }
        m = EN_MONTH_YEAR.matcher(folded);
        while (m.find()) {
            add(out, month(MONTH_NAMES.indexOf(m.group(1)) + 1, null, Integer.parseInt(m.group(2))), m);
        }
        m = MONTH_SLASH_YEAR.matcher(folded);
        while (m.find()) {
            int month = Integer.parseInt(m.group(1));
            if (month >= 1 && month <= 12) {
                add(out, month(month, null, Integer.parseInt(m.group(2))), m);
            }
        }
        return out;
    }

    private static Integer number(String word) {
        return word.matches("\\d{1,2}") ? Integer.valueOf(word) : WORD_NUMBERS.get(word);
    }

    private static void add(List<Found> out, Question.Period period, Matcher m) {
        if (period == null) {
            return;
        }
        for (Found f : out) {
            if (m.start() < f.end() && f.start() < m.end()) {
                return;
            }
        }
        out.add(new Found(period, m.start(), m.end()));
    }

    /** The first {@code months} months of {@code year}: "9 tháng", "nine months". */
    private static Question.Period span(int months, Integer unused, int year) {
        if (months < 1 || months > 12) {
            return null;
        }
        List<String> forms = new ArrayList<>(List.of(months + " thang"));
        forms.add(MONTH_WORDS[months] + " months");
        return new Question.Period(year, null, months, forms);
    }

    private static final String[] MONTH_WORDS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve"};

    /** A month (and day) of a year: "tháng 9", "9/2018", "30/9", "september". */
    private static Question.Period month(int month, Integer day, int year) {
        if (month < 1 || month > 12) {
            return null;
        }
        List<String> forms = new ArrayList<>(List.of("thang " + month, month + "/" + year, MONTH_NAMES.get(month - 1)));
        if (day != null) {
            forms.add(0, day + "/" + month);
        }
        return new Question.Period(year, month, null, forms);
    }
}
