package portalkb.figures;

import portalkb.figures.ClauseWords.Kind;

import java.util.List;

/**
 * The phrase naming what a number measures, from the clause's structure: the subject before it ("tỷ lệ bao phủ
 * bảo hiểm y tế đạt 91,3%"), the phrase it counts ("13.200 ca sốt xuất huyết"), a share of what the previous
 * figure counted ("16.003 hộ nghèo, chiếm 19,93%"), the measure a list shares ("tỷ lệ hộ nghèo cao nhất là
 * huyện A 35,2%; huyện B 34,4%"), or a breakdown of the previous sentence's figure ("Trong đó, mầm non có 74
 * trường"). Empty when nothing names it.
 */
final class MeasureComposer {

    /** A figure read so far in the article: its measure, unit and what it counts. */
    record Earlier(String measure, String unit, boolean share, String counted, String base, Role role, boolean part) {
    }

    /**
     * Whether the last measure composed is a part of another ("Trong đó, khu vực nông thôn là 2.694 hộ", "Tỷ lệ này ở
     * khu vực thành thị"): its figure is no figure of the whole's catalogued measure.
     */
    private boolean part;

    boolean lastIsPart() {
        return part;
    }

    private final String lang;
    private final Phrases heads;
    private final Phrases denominators;
    private final Phrases spendingVerbs;
    private final Phrases purposes;
    private final Phrases amountQualifiers;

    MeasureComposer(String lang) {
        this.lang = lang;
        this.heads = ClauseWords.get().of(Kind.INDICATOR_HEADS, lang);
        this.denominators = ClauseWords.get().of(Kind.DENOMINATORS, lang);
        this.spendingVerbs = ClauseWords.get().of(Kind.SPENDING_VERBS, lang);
        this.purposes = ClauseWords.get().of(Kind.PURPOSES, lang);
        this.amountQualifiers = ClauseWords.get().of(Kind.AMOUNT_QUALIFIERS, lang);
    }

    /**
     * {@code sameSentence}: the figures before it in its sentence (nearest last); {@code listHead}: the measure a
     * colon's head names, or null; {@code previousSentence}: the figures of the sentence before.
     */
    String compose(Tokens t, Subject subject, CountedPhrase counted, List<Earlier> sameSentence, String listHead,
                   List<Earlier> previousSentence, Role role, boolean parenthesised) {
        return compose(t, fromFirstHead(t, subject), counted, sameSentence, listHead, previousSentence, role, parenthesised);
    }

    /** The same, with the subject's words already cut ({@link #fromFirstHead}) or given ("respectively"). */
    String compose(Tokens t, String subjectWords, CountedPhrase counted, List<Earlier> sameSentence, String listHead,
                   List<Earlier> previousSentence, Role role, boolean parenthesised) {
        part = false;
        String s = withAntecedent(subjectWords, sameSentence, previousSentence, counted.isShare());
        boolean bareHead = !s.isEmpty() && isBareHead(s);
        if (counted.isMultiple()) {
            return grown(s, bareHead, sameSentence, previousSentence);
        }
        if (counted.isShare()) {
            if (!s.isEmpty() && !bareHead && hasHead(s)) {
                return s;
            }
            if (!s.isEmpty() && !bareHead && startsWithUnitNoun(s)) {
                return sharePrefix() + s; // "…, hộ cận nghèo còn 5,1%": a share of the things it names
            }
            String after = counted.afterUnit().strip();
            int whole = denominators.startingAt(t, counted.unitEnd());
            if (!after.isEmpty() && (whole == 0 || saysMoreThanWhole(t, counted, whole))) {
                return startsWithHead(after) ? after : sharePrefix() + after; // "17% tỷ lệ trẻ em …" has its head
            }
            // "13.200 ca, tăng 210%": a rise of the count, in percent; a level is a share of the last level, not of a rise
            Earlier prev = role == Role.CHANGE || lastLevel(sameSentence) == null ? last(sameSentence) : lastLevel(sameSentence);
            if (prev != null && !prev.measure().isBlank()) {
                part = prev.part();
                return prev.share() || role == Role.CHANGE || prev.role() == Role.CHANGE && prev.share() ? prev.measure()
                    : sharePrefix() + thing(prev);
            }
            if (listHead != null) {
                return listHead;
            }
            if (!s.isEmpty() && !bareHead) {
                return s;
            }
            Earlier before = lastOfUnit(previousSentence, counted.unit(), true);
            return before != null ? before.measure() : "";
        }
        boolean unitOnly = !counted.saysMore();
        Earlier just = last(sameSentence);
        String spent = spending(t, counted);
        if (spent != null && (s.isEmpty() || bareHead || !("en".equals(lang) ? hasHead(s) : startsWithHead(s)))) {
            return spent; // "has spent 300 billion VND on vocational training"
        }
        if (parenthesised && s.isEmpty() && just != null && !just.measure().isBlank()) {
            return just.measure(); // "300 tỷ đồng (13,6 triệu USD)": the same amount in other words
        }
        if (!s.isEmpty() && !bareHead && ("en".equals(lang) ? hasHead(s) : startsWithHead(s))) {
            return s;
        }
        if (bareHead && unitOnly) {
            // "As of the end of 2018, the number was 953,284": the count the sentence before named
            Earlier before = lastOfUnitOrNone(previousSentence);
            if (before != null) {
                return before.base();
            }
        }
        if (!unitOnly) {
            return countPrefix() + counted.text();
        }
        Earlier prev = lastOfUnit(sameSentence, counted.unit(), false);
        if (!s.isEmpty() && !bareHead && startsWithUnitNoun(s)) {
            return countPrefix() + s; // "hộ cận nghèo là 6.943 hộ": the subject names what is counted
        }
        if (!s.isEmpty() && !bareHead) {
            // "Trong đó, mầm non có 74/180 trường": a part of the figure before, counted in the same unit
            Earlier parent = prev != null ? prev : lastOfUnit(previousSentence, counted.unit(), false);
            if (parent != null && !parent.base().isBlank()) {
                part = true;
                return parent.base() + " " + s;
            }
            return countPrefix() + counted.text() + " " + s;
        }
        if (prev != null && !prev.measure().isBlank()) {
            part = prev.part();
            return prev.measure();
        }
        if (counted.unit().isEmpty() && just != null && !just.share() && !just.measure().isBlank() && s.isEmpty()) {
            return just.measure(); // "huyện Tuy An có 53 ca, TX Sông Cầu có 22, …": the list's measure, its unit left out
        }
        if (listHead != null && (counted.unit().isEmpty() || sharesAWord(listHead, counted.unit()))) {
            return counted.unit().isEmpty() ? listHead : countPrefix() + listHead; // "Về hộ nghèo: … 3.467 hộ"
        }
        return counted.unit().isEmpty() ? s : countPrefix() + counted.unit();
    }

    /**
     * What a multiple measures: what grew ("số ca mắc tăng 7 lần", "ca sốt xuất huyết tăng 10 lần"), else what the
     * multiple before it in a list measured ("Châu Phú tăng 18,4 lần, Tân Châu tăng 18 lần"), else the figure it
     * follows ("13.200 ca sốt xuất huyết, tăng 7 lần").
     */
    private String grown(String s, boolean bareHead, List<Earlier> sameSentence, List<Earlier> previousSentence) {
        if (!s.isEmpty() && !bareHead && hasHead(s)) {
            return s;
        }
        if (!s.isEmpty() && !bareHead && startsWithUnitNoun(s)) {
            return countPrefix() + s;
        }
        Earlier last = last(sameSentence);
        Earlier before = last != null && last.role() == Role.CHANGE ? last : lastLevel(sameSentence);
        before = before != null ? before : lastOfUnitOrNone(previousSentence);
        if (before != null && !before.measure().isBlank()) {
            part = before.part();
            return before.measure();
        }
        return s;
    }

    /**
     * "54% dân số tham gia BHYT", "90% of its population covered by health insurance": the whole is followed by
     * the part that is counted; "38,53% tổng số trường công lập toàn tỉnh" names only the whole.
     */
    private boolean saysMoreThanWhole(Tokens t, CountedPhrase counted, int wholeWords) {
        int rest = 0;
        for (int i = counted.unitEnd() + wholeWords; i < counted.end(); i++) {
            rest += t.get(i).isWord() ? 1 : 0;
        }
        boolean people = t.word(counted.unitEnd()).equals("dan") || t.word(counted.unitEnd() + 1).equals("dan");
        boolean total = t.word(counted.unitEnd()).equals("tong") || t.word(counted.unitEnd() + 1).equals("tong");
        // "89,4% số hộ sử dụng nước sạch", "54% dân số tham gia BHYT": the households or people counted, not the whole
        return "en".equals(lang) ? rest >= 4 : (people || !total) && rest >= 2;
    }

    private static boolean sharesAWord(String a, String b) {
        List<String> words = MeasureKeys.words(b);
        return MeasureKeys.words(a).stream().anyMatch(words::contains);
    }

    private boolean startsWithUnitNoun(String s) {
        return ClauseWords.get().of(Kind.UNIT_NOUNS, lang).startingAt(Tokens.of(s), 0) > 0;
    }

    private boolean hasHead(String s) {
        Tokens t = Tokens.of(s);
        for (int i = 0; i < t.size(); i++) {
            if ("en".equals(lang) && heads.startingAt(t, i) > 0) {
                return true;
            }
            if (headAt(t, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Money a verb spends or raises right before it: what it was spent on ("đã đầu tư hơn 288 tỷ đồng … để thực hiện
     * Chương trình X", "spent 300 billion VND (13.6 million USD) on providing livelihood support") or what is worth it
     * ("health insurance worth 27 billion VND"); null for other figures.
     */
    private String spending(Tokens t, CountedPhrase counted) {
        if (!Regexes.matches(MeasureKeys.unitClass(counted.unit(), false), "vnd|usd|vnd-per")) {
            return null;
        }
        int number = counted.unitStart() - 1;
        while (number > 0 && !t.get(number).isNumber()) {
            number--;
        }
        int k = number - 1;
        while (k >= 0 && number - k <= 3 && amountQualifiers.startingAt(t, k) == 1) {
            k--;
        }
        int verbWords = k >= 0 ? spendingVerbs.endingAt(t, k) : 0;
        if (verbWords == 0) {
            return null;
        }
        String verb = t.text(k - verbWords + 1, k + 1);
        boolean english = "en".equals(lang);
        if (english && verb.equalsIgnoreCase("worth")) {
            String before = t.text(Math.max(0, k - 6), k);
            String thing = before.replaceAll("(?i).*\\b(with|on|of|in|for)\\s+", "").strip();
            return thing.isEmpty() ? null : "value of " + thing;
        }
        String purpose = purposeAfter(t, counted.unitEnd());
        if (english) {
            return purpose == null ? "spending" : "spending on " + purpose;
        }
        return "kinh phí " + verb.toLowerCase(java.util.Locale.ROOT) + (purpose == null ? "" : " " + purpose);
    }

    /** The purpose an amount is for: the words after "để", "cho", "on", "for" up to the clause's end, within a few words of it. */
    private String purposeAfter(Tokens t, int from) {
        int k = from;
        while (t.in(k) && k - from < 10 && !t.get(k).isMark(",;.:") && purposes.startingAt(t, k) == 0) {
            k++;
        }
        int n = t.in(k) ? purposes.startingAt(t, k) : 0;
        if (n == 0) {
            return null;
        }
        int end = k + n;
        while (t.in(end) && !t.get(end).isMark(",;.:()") && end < k + n + 12) {
            end++;
        }
        return end > k + n ? t.text(k + n, end) : null;
    }

    /** The words of an indicator head starting at token {@code i} (0 when none); "số" is checked as written ("Sở", "sơ" fold alike). */
    int headAt(Tokens t, int i) {
        int n = heads.startingAt(t, i);
        if (n > 0 && t.word(i).equals("so") && !t.get(i).text().equalsIgnoreCase("số")) {
            return 0;
        }
        return n;
    }

    /** A subject cut to start at its first indicator head: "xét theo địa phương thì tỷ lệ hộ nghèo" → "tỷ lệ hộ nghèo". */
    String fromFirstHead(Tokens t, Subject subject) {
        if (subject.isEmpty()) {
            return "";
        }
        if ("en".equals(lang)) {
            return subject.text(); // English names the thing before its head: "health insurance coverage"
        }
        for (int i = subject.start(); i < subject.end(); i++) {
            if (headAt(t, i) > 0) {
                return t.text(i, subject.end());
            }
        }
        return subject.text();
    }

    private static final java.util.regex.Pattern DEMONSTRATIVE = java.util.regex.Pattern.compile(
        "^(\\p{L}+(?: \\p{L}+)?) (này|đó|nói trên|trên|this|that|the same)\\b\\s*(.*)$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * "Tỷ lệ này ở khu vực thành thị", "This rate in urban areas": a head pointing back takes the measure it points to,
     * the rest of the phrase qualifying it ("tỷ lệ hộ nghèo ở khu vực thành thị").
     */
    private String withAntecedent(String s, List<Earlier> sameSentence, List<Earlier> previousSentence, boolean share) {
        java.util.regex.Matcher m = DEMONSTRATIVE.matcher(s);
        if (!m.find() || headAt(Tokens.of(m.group(1)), 0) == 0) {
            return s;
        }
        Earlier antecedent = lastOfUnitOrShare(sameSentence, share);
        antecedent = antecedent != null ? antecedent : lastOfUnitOrShare(previousSentence, share);
        if (antecedent == null) {
            return s;
        }
        part = !m.group(3).isBlank();
        return (antecedent.base() + " " + m.group(3)).strip();
    }

    private static Earlier lastOfUnitOrShare(List<Earlier> list, boolean share) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).share() == share && !list.get(i).base().isBlank() && list.get(i).role() != Role.CHANGE) {
                return list.get(i);
            }
        }
        return null;
    }

    /** A head alone, or with words that only rank it ("tỷ lệ cao", "số xã đạt tỷ lệ cao nhất"): it names no measure. */
    private boolean isBareHead(String s) {
        Tokens t = Tokens.of(s);
        int n = headAt(t, 0);
        if (n == 0) {
            return false;
        }
        if ("en".equals(lang)) {
            return n == t.size();
        }
        for (int i = n; i < t.size(); i++) {
            if (!Regexes.matches(t.word(i), "cao|thap|nhat|lon|nho|nhieu|it|highest|lowest|high|low|most|least|xa|huyen|dat|ty|le|ti")) {
                return false;
            }
        }
        return true;
    }

    boolean startsWithHead(String s) {
        return headAt(Tokens.of(s), 0) > 0;
    }

    private String sharePrefix() {
        return "en".equals(lang) ? "share of " : "tỷ lệ ";
    }

    private String countPrefix() {
        return "en".equals(lang) ? "number of " : "số ";
    }

    /** What a figure counts, without its head: "tổng số hộ nghèo" → "hộ nghèo". */
    private String thing(Earlier e) {
        Tokens t = Tokens.of(e.measure());
        int n = headAt(t, 0);
        return n > 0 && n < t.size() ? t.text(n, t.size()) : e.measure();
    }

    private static Earlier lastLevel(List<Earlier> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).role() != Role.CHANGE) {
                return list.get(i);
            }
        }
        return null;
    }

    private static Earlier lastOfUnitOrNone(List<Earlier> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!list.get(i).share() && !list.get(i).base().isBlank() && list.get(i).role() != Role.CHANGE) {
                return list.get(i);
            }
        }
        return null;
    }

    private static Earlier last(List<Earlier> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    private static Earlier lastOfUnit(List<Earlier> list, String unit, boolean share) {
        for (int i = list.size() - 1; i >= 0; i--) {
            Earlier e = list.get(i);
            if (share ? e.share() : !e.share() && e.unit().equalsIgnoreCase(unit)) {
                return e;
            }
        }
        return null;
    }
}
