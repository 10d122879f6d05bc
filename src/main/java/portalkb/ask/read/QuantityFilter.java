package portalkb.ask.read;

import portalkb.ask.question.Question;
import portalkb.ask.question.Words;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a number in a sentence can be an answer at all: not a year, a date, a document number, an age,
 * a duration, the end of a range, or a number the question already holds.
 */
final class QuantityFilter {

    private static final Set<String> NOT_A_QUANTITY_AFTER = Set.of("thang", "ngay", "nam", "tuan", "quy", "so", "khoa", "lan", "ki",
        "doan", "trinh", "quyet", "dinh", "thu", "top", "muc", "dieu", "khoan", "lop", "nhom", "tuyen", "phong", "hang", "quoc", "lo",
        "week", "no", "number", "decree", "decision", "resolution", "programme", "program", "article", "phase",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");
    private static final Pattern DATE_CUE = Pattern.compile("(ngay|den|tu|hom|sang|chieu|toi|dem|on|by|since|until)\\s*$");
    private static final Pattern AGE = Pattern.compile("^\\s*(-|–|den|to)?\\s*\\d*\\s*(tuoi|thang tuoi|years? old|year-old)");
    /** "31 December", "2 June": a day of a month, written the English way. */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("^\\s+(january|february|march|april|may|june|july|august|september|october|november|december)\\b");
    private static final Pattern DURATION = Pattern.compile("^\\s*(thang|nam|tuan|ngay|months?|years?|weeks?|days?)\\b");
    private static final Pattern RANGE_END = Pattern.compile("\\d\\s?[-–]\\s?$");
    private static final Pattern IDENTIFIER = Pattern.compile("^-\\p{Lu}");

    private final Question q;
    private final SentenceScorer scorer;

    QuantityFilter(Question q, SentenceScorer scorer) {
        this.q = q;
        this.scorer = scorer;
    }

    boolean isQuantity(Matcher m, String before, String after, String afterAsWritten, Sentence s) {
        String first = m.group(1);
        if (m.group(3) != null) {
            return false;
        }
        if (m.group(2) != null) {
            String second = m.group(2);
            if (second.matches("(19|20)\\d{2}")) {
                return false;
            }
            boolean dayMonth = first.matches("\\d{1,2}") && second.matches("\\d{1,2}") && Integer.parseInt(first) <= 31
                && Integer.parseInt(second) <= 12;
            if (dayMonth && (DATE_CUE.matcher(before).find() || !after.matches("^\\s*\\p{L}.*"))) {
                return false;
            }
        } else if (first.matches("(19|20)\\d{2}")) {
            return false;
        }
        if (IDENTIFIER.matcher(afterAsWritten).find()) { // "62-NQ/TU"; "50-bed" is a quantity
            return false;
        }
        if (RANGE_END.matcher(before).find()) { // "3,5-4%": the range is read at its start
            return false;
        }
        List<String> previous = Words.of(before);
        if (!previous.isEmpty() && NOT_A_QUANTITY_AFTER.contains(previous.get(previous.size() - 1))) {
            return false;
        }
        if (first.matches("\\d{1,2}") && m.group(2) == null && DAY_OF_MONTH.matcher(after).find()) {
            return false;
        }
        if (AGE.matcher(after).find() && !q.units().contains("tuoi")) {
            return false;
        }
        if (DURATION.matcher(after).find() && q.units().stream().noneMatch(u -> u.startsWith("thang") || u.startsWith("nam"))) {
            return false;
        }
        for (Sentence.WrittenNumber n : Sentence.numbers(m.group(), s.english())) {
            if (scorer.isAsked(n)) {
                return false;
            }
        }
        return true;
    }
}
