package portalkb.figures;

import portalkb.figures.ClauseWords.Kind;

/**
 * What follows a number: its magnitude word ("23 nghìn"), its unit ("%", "hộ", "tiêu chí/xã", "bác sĩ/vạn dân",
 * "percent") and the phrase it counts ("ca sốt xuất huyết", "trường được công nhận đạt chuẩn quốc gia"), up to
 * the end of the clause. Tokens [{@code unitStart}, {@code unitEnd}) hold the unit, [{@code unitStart},
 * {@code end}) the counted phrase.
 */
record CountedPhrase(double magnitude, String magnitudeWord, String unit, int unitStart, int unitEnd, int end, String text,
                     String afterUnit) {

    private static final int MAX_WORDS = 14;

    boolean isShare() {
        String u = unit.toLowerCase();
        return u.startsWith("%") || u.equals("percent") || u.equals("per cent") || u.equals("phần trăm")
            || u.equals("percentage points") || u.equals("điểm phần trăm") || u.equals("percentage point");
    }

    /** Whether the unit states a multiple ("7 lần", "3 times"): the figure measures what grew, not a thing it counts. */
    boolean isMultiple() {
        Tokens u = Tokens.of(unit);
        ClauseWords words = ClauseWords.get();
        return u.size() > 0 && (words.of(Kind.MULTIPLES, "vi").startingAt(u, 0) == u.size()
            || words.of(Kind.MULTIPLES, "en").startingAt(u, 0) == u.size());
    }

    /** The same phrase with another unit: "80.6 and 26.6 percent" — the first number takes the unit written after the last. */
    CountedPhrase withUnit(String otherUnit) {
        return new CountedPhrase(magnitude, magnitudeWord, otherUnit, unitStart, unitEnd, end, otherUnit, "");
    }

    /** Whether the counted phrase says more than its unit ("ca sốt xuất huyết", not "ca"). */
    boolean saysMore() {
        return end > unitEnd || !afterUnit.isBlank();
    }

    /** The counted phrase after the unit's first word, as written ("sốt xuất huyết" of "ca sốt xuất huyết"). */
    static CountedPhrase after(Tokens t, NumberMention m, String lang) {
        ClauseWords words = ClauseWords.get();
        int i = m.last() + 1;
        double magnitude = 1;
        String magnitudeWord = "";
        // "VNĐ 7,000 billion": a currency before the number stays in the unit
        String currencyBefore = t.in(m.first() - 1) && Regexes.matches(t.word(m.first() - 1), "vnd|usd|\\$") ? t.get(m.first() - 1).text() + " " : "";
        if (t.in(i) && t.get(i).isWord() && words.magnitude(t.word(i)) != null && !t.word(i + 1).equals("le")) {
            magnitude = words.magnitude(t.word(i));
            magnitudeWord = t.get(i).text();
            i++;
        }
        int unitStart = i;
        int unitEnd = unitEnd(t, i, lang);
        String unit = t.text(unitStart, unitEnd).replace(" / ", "/").replace(" /", "/").replace("/ ", "/");
        if (unit.equals("%") && t.in(unitEnd) && t.get(unitEnd).isMark("/") && t.word(unitEnd + 1).equals("nam")) {
            unitEnd += 2; // "%/năm"
            unit = t.text(unitStart, unitEnd).replace(" ", "");
        }
        unit = (currencyBefore + (magnitudeWord.isEmpty() ? "" : magnitudeWord + (unit.isEmpty() ? "" : " ")) + unit).strip();
        int end = "en".equals(lang) ? englishPhraseEnd(t, unitEnd) : unitEnd;
        Phrases ends = words.of(Kind.COUNTED_ENDS, lang);
        int counted = 0;
        while (!"en".equals(lang) && end < t.size() && counted < MAX_WORDS) {
            Token tok = t.get(end);
            // "Covid-19", "HIV/AIDS": marks glued inside a name stay in the phrase
            boolean glued = tok.kind() == Token.Kind.MARK && tok.isMark("-/") && !tok.spaceBefore() && t.in(end + 1) && !t.get(end + 1).spaceBefore();
            if (glued) {
                end += 2;
                continue;
            }
            // an age naming a group stays in the phrase ("491 trẻ từ 0 đến 59 tháng tuổi bị suy dinh dưỡng …")
            int ageEnd = NumberMentions.ageEnd(t, end);
            if (ageEnd > end) {
                for (; end < ageEnd; end++) {
                    counted += t.get(end).isWord() ? 1 : 0; // an age's words count toward the phrase's length like any others
                }
                continue;
            }
            // "17% tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng …"
            boolean age = tok.isNumber() && Regexes.matches(t.word(end + 1), "tuoi|thang");
            if (!tok.isWord() && !age && !(tok.isMark(",") && t.in(end + 1) && t.get(end + 1).isWord() && end < unitEnd)
                || ends.startingAt(t, end) > 0 && !joinsWhatIsCounted(t, end)) {
                break;
            }
            counted += tok.isWord() ? 1 : 0;
            end++;
        }
        Phrases predicates = words.of(Kind.PREDICATES, lang);
        while (end > unitEnd && predicates.endingAt(t, end - 1) > 0) {
            end -= predicates.endingAt(t, end - 1); // "… xã đạt" before "đạt 93%": the verb is the next clause's
        }
        if (unitEnd == unitStart) {
            end = unitStart; // no unit, no counted phrase ("đạt 14,6.")
        }
        String text = "en".equals(lang) ? englishText(t, unitStart, end) : t.text(unitStart, end);
        String afterUnit = "en".equals(lang) ? englishText(t, unitEnd, end) : t.text(unitEnd, end);
        String shared = "en".equals(lang) && unitEnd > unitStart ? sharedPredicate(t, end) : "";
        if (!shared.isEmpty()) {
            text = (text + " " + shared).strip();
            afterUnit = (afterUnit + " " + shared).strip();
        }
        return new CountedPhrase(magnitude, magnitudeWord, unit, unitStart, unitEnd, Math.max(end, unitEnd), text, afterUnit);
    }

    /**
     * "5 trường được công nhận và cấp Bằng trường tiểu học đạt chuẩn …": a "và" that joins two verbs of what is counted,
     * not a second figure ("và 1 trường …", "và tỷ lệ …") nor a second subject.
     */
    private static boolean joinsWhatIsCounted(Tokens t, int i) {
        if (ClauseWords.get().of(Kind.JOINS, "vi").startingAt(t, i) == 0 || !t.in(i + 1) || !t.get(i + 1).isWord()) {
            return false;
        }
        Phrases heads = ClauseWords.get().of(Kind.INDICATOR_HEADS, "vi");
        Phrases units = ClauseWords.get().of(Kind.UNIT_NOUNS, "vi");
        Phrases ends = ClauseWords.get().of(Kind.COUNTED_ENDS, "vi");
        if (heads.startingAt(t, i + 1) > 0 || units.startingAt(t, i + 1) > 0 || ends.startingAt(t, i + 1) > 0) {
            return false;
        }
        for (int k = i + 1; t.in(k) && k <= i + 3; k++) {
            if (t.get(k).isNumber() || !t.get(k).isWord()) {
                return false; // "và hơn 200 ca": another count
            }
        }
        return t.get(i + 1).text().equals(t.get(i + 1).text().toLowerCase()); // a verb, not a name ("và Đắk Nông")
    }

    private static final String PHRASE_ENDS = "while|whereas|but|which|respectively|accounting|representing|compared|up|down|and|or"
        + "|an|according|over|than|against|equivalent|raising|bringing|exceeding|surpassing|worth|meeting|reaching";
    private static final String AUXILIARIES = "have|has|had|been|be|being|was|were|is|are|so|far|to|date|currently|now|already";

    /**
     * English puts what a count is about after it, through the clause: "440,000 people in the province of Dak Nong have
     * been covered by health insurance" counts people covered by health insurance. The phrase runs to the clause's end.
     */
    private static int englishPhraseEnd(Tokens t, int from) {
        int end = from;
        while (t.in(end) && end - from < 2 * MAX_WORDS && !t.get(end).isMark(",;:()") && !t.get(end).isNumber()
            && !(t.in(end + 1) && t.get(end + 1).isNumber() && NumberMentions.isYear(t.get(end + 1).text()))
            && !Regexes.matches(t.word(end), PHRASE_ENDS)) {
            end++;
        }
        return end;
    }

    /**
     * "8,800 impoverished households and over 34,000 people … have been provided with health insurance", "5,700 people
     * in the commune or 90.12% of its population were covered by …": counts joined by "and"/"or" share the predicate
     * written after the last of them, which says what they count. "" when the phrase does not end at such a join.
     */
    private static String sharedPredicate(Tokens t, int end) {
        if (ClauseWords.get().of(Kind.JOINS, "en").startingAt(t, end) == 0) {
            return "";
        }
        boolean anotherCount = false;
        for (int k = end + 1; t.in(k) && k - end <= 16 && !t.get(k).isMark(",;:()"); k++) {
            anotherCount |= t.get(k).isNumber();
            if (anotherCount && Regexes.matches(t.word(k), "were|was|are|is|have|has|had") && t.in(k + 1) && t.get(k + 1).isWord()) {
                int predicateEnd = englishPhraseEnd(t, k);
                return predicateEnd > k + 1 ? englishText(t, k, predicateEnd) : "";
            }
        }
        return "";
    }

    /** The English phrase without the places it names and its auxiliaries ("in the province of Dak Nong", "have been"). */
    private static String englishText(Tokens t, int from, int to) {
        StringBuilder out = new StringBuilder();
        boolean inPlace = false;
        for (int i = from; i < to; i++) {
            String w = t.word(i);
            if (w.equals("in") || w.equals("of") && inPlace) {
                int j = i + 1;
                while (j < to && (Regexes.matches(t.word(j), "the|a|an") || t.get(j).startsUpper() || Regexes.matches(t.word(j), "province|district|city|commune|delta|region|highlands"))) {
                    j++;
                }
                if (j > i + 1 && (t.get(j - 1).startsUpper() || Regexes.matches(t.word(j - 1), "province|district|city|commune|region"))) {
                    inPlace = true;
                    i = j - 1;
                    continue;
                }
            }
            inPlace = false;
            if (Regexes.matches(w, AUXILIARIES) || !t.get(i).isWord()) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(t.get(i).text());
        }
        return out.toString();
    }

    /**
     * English writes the counted noun last: "five ethnic minority boarding schools serving …" → up to "schools"; the last
     * known unit noun of the first words ends it ("1,401,636 people participated in …" → "people").
     */
    private static int englishNounEnd(Tokens t, int i) {
        Phrases stops = ClauseWords.get().of(Kind.COUNTED_ENDS, "en");
        Phrases nouns = ClauseWords.get().of(Kind.UNIT_NOUNS, "en");
        int end = i;
        int lastNoun = -1;
        while (t.in(end) && (t.get(end).isWord() || t.get(end).isMark("-") && !t.get(end).spaceBefore() && end > i) && end - i < 7
            && stops.startingAt(t, end) == 0
            && !Regexes.matches(t.word(end), "in|of|on|at|for|from|to|by|with|as|than|since|per|the|a|an|this|that|these|those|each|every|over|[a-z]+ing")) {
            int n = nouns.startingAt(t, end);
            if (n > 0) {
                lastNoun = end + n;
                end += n;
                continue;
            }
            end++;
        }
        if (lastNoun > 0) {
            end = lastNoun;
        }
        if (t.word(end).equals("per") && t.in(end + 1)) { // "doctors per 10,000 inhabitants"
            int j = end + 1;
            while (t.in(j) && (t.get(j).isNumber() || t.get(j).isWord()) && j - end < 4 && !stops.anyIn(t, j, j + 1)) {
                j++;
            }
            end = j;
        }
        return Math.max(end, i);
    }

    /** The end of the unit written from token {@code i}: "%", "percent", a unit noun (longest known, else one word), "/…" parts. */
    private static int unitEnd(Tokens t, int i, String lang) {
        if (!t.in(i)) {
            return i;
        }
        if (t.get(i).isMark("%")) {
            return i + 1;
        }
        if (t.word(i).equals("percent") || t.word(i).equals("phan") && t.word(i + 1).equals("tram")) {
            return i + (t.word(i).equals("percent") ? 1 : 2);
        }
        if (t.word(i).equals("per") && t.word(i + 1).equals("cent")) {
            return i + 2;
        }
        if (t.word(i).equals("percentage") && t.word(i + 1).equals("points")) {
            return i + 2;
        }
        Phrases known = ClauseWords.get().of(Kind.UNIT_NOUNS, lang);
        if (!t.get(i).isWord() || !t.get(i).text().equals(t.get(i).text().toLowerCase()) && !"en".equals(lang)
            && t.get(i).text().length() > 1 && !Regexes.matches(t.get(i).text(), "[A-ZĐ]{2,}") && known.startingAt(t, i) == 0) {
            return i; // a name follows ("2 Phó Giám đốc" is no unit); "33 Dự án" is
        }
        int multiple = ClauseWords.get().of(Kind.MULTIPLES, lang).startingAt(t, i);
        if (multiple > 0) {
            return i + multiple; // "rose 3 times over …": the multiple is the whole unit
        }
        if ("en".equals(lang)) {
            return englishNounEnd(t, i);
        }
        Phrases nouns = ClauseWords.get().of(Kind.UNIT_NOUNS, lang);
        if (known.startingAt(t, i) == 0 && (ClauseWords.get().of(Kind.COUNTED_ENDS, lang).startingAt(t, i) > 0
            || ClauseWords.get().of(Kind.PREDICATES, lang).startingAt(t, i) > 0)) {
            return i; // "đạt 14,6, tăng …", "were 5 and"; but "3.860 ổ dịch" is a unit, though "ổ" folds like "ở"
        }
        int n = nouns.startingAt(t, i);
        int end = i + Math.max(1, n);
        // "6/11 huyện, thành phố", "83 thôn, bản": unit nouns joined by commas
        while (n > 0 && t.in(end + 1) && t.get(end).isMark(",")) {
            int next = nouns.startingAt(t, end + 1);
            if (next == 0 || t.in(end + 1 + next) && t.get(end + 1 + next).isNumber()) {
                break;
            }
            end = end + 1 + next;
        }
        // "tiêu chí/xã", "triệu đồng/người/năm", "bác sĩ/vạn dân", "giường bệnh/vạn dân"
        while (t.in(end + 1) && t.get(end).isMark("/") && (t.get(end + 1).isWord()
            || t.get(end + 1).isNumber() && t.in(end + 2) && t.get(end + 2).isWord())) {
            end += t.get(end + 1).isNumber() ? 3 : 2; // "bác sĩ/10.000 dân", "tiêu chí/xã"
            if (t.in(end) && t.get(end).isWord() && Regexes.matches(t.word(end), "dan|van") && !t.word(end - 1).equals("dan")) {
                end++;
            }
        }
        return end;
    }
}
