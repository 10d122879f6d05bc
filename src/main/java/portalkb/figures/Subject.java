package portalkb.figures;

import portalkb.figures.ClauseWords.Kind;

import java.util.List;

/**
 * The words of a clause before a number that name what it measures: from the clause's start to the number, without
 * what opens the clause ("Theo đó", "Năm 2022,", "toàn tỉnh"), the places and times it names, and the predicate
 * before the number ("đạt", "còn", "chiếm tỷ lệ" keeps "tỷ lệ", "was", "reached"). Tokens [{@code start},
 * {@code end}); empty when nothing is left.
 */
record Subject(int start, int end, String text) {

    boolean isEmpty() {
        return start >= end;
    }

    /** The clause around a number starts after the last mark or the previous figure's phrase before it. */
    static int clauseStart(Tokens t, int number, int floor, String lang) {
        int i = number - 1;
        while (i >= floor) {
            Token tok = t.get(i);
            if (tok.isMark(")")) { // a parenthesis inside the subject: "The prevalence of malnutrition (height-for-age) among …"
                int open = i - 1;
                while (open >= floor && !t.get(open).isMark("(")) {
                    open--;
                }
                if (open >= floor && open > 0) {
                    i = open - 1;
                    continue;
                }
            }
            if (tok.isMark(";:()[]“”\"!?") || (tok.isMark(",.") && !t.get(Math.min(i + 1, t.size() - 1)).isNumber())
                || tok.isMark("–—") && tok.spaceBefore()) {
                break;
            }
            // "…, trong khi …", "… while …": a new clause
            if (isClauseWord(t, i, lang)) {
                break;
            }
            i--;
        }
        return Math.max(i + 1, floor);
    }

    private static boolean isClauseWord(Tokens t, int i, String lang) {
        String w = t.word(i);
        if ("en".equals(lang)) {
            return Regexes.matches(w, "while|whereas|said|says|reported|announced|noted") || w.equals("and") && t.word(i + 1).equals("there");
        }
        // "… Covid-19 TP Đà Nẵng cho biết trên địa bàn vừa ghi nhận …": what follows the source's verb is the clause
        return w.equals("khi") && t.word(i - 1).equals("trong") || w.equals("biet") && t.word(i - 1).equals("cho")
            || w.equals("hay") && t.word(i - 1).equals("cho");
    }

    /**
     * A subject the commas of an enumeration cut short ("Tổng số hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp có
     * mức sống trung bình … là"): the start of the nearest earlier comma segment that opens with an indicator head,
     * when no number stands between; else {@code clauseStart}.
     */
    static int extendedStart(Tokens t, int clauseStart, int floor, MeasureComposer composer) {
        int start = clauseStart;
        for (int segments = 0; segments < 3 && start - 1 > floor && t.get(start - 1).isMark(","); segments++) {
            int segmentStart = start - 2;
            while (segmentStart >= floor && !t.get(segmentStart).isMark(",;:()") && !t.get(segmentStart).isNumber()) {
                segmentStart--;
            }
            if (segmentStart >= floor && t.get(segmentStart).isNumber()) {
                return clauseStart;
            }
            segmentStart++;
            if (composer.headAt(t, segmentStart) > 0) {
                return segmentStart;
            }
            start = segmentStart;
        }
        return clauseStart;
    }

    static Subject of(Tokens t, int from, int to, List<Places.Place> places, String lang) {
        ClauseWords words = ClauseWords.get();
        Phrases openers = words.of(Kind.OPENERS, lang);
        Phrases predicates = words.of(Kind.PREDICATES, lang);
        Phrases change = words.of(Kind.CHANGE, lang);
        Phrases target = words.of(Kind.TARGET, lang);
        Phrases comparisonBefore = words.of(Kind.COMPARISON_BEFORE, lang);
        int s = from;
        int e = to;
        boolean moved = true;
        while (moved && s < e) {
            moved = false;
            int n;
            if ((n = place(places, s, e, true)) > 0 || (n = time(t, s, e)) > 0 || (n = openers.startingAt(t, s)) > 0
                || (n = target.startingAt(t, s)) > 0 || (n = predicates.startingAt(t, s)) > 0 && s + n < e
                || (n = mark(t, s)) > 0) {
                s = Math.min(e, s + n);
                moved = true;
                continue;
            }
            int last = e - 1;
            if ((n = place(places, s, e, false)) > 0 || (n = timeEnding(t, s, last)) > 0 || (n = predicates.endingAt(t, last)) > 0
                || (n = change.endingAt(t, last)) > 0 || (n = comparisonBefore.endingAt(t, last)) > 0
                || (n = openers.endingAt(t, last)) > 0 || (n = connector(t, last, lang)) > 0 || (n = mark(t, last)) > 0) {
                e = Math.max(s, e - n);
                moved = true;
            }
        }
        return new Subject(s, e, withoutParentheses(t, s, e));
    }

    /** The words from s to e as written, without what a parenthesis adds ("số giường bệnh/vạn dân (không tính …)"). */
    private static String withoutParentheses(Tokens t, int s, int e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int runStart = -1;
        for (int i = s; i <= e; i++) {
            boolean inside = i < e && (t.get(i).isMark("(") || depth > 0);
            if (i < e && t.get(i).isMark("(")) {
                depth++;
            }
            if (i < e && !inside && runStart < 0) {
                runStart = i;
            }
            if ((i == e || inside) && runStart >= 0) {
                out.append(out.isEmpty() ? "" : " ").append(t.text(runStart, i));
                runStart = -1;
            }
            if (i < e && t.get(i).isMark(")") && depth > 0) {
                depth--;
            }
        }
        return out.toString().strip();
    }

    /** A place at the start (or end) of [s, e): how many tokens it takes, 0 when none. */
    private static int place(List<Places.Place> places, int s, int e, boolean atStart) {
        for (Places.Place p : places) {
            if (atStart && p.start() == s && p.end() <= e) {
                return p.end() - p.start();
            }
            if (!atStart && p.end() == e && p.start() >= s) {
                return p.end() - p.start();
            }
        }
        return 0;
    }

    private static final String TIME_WORDS = "nam|thang|ngay|quy|tuan|dau|cuoi|giua|het|in|by|since|end|year|month|of|vao|luc|thoi|diem";

    /** "năm 2022", "tháng 10/2019", "đến hết tháng 6/2019", "In 2023": a time word and the number after it. */
    private static int time(Tokens t, int s, int e) {
        int i = s;
        while (i < e && Regexes.matches(t.word(i), TIME_WORDS + "|den|tinh|tu|as|at|the")) {
            i++;
        }
        if (i == s || i >= e || !t.get(i).isNumber() && !t.get(i).isMark(",")) {
            return 0;
        }
        while (i < e && (t.get(i).isNumber() || t.get(i).isMark("/-.,"))) {
            i++;
        }
        return i - s;
    }

    private static int timeEnding(Tokens t, int s, int last) {
        int i = last;
        if (!t.get(i).isNumber()) {
            return 0;
        }
        while (i > s && (t.get(i).isNumber() || t.get(i).isMark("/-."))) {
            i--;
        }
        int j = i;
        while (j >= s && Regexes.matches(t.word(j), TIME_WORDS)) {
            j--;
        }
        return j < i ? last - j : 0;
    }

    /** "của", "ở", "tại", "trên", "of", "in": a link left dangling once a place or time is cut off. */
    private static int connector(Tokens t, int last, String lang) {
        String w = t.word(last);
        boolean link = "en".equals(lang) ? Regexes.matches(w, "of|in|at|for|on|to|by|the|a|an|its|their|from|than")
            : Regexes.matches(w, "cua|o|tai|trong|thuoc|tren|cho|voi|ve|tu|den|la|thi|cac|nhung");
        return link ? 1 : 0;
    }

    private static int mark(Tokens t, int i) {
        return t.in(i) && t.get(i).kind() == Token.Kind.MARK ? 1 : 0;
    }
}
