package portalkb.figures;

import portalkb.figures.ClauseWords.Kind;

/**
 * A figure's role from the words around it: a target when a forward-looking word opens the stretch of the
 * sentence it stands in ("phấn đấu đến năm 2025 …", "strives to"), or its year lies after the article's; a
 * comparison when it is set against a plan or period as a ratio ("đạt 235% so với chỉ tiêu", "gấp 3 lần"); a
 * change right after a rise or fall ("giảm 1.432 hộ", "up 12%"), but not a level reached ("giảm còn 3%");
 * else a result.
 */
final class RoleReader {

    private static final String QUALIFIERS = "hon|tren|gan|khoang|xap|xi|duoc|toi|nearly|almost|about|around|over|some"
        + "|approximately|roughly|nhanh|manh|nhe|lien|tuc|dang|ke";

    private final String lang;
    private final Phrases change;
    private final Phrases changeToLevel;
    private final Phrases comparison;
    private final Phrases comparisonBefore;
    private final Phrases target;
    private final Phrases targetMet;
    private final Phrases targetName;
    private final Phrases predicates;

    RoleReader(String lang) {
        ClauseWords w = ClauseWords.get();
        this.lang = lang;
        this.change = w.of(Kind.CHANGE, lang);
        this.changeToLevel = w.of(Kind.CHANGE_TO_LEVEL, lang);
        this.comparison = w.of(Kind.COMPARISON, lang);
        this.comparisonBefore = w.of(Kind.COMPARISON_BEFORE, lang);
        this.target = w.of(Kind.TARGET, lang);
        this.targetMet = w.of(Kind.TARGET_MET, lang);
        this.targetName = w.of(Kind.TARGET_NAME, lang);
        this.predicates = w.of(Kind.PREDICATES, lang);
    }

    /**
     * Where a forward-looking stretch of the sentence starts (a token index), or -1: the first target word that does
     * not follow a number or a result verb ("đạt và vượt 12/14 chỉ tiêu") and does not name a programme.
     */
    int targetStart(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            int n = target.startingAt(t, i);
            if (n == 0 || t.get(i).isNumber()) {
                continue;
            }
            if (targetName.startingAt(t, i) > 0 || (i >= 1 && targetName.startingAt(t, i - 1) > 0)
                || (i >= 2 && targetName.startingAt(t, i - 2) > 0)) {
                i += n - 1;
                continue;
            }
            if (afterNumberOrResult(t, i) || metLater(t, i + n)) {
                i += n - 1;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** "… 12/14 chỉ tiêu", "đạt 100% kế hoạch", "achieved its targets": the target word is no plan here. */
    private boolean afterNumberOrResult(Tokens t, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            Token tok = t.get(k);
            if (tok.isNumber() || tok.isMark("%")) {
                return true;
            }
            if (targetMet.endingAt(t, k) > 0) {
                // "Để thực hiện đạt chỉ tiêu …" is a purpose: still a plan
                return !purpose(t, k);
            }
            if (tok.isMark(",;:.")) {
                return false;
            }
        }
        return false;
    }

    /** "các chỉ tiêu cơ bản đều hoàn thành:": a result verb later in the clause, with no number after it, meets the targets. */
    private boolean metLater(Tokens t, int from) {
        for (int k = from; t.in(k) && !t.get(k).isMark(";:.") && !(t.get(k).isNumber() && !NumberMentions.isYear(t.get(k).text())); k++) {
            if (target.startingAt(t, k) > 0) {
                return false; // "theo kế hoạch, … phấn đấu … đạt trên 95%": another plan word first
            }
            int n = targetMet.startingAt(t, k);
            if (n > 0) {
                // "đều đạt và vượt kế hoạch:" meets them; "đạt trên 95%" names the level to reach
                for (int after = k + n; after < k + n + 4 && t.in(after); after++) {
                    if (t.get(after).isNumber() || t.get(after).isMark(":;")) {
                        return t.get(after).isMark(":;");
                    }
                }
                return true;
            }
        }
        return false;
    }

    private boolean purpose(Tokens t, int k) {
        for (int j = k; j >= Math.max(0, k - 4); j--) {
            if (Regexes.matches(t.word(j), "de|nham|in order")) {
                return true;
            }
        }
        return false;
    }

    Role of(Tokens t, NumberMention m, CountedPhrase c, int targetStart, Integer year, Integer publishedYear, Role parenthesised) {
        if (targetStart >= 0 && targetStart <= m.first() || targetInParenthesis(t, c.end())) {
            return Role.TARGET;
        }
        if (year != null && publishedYear != null && year > publishedYear) {
            return Role.TARGET;
        }
        if (parenthesised != null) {
            return parenthesised;
        }
        int before = skipQualifiers(t, m.first() - 1);
        boolean ratio = c.isShare() || c.isMultiple();
        boolean metAndExceeded = t.word(before).equals("vuot") && t.word(before - 1).equals("va")
            && targetMet.endingAt(t, before - 2) > 0; // "đạt và vượt 12/14 chỉ tiêu": targets reached, a result
        if (comparisonBefore.endingAt(t, before) > 0 && !metAndExceeded) {
            return ratio || !t.word(before).equals("vuot") ? Role.COMPARISON : Role.CHANGE;
        }
        if (changeAt(t, before)) {
            return Role.CHANGE;
        }
        if (ratio && comparison.startingAt(t, skipAfter(t, c.unitEnd())) > 0) {
            return Role.COMPARISON;
        }
        if ("en".equals(lang) && ratio && Regexes.matches(t.word(c.unitEnd()), "higher|lower|more|less|above|below")
            && comparison.anyIn(t, c.unitEnd(), Math.min(t.size(), c.unitEnd() + 6))) {
            return Role.COMPARISON;
        }
        return Role.RESULT;
    }

    /** "35 xã (mục tiêu đến năm 2020)": a target word in the parenthesis right after the figure. */
    private boolean targetInParenthesis(Tokens t, int i) {
        if (!t.in(i) || !t.get(i).isMark("(")) {
            return false;
        }
        for (int k = i + 1; t.in(k) && !t.get(k).isMark(")") && k < i + 8; k++) {
            if (target.startingAt(t, k) > 0 && targetName.startingAt(t, k) == 0) {
                return true;
            }
        }
        return false;
    }

    /** A rise or fall ends at {@code i}, and what follows it is no level ("giảm còn", "fell to"). */
    private boolean changeAt(Tokens t, int i) {
        if (i < 0) {
            return false;
        }
        if (changeToLevel.endingAt(t, i) > 0 && change.endingAt(t, i) == 0) {
            return false;
        }
        if (predicates.endingAt(t, i) > change.endingAt(t, i)) {
            return false; // "made up 2.70%": the longer phrase is a link, not a rise
        }
        // "ghi nhận thêm 1.205 ca mới", "detected another 5 cases": new events counted, not a rise
        if (Regexes.matches(t.word(i), "them|another|additional") && Regexes.matches(t.word(i - 1), "nhan|hien|recorded|detected|reported|mac")) {
            return false;
        }
        return change.endingAt(t, i) > 0;
    }

    private static int skipQualifiers(Tokens t, int i) {
        int k = i;
        while (k >= 0 && Regexes.matches(t.word(k), QUALIFIERS)) {
            k--;
        }
        return k;
    }

    /** The first token after a unit that is no link word ("đạt 99,95% so với …", "100% kế hoạch"). */
    private static int skipAfter(Tokens t, int i) {
        int k = i;
        while (t.in(k) && Regexes.matches(t.word(k), "tren|trong|cua|theo|the|of")) {
            k++;
        }
        return k;
    }
}
