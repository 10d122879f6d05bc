package portalkb.figures;

import portalkb.core.WrittenNumbers;
import portalkb.figures.ClauseWords.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of a sentence that state quantities. Left out, as the labelling rules say: dates and years,
 * decision and document numbers, ordinals and names ("tuần 8", "phường 7", "Covid-19", "huyện 30a"), ages
 * that name a group ("trẻ dưới 5 tuổi"), durations that set the period ("5 năm qua"), per-10,000 denominators
 * and section numbers. Kept: ratios ("272/706", "42 out of 85"), ranges ("3-4") and number words before a noun.
 */
final class NumberMentions {

    private static final Map<String, Double> VI_WORDS = Map.ofEntries(Map.entry("hai", 2.0), Map.entry("ba", 3.0),
        Map.entry("bon", 4.0), Map.entry("sau", 6.0), Map.entry("bay", 7.0), Map.entry("tam", 8.0), Map.entry("chin", 9.0),
        Map.entry("muoi", 10.0), Map.entry("mot", 1.0), Map.entry("doi", 2.0));
    private static final Map<String, Double> EN_WORDS = Map.ofEntries(Map.entry("two", 2.0), Map.entry("three", 3.0),
        Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
        Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0),
        Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0), Map.entry("fifty", 50.0),
        Map.entry("hundred", 100.0), Map.entry("half", 0.5), Map.entry("dozens", 24.0));
    /** Words before a number word that make it part of a name or a pronoun ("one of", "số ba"). */
    private static final Set<String> DATE_WORDS = Set.of("ngay", "thang", "hom", "sang", "chieu", "toi", "dem", "tu ngay",
        "den ngay", "on", "since", "date");
    /** A whole a per-population rate is stated per ("trên 10.000 dân", "per 100,000 inhabitants"). */
    private static final Set<String> PER_WHOLE = Set.of("van", "dan", "nguoi", "inhabitants", "people", "population",
        "persons", "residents", "tre", "live", "tre de", "ca de");

    private final ClauseWords words = ClauseWords.get();

    List<NumberMention> find(Tokens t, String lang) {
        List<NumberMention> out = new ArrayList<>();
        boolean english = "en".equals(lang);
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.isNumber()) {
                NumberMention w = numberWord(t, i, english);
                if (w != null) {
                    out.add(w);
                }
                continue;
            }
            int end = skipNonFigure(t, i, english);
            if (end >= 0) {
                i = end;
                continue;
            }
            NumberMention m = shaped(t, i, english);
            if (m == null) {
                continue;
            }
            if (isPerWhole(t, m) || !stillFigure(t, m, english) || isNamePart(t, m) || isOneOf(t, m, english)
                || qualifiesPrevious(t, m, out, english)) {
                i = m.last();
                continue;
            }
            out.add(m);
            i = m.last();
        }
        return withoutSubjectParts(t, out, english);
    }

    /**
     * "Tỷ lệ trẻ em dưới 1 tuổi được tiêm đủ 8 loại vắc xin đạt 97,3%": a number inside the subject of a share stated
     * in the same clause defines the indicator; it is no figure of its own.
     */
    private List<NumberMention> withoutSubjectParts(Tokens t, List<NumberMention> found, boolean english) {
        List<NumberMention> out = new ArrayList<>();
        Phrases heads = words.of(Kind.INDICATOR_HEADS, english ? "en" : "vi");
        for (int k = 0; k < found.size(); k++) {
            NumberMention m = found.get(k);
            if (k + 1 < found.size() && insideSubject(t, m, found.get(k + 1), heads, english)) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    private boolean insideSubject(Tokens t, NumberMention m, NumberMention next, Phrases heads, boolean english) {
        int afterNext = next.last() + 1;
        boolean share = t.in(afterNext) && (t.get(afterNext).isMark("%") || Regexes.matches(t.word(afterNext), "percent|phan"));
        if (!share) {
            return false;
        }
        for (int i = m.last() + 1; i < next.first(); i++) {
            if (t.get(i).isMark(",;:()") || t.get(i).isNumber()) {
                return false;
            }
        }
        String link = t.word(next.first() - 1);
        if (!Regexes.matches(link, "dat|la|chiem|con|was|were|is|are|reached|stood")) {
            return false;
        }
        int start = m.first() - 1;
        while (start >= 0 && !t.get(start).isMark(",;:()")) {
            start--;
        }
        for (int i = start + 1; i <= start + 3 && i < m.first(); i++) {
            int n = heads.startingAt(t, i);
            if (n > 0 && (!t.word(i).equals("so") || t.get(i).text().equalsIgnoreCase("số"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a number that is no figure ends (its last token), or -1 when it may be one: glued to letters, a date,
     * a year, a code, a section number, or after a word that numbers things.
     */
    private int skipNonFigure(Tokens t, int i, boolean english) {
        Token tok = t.get(i);
        // "H5N1", "30a", "Covid-19", "SARS-CoV-2", "5G"
        if (t.in(i + 1) && t.get(i + 1).isWord() && !t.get(i + 1).spaceBefore() && !isUnitGlued(t.word(i + 1))) {
            return i + 1;
        }
        if (t.in(i - 1) && !tok.spaceBefore() && (t.get(i - 1).isWord() || (t.get(i - 1).isMark("-") && t.in(i - 2)
            && t.get(i - 2).isWord() && !t.get(i - 1).spaceBefore()))) {
            return i;
        }
        if (MONTHS.contains(t.word(i + 1)) || MONTHS.contains(t.word(i - 1))) {
            return i; // "31 December", "December 5"
        }
        if (!english && Regexes.matches(tok.text(), "\\d{1,2}\\.\\d{1,2}(\\.\\d{2,4})?") && !Regexes.matches(tok.text(), "\\d{1,2}\\.\\d{3}")) {
            return i; // "Sáng 23.11", "12.11.2019": Vietnamese groups thousands in threes, so this is a date
        }
        int date = dateEnd(t, i);
        if (date >= 0) {
            return date;
        }
        if (isYear(tok.text()) && !followedByUnit(t, i + 1, english)) {
            return i;
        }
        // "1661/QĐ-UBND", "62-NQ/TW": a number followed by a code
        if (t.in(i + 2) && (t.get(i + 1).isMark("/-") && !t.get(i + 1).spaceBefore() && t.get(i + 2).isWord()
            && !t.get(i + 2).spaceBefore() && t.get(i + 2).text().chars().anyMatch(Character::isUpperCase))) {
            return i + 2;
        }
        // a section number: "1. Health …", "2) …" at the start of a line
        if (i == 0 && t.in(i + 1) && t.get(i + 1).isMark(".)") && tok.text().length() <= 2) {
            return i + 1;
        }
        if (numberedBefore(t, i, english)) {
            return i;
        }
        return -1;
    }

    /** "5km", "100m3", "(2.329ca)": a unit glued to its number. */
    private boolean isUnitGlued(String word) {
        return Regexes.matches(word, "km|m|m2|m3|ha|kg|g|t|mm|cm|l|ml|mg|kw|mw|kwh|tr|ty|k|ca|ho|xa|nguoi|tre")
            || word.length() >= 2 && words.of(Kind.UNIT_NOUNS, "vi").startingAt(Tokens.of(word), 0) > 0;
    }

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec");

    /** A word before the number that makes it a date, an ordinal or a name ("ngày 5", "tuần 8", "phường 7"). */
    private boolean numberedBefore(Tokens t, int i, boolean english) {
        if (!t.in(i - 1) || !t.get(i - 1).isWord()) {
            return false;
        }
        if (t.get(i - 1).text().equalsIgnoreCase("mục")) { // "mục 3" is numbering, "mức 98%" a level: the same when folded
            return true;
        }
        int n = words.of(Kind.NOT_FIGURE_BEFORE, english ? "en" : "vi").endingAt(t, i - 1);
        // "Yên Phong 1,08%": the word ends a name, not a numbering word
        boolean inName = !english && t.get(i - 1).startsUpper() && n == 1 && t.in(i - 2) && t.get(i - 2).isWord() && t.get(i - 2).startsUpper();
        return n > 0 && !inName;
    }

    /** The last token of a date starting at {@code i} ("10/5/2022", "10/2019", "30/6", "10-7" after "ngày"), or -1. */
    private static int dateEnd(Tokens t, int i) {
        if (!t.in(i + 2) || !t.get(i + 1).isMark("/-.") || t.get(i + 1).spaceBefore() || !t.get(i + 2).isNumber()
            || t.get(i + 2).spaceBefore()) {
            return -1;
        }
        int a = intOf(t.get(i).text());
        int b = intOf(t.get(i + 2).text());
        boolean yearAfter = t.in(i + 4) && t.get(i + 3).isMark("/-.") && t.get(i + 4).isNumber() && !t.get(i + 3).spaceBefore()
            && isYear(t.get(i + 4).text());
        if (yearAfter && a <= 31 && b <= 12) {
            return i + 4;
        }
        if (b >= 1900 && b <= 2099 && a <= 12) { // "10/2019"
            return i + 2;
        }
        if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
            // "6/11 huyện" is a ratio, "ngày 30/6" and "2/6, …" are dates
            boolean dateWordBefore = t.in(i - 1) && DATE_WORDS.contains(t.word(i - 1));
            boolean wordAfter = t.in(i + 3) && t.get(i + 3).isWord() && !t.word(i + 3).equals("nam") && !t.word(i + 3).equals("thang");
            boolean dash = t.get(i + 1).isMark("-");
            if (dateWordBefore || !wordAfter || (dash && t.in(i - 1) && !Regexes.matches(t.word(i - 1), "tu|khoang|tang|giam"))) {
                return i + 2;
            }
        }
        return -1;
    }

    /** The mention starting at number token {@code i}: a ratio, a range or a plain number. */
    private NumberMention shaped(Tokens t, int i, boolean english) {
        String first = t.get(i).text();
        // "272/706", "8.668/80.276"
        if (t.in(i + 2) && t.get(i + 1).isMark("/") && t.get(i + 2).isNumber()) {
            if (isPerRound(first, t.get(i + 2).text(), english)) {
                return new NumberMention(i, i, first, read(first, english), NumberMention.Shape.NUMBER); // "103/100": a rate per 100
            }
            return new NumberMention(i, i + 2, t.text(i, i + 3).replace(" ", ""), read(first, english), NumberMention.Shape.RATIO);
        }
        // "84 of the province's 160 communes", "9 of its 11 health targets", "81 of 86 communes"
        if (english && t.in(i + 2) && t.word(i + 1).equals("of")) {
            int j = i + 2;
            while (t.in(j) && j < i + 7 && !t.get(j).isNumber() && (Regexes.matches(t.word(j), "the|its|their|all|province|province's|s|city|city's|country's|total")
                || t.get(j).isMark("'’"))) {
                j++;
            }
            if (t.in(j) && t.get(j).isNumber() && t.in(j + 1) && t.get(j + 1).isWord()) {
                return new NumberMention(i, j, t.text(i, j + 1), read(first, english), NumberMention.Shape.RATIO);
            }
        }
        // "42 out of 85", "16 out of the total 19"
        if (english && t.in(i + 3) && t.word(i + 1).equals("out") && t.word(i + 2).equals("of")) {
            int j = i + 3;
            while (t.in(j) && !t.get(j).isNumber() && j < i + 6 && t.get(j).isWord()) {
                j++;
            }
            if (t.in(j) && t.get(j).isNumber()) {
                return new NumberMention(i, j, t.text(i, j + 1), read(first, english), NumberMention.Shape.RATIO);
            }
        }
        // "3-4", "15 - 18" (not "2016 - 2020", a period)
        if (t.in(i + 2) && t.get(i + 1).isMark("-–") && t.get(i + 2).isNumber()) {
            if (isYear(first) && isYear(t.get(i + 2).text())) {
                return null;
            }
            return new NumberMention(i, i + 2, t.text(i, i + 3), read(first, english), NumberMention.Shape.RANGE);
        }
        return new NumberMention(i, i, first, read(first, english), NumberMention.Shape.NUMBER);
    }

    /** "103/100", "29,9/10.000": a rate per a round whole (its number near the whole, or with decimals), not a part of a whole. */
    private static boolean isPerRound(String part, String whole, boolean english) {
        double w = read(whole, english);
        double p = read(part, english);
        boolean round = w == 100 || w == 1000 || w == 10_000 || w == 100_000;
        return round && (Regexes.matches(part, ".*[.,]\\d{1,2}") && !Regexes.matches(part, "\\d{1,3}[.,]\\d{3}") || p > w / 2 && p < 2 * w && p != w);
    }

    /** A number word before a counted noun ("hai huyện", "five schools", "half of the total"). */
    private NumberMention numberWord(Tokens t, int i, boolean english) {
        String w = t.word(i);
        Double v = english ? EN_WORDS.get(w) : VI_WORDS.get(w);
        if (v == null || !t.get(i).spaceBefore() && i > 0) {
            return null;
        }
        if (english && t.word(i + 1).equals("out") && t.word(i + 2).equals("of")) {
            int j = i + 3;
            while (t.in(j) && j < i + 6 && !t.get(j).isNumber() && !EN_WORDS.containsKey(t.word(j))) {
                j++;
            }
            if (t.in(j) && (t.get(j).isNumber() || EN_WORDS.containsKey(t.word(j)))) {
                return new NumberMention(i, j, t.text(i, j + 1), v, NumberMention.Shape.RATIO); // "seven out of ten"
            }
        }
        if (english) {
            boolean half = w.equals("half") && t.word(i + 1).equals("of") && !Regexes.matches(t.word(i - 1), "first|second|last|the");
            if (!half && Regexes.matches(t.word(i - 1), "under|over|aged|below|above")) {
                return null; // "children under five": an age naming a group
            }
            boolean beforeNoun = t.in(i + 1) && t.get(i + 1).isWord() && !Regexes.matches(t.word(i + 1), "of|to|and|or|times|years?|months?|days?|percent")
                && !Regexes.matches(t.word(i - 1), "under|over|aged|below|above|than|the");
            if (!half && !beforeNoun) {
                return null;
            }
        } else {
            // only before a unit noun: "hai huyện", "một trường hợp", "tăng gấp đôi"
            boolean doubled = w.equals("doi") && t.word(i - 1).equals("gap");
            if (!doubled && words.of(Kind.UNIT_NOUNS, "vi").startingAt(t, i + 1) == 0) {
                return null;
            }
            if (w.equals("ba") && t.in(i - 1) && t.get(i - 1).startsUpper()) {
                return null;
            }
        }
        return new NumberMention(i, i, t.get(i).text(), v, NumberMention.Shape.WORD);
    }

    /** "Trường tiểu học Vĩnh Thanh 2, huyện …", "Hải Châu 1": a number ending a name, with no unit after it. */
    private static boolean isNamePart(Tokens t, NumberMention m) {
        if (m.shape() != NumberMention.Shape.NUMBER || m.first() < 2) {
            return false;
        }
        Token before = t.get(m.first() - 1);
        Token name = t.get(m.first() - 2);
        if (!before.isWord() || !before.startsUpper() || !name.isWord() || !name.startsUpper()) {
            return false;
        }
        int after = m.last() + 1;
        return !t.in(after) || t.get(after).isMark(",;.)") || t.get(after).isWord() && t.get(after).startsUpper();
    }

    /**
     * "21 xã đạt 19/19 tiêu chí", "534 trường học đạt được 4 chuẩn", "7 xã đạt từ 15 - 18 tiêu chí": a number that
     * says which of the counted items are meant, right after them and a verb, with no comma between.
     */
    private boolean qualifiesPrevious(Tokens t, NumberMention m, List<NumberMention> found, boolean english) {
        if (english || found.isEmpty() || t.in(m.last() + 1) && t.get(m.last() + 1).isMark("%")) {
            return false;
        }
        NumberMention prev = found.get(found.size() - 1);
        int i = prev.last() + 1;
        int nouns = words.of(Kind.UNIT_NOUNS, "vi").startingAt(t, i);
        if (nouns == 0 || t.get(prev.last() + 1).isMark("%")) {
            return false;
        }
        int between = i + nouns;
        while (between < m.first() && t.get(between).isWord() && !t.get(between).startsUpper()) {
            between++;
        }
        String link = t.text(i + nouns, m.first()).toLowerCase();
        return between == m.first() && Regexes.matches(link, "(\\p{L}+ )?(đạt|đạt được|đạt từ|có|từ|dưới|trên)( từ)?");
    }

    /** "1 trong những địa phương", "one of the": a member of a group, no quantity. */
    private static boolean isOneOf(Tokens t, NumberMention m, boolean english) {
        int after = m.last() + 1;
        return english ? t.word(after).equals("of") && t.word(after + 1).equals("the") && m.value() == 1
            : t.word(after).equals("trong") && (Regexes.matches(t.word(after + 1), "nhung|so|cac") || t.in(after + 1) && t.get(after + 1).isNumber());
    }

    /** "10.000 dân" in "trên 10.000 dân", "1 vạn dân", "100,000 inhabitants" after "per": the rate's whole, no figure. */
    private static boolean isPerWhole(Tokens t, NumberMention m) {
        if (m.shape() != NumberMention.Shape.NUMBER) {
            return false;
        }
        String before = t.word(m.first() - 1);
        boolean per = before.equals("/") || before.equals("tren") || before.equals("per") || before.equals("moi") || before.equals("every");
        double v = m.value();
        boolean round = v == 1 || v == 100 || v == 1000 || v == 10_000 || v == 100_000;
        return per && round && PER_WHOLE.contains(t.word(m.last() + 1));
    }

    /** Ages that name a group ("trẻ dưới 5 tuổi") and durations that set a period ("5 năm qua") are no figures. */
    private boolean stillFigure(Tokens t, NumberMention m, boolean english) {
        int after = m.last() + 1;
        if (lowerEndOfAgeRange(t, m.last())) {
            return false;
        }
        int n = words.of(Kind.NOT_FIGURE_AFTER, english ? "en" : "vi").startingAt(t, after);
        if (n == 0) {
            return true;
        }
        // a change or an average is a figure whatever it counts ("tăng 3 năm", "bình quân 5 năm"); so is a value ("là 5 năm")
        String lang = english ? "en" : "vi";
        int before = m.first() - 1;
        if (m.shape() == NumberMention.Shape.RANGE) {
            return false; // "0-59 tháng tuổi", "15-49 tuổi": a group
        }
        if (Regexes.matches(t.word(before), "la|was|is|are|were")) {
            return true;
        }
        if (words.of(Kind.DURATION_STILL_FIGURE, lang).endingAt(t, before) > 0) {
            return true;
        }
        // "tuổi thọ trung bình 73 tuổi" is a figure; "trẻ dưới 5 tuổi" names a group
        if (t.word(after).equals("tuoi") || t.word(after).equals("years") && t.word(after + 1).equals("old")) {
            // a person's age or an age naming a group is no figure; a life expectancy or an average age is
            String upTo = t.folded().substring(0, t.get(m.first()).start());
            return upTo.contains("tuoi tho") || upTo.contains("life expectancy") || upTo.contains("tuoi trung binh")
                || upTo.contains("average age") || upTo.contains("tuoi binh quan");
        }
        return false;
    }

    /** "từ 5 đến dưới 12 tuổi", "từ 0 đến 59 tháng tuổi", "from 5 to 11 years old": the number at {@code i} opens an age range. */
    static boolean lowerEndOfAgeRange(Tokens t, int i) {
        ClauseWords w = ClauseWords.get();
        int k = i + 1;
        if (w.startingAtEither(Kind.AGE_RANGE_JOINS, t, k) == 0) {
            return false;
        }
        k++;
        while (w.startingAtEither(Kind.AGE_BOUNDS, t, k) > 0) {
            k++;
        }
        return t.in(k) && t.get(k).isNumber() && isAge(t, k + 1);
    }

    /** An age's unit at {@code i}: "tuổi", "tháng tuổi", "years (old)", "months old" (clause-words.yaml ageUnits). */
    static boolean isAge(Tokens t, int i) {
        return ClauseWords.get().startingAtEither(Kind.AGE_UNITS, t, i) > 0;
    }

    /**
     * Where an age naming a group ends, when one starts at token {@code i} ("từ 0 đến 59 tháng tuổi", "5 tuổi", "0-59
     * tháng tuổi", "aged 5 to 11 years"); -1 otherwise. The counted phrase runs through it: "491 trẻ từ 0 đến 59 tháng
     * tuổi bị suy dinh dưỡng".
     */
    static int ageEnd(Tokens t, int i) {
        ClauseWords w = ClauseWords.get();
        int k = i + w.startingAtEither(Kind.AGE_RANGE_OPENERS, t, i);
        if (!t.in(k) || !t.get(k).isNumber()) {
            return -1;
        }
        if (lowerEndOfAgeRange(t, k)) {
            k += 2;
            while (w.startingAtEither(Kind.AGE_BOUNDS, t, k) > 0) {
                k++;
            }
        } else if (t.in(k + 2) && t.get(k + 1).isMark("-–") && t.get(k + 2).isNumber()) {
            k += 2;
        }
        int unit = w.startingAtEither(Kind.AGE_UNITS, t, k + 1);
        return unit > 0 ? k + 1 + unit : -1;
    }

    private boolean followedByUnit(Tokens t, int i, boolean english) {
        return words.of(Kind.UNIT_NOUNS, english ? "en" : "vi").startingAt(t, i) > 0 && !t.word(i).equals("nam");
    }

    static boolean isYear(String digits) {
        return Regexes.matches(digits, "(19|20)\\d{2}");
    }

    private static int intOf(String digits) {
        return Regexes.matches(digits, "\\d{1,6}") ? Integer.parseInt(digits) : -1;
    }

    static double read(String written, boolean english) {
        List<Double> readings = WrittenNumbers.readings(written, english);
        return readings.isEmpty() ? Double.NaN : readings.get(0);
    }
}
