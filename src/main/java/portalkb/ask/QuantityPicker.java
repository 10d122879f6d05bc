package portalkb.ask;

import portalkb.figures.Glossary;
import portalkb.figures.FigureExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the number that answers a quantity question from the best sentences: a number the question
 * does not already hold (nor a year, a date or a document number), whose unit fits the question's
 * ("bao nhiêu xã" wants "… xã", "what share" wants "%"), which goes with the question's words in its part
 * of the sentence (the place it names above all), and whose nearby year, if any, is the asked one.
 */
final class QuantityPicker {

    /** Why an answer came out as it did: set the log level of "portalkb.ask.explain" to debug. */
    static final org.slf4j.Logger EXPLAIN = org.slf4j.LoggerFactory.getLogger("portalkb.ask.explain");

    /** The picked number as written with its unit ("65,42%", "3.594 hộ nghèo"). */
    record Pick(SentenceScorer.Scored sentence, String value, String withUnit, double score, boolean placeAttached) {
    }

    /** A number, or a pair such as "7/44" or "145/151", as it stands in the sentence. */
    static final Pattern EXPRESSION = Pattern.compile("(?<![\\d.,/])(\\d+(?:[.,]\\d+)*)(?:/(\\d+(?:[.,]\\d+)*))?(?:/(\\d+))?(?![\\d/])");
    private static final Pattern UNIT_WORDS = Pattern.compile("^\\s*([\\p{L}/]+(?:\\s+[\\p{L}/]+){0,2})");
    /** A place below a province named in a part of a sentence (folded words): "huyen long my", "xa a vao", "tx song cau". */
    /** A change, not a level: "tăng 7%", "giảm 5,96%", "up 7%", "exceeded 3.06%". */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("\\b(tang|giam|vuot|gap|up|down|increase|decrease|rise|fall|rose|fell|exceed|higher|lower|by)\\w*\\s+((tren|hon|gan|khoang|chi|about|nearly|over|almost|around)\\s+)?$");
    private static final Pattern CHANGE_ASKED = Pattern.compile("\\b(tang|giam|thay doi|bien dong|increase|decrease|rise|fall|change|grow|growth|drop|cut)");
    private static final Set<String> SCALE_OR_MODIFIER = Set.of("nghin", "ngan", "trieu", "ti", "van", "tram", "thousand", "million",
        "billion", "new", "moi", "more", "nguoi");

    private final Question q;
    private final SentenceScorer scorer;
    private final QuantityFilter filter;
    private final Breakdowns breakdowns;
    private final NumberSetting setting;

    QuantityPicker(Question q, SentenceScorer scorer) {
        this.q = q;
        this.scorer = scorer;
        this.filter = new QuantityFilter(q, scorer);
        this.breakdowns = new Breakdowns(q);
        this.setting = new NumberSetting(q);
    }

    Optional<Pick> pick(List<SentenceScorer.Scored> ranked) {
        List<Pick> all = new ArrayList<>();
        for (SentenceScorer.Scored s : ranked.subList(0, Math.min(5, ranked.size()))) {
            all.addAll(candidates(s));
        }
        // When a number goes with the place the question names, numbers that do not are out.
        boolean placed = all.stream().anyMatch(Pick::placeAttached);
        return all.stream().filter(p -> !placed || p.placeAttached()).max(java.util.Comparator.comparingDouble(Pick::score));
    }

    List<Pick> candidates(SentenceScorer.Scored scored) {
        Sentence s = scored.sentence();
        String text = s.text();
        String folded = FigureExtractor.foldKeepingLength(text);
        int[] part = SentenceParts.parts(s, SentenceParts.PART_BREAK);
        int[] statement = SentenceParts.parts(s, SentenceParts.STRONG_BREAK);
        List<Pick> out = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            String before = folded.substring(Math.max(0, m.start() - 16), m.start());
            String after = folded.substring(m.end());
            if (!filter.isQuantity(m, before, after, text.substring(m.end()), s)) {
                continue;
            }
            String written = m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2);
            int at = s.wordIndexAt(m.start());
            int end = s.wordIndexAt(m.end());
            double unitFit = unitFit(breakdowns.unitText(after));
            double attachment = attachment(s, part, at);
            double distance = distance(s, part, statement, at);
            double place = setting.place(s, part, at);
            double year = setting.year(s, part, at, end);
            double excluded = excludedNear(s, part, at);
            double change = CHANGE_BEFORE.matcher(before).find() && !CHANGE_ASKED.matcher(Glossary.fold(q.text())).find() ? -0.5 : 0;
            double subset = breakdowns.subset(s, folded) + breakdowns.whole(before);
            double focus = focusAttached(s, part, at, end);
            // A group the question counts ("Tại 7 huyện nghèo, …", the same noun after the number) names the statement the answer is in.
            double quoted = scored.askedNumbers().stream().anyMatch(n -> scorer.sameNounAfter(s, n)) ? 0.4 : 0;
            quoted += scorer.statesAskedTarget(SentenceParts.window(s, part, at, false)) ? 0.2 : 0;
            double score = scored.score() + 0.6 * unitFit + 0.5 * attachment + 0.5 * distance + place + year + excluded + change + subset + focus + quoted;
            out.add(new Pick(scored, written, written + unitText(text.substring(m.end()), after), score, place > 0));
            if (EXPLAIN.isDebugEnabled()) {
                EXPLAIN.debug(String.format("pick %-10s %.2f = sentence %.2f unit %.1f attach %.2f near %.2f place %.1f year %.1f excl %.1f change %.1f focus %.1f",
                    written, score, scored.score(), unitFit, attachment, distance, place, year, excluded, change, focus));
            }
        }
        return out;
    }

    /** +1 when the unit after the number is the one asked for; -0.6 for a share where a count was asked (and the reverse). */
    double unitFit(String after) {
        if (q.units().isEmpty()) {
            return 0;
        }
        String a = after.stripLeading();
        boolean percent = a.startsWith("%") || a.startsWith("phan tram") || a.startsWith("percent") || a.startsWith("per cent");
        List<String> next = Words.of(a.length() > 60 ? a.substring(0, 60) : a).stream().map(QuantityPicker::scale).toList();
        for (String unit : q.units()) {
            if (unit.equals("%")) {
                if (percent) {
                    return 1;
                }
                continue;
            }
            for (String same : Glossary.get().sameUnits(unit)) {
                List<String> u = Words.of(same).stream().map(QuantityPicker::scale).toList();
                int at = Words.indexOf(next.subList(0, Math.min(next.size(), 4)), u);
                if (at >= 0 && (at == 0 || next.subList(0, at).stream().allMatch(SCALE_OR_MODIFIER::contains))) {
                    return 1;
                }
            }
        }
        return percent || q.units().contains("%") ? -0.6 : -0.1;
    }

    /** What the question counts stands right by the number ("3 ca tử vong", "số hộ cận nghèo còn 8.800 hộ"): +0.4. */
    private double focusAttached(Sentence s, int[] part, int at, int end) {
        if (part.length == 0) {
            return 0;
        }
        List<String> phrase = new ArrayList<>();
        int own0 = part[Math.min(at, part.length - 1)];
        for (int i = Math.max(0, at - 6); i < Math.min(s.words().size(), end + 8); i++) {
            if (part[i] == own0 || i < at && SentenceParts.windowStartsAt(part, at) && part[i] == own0 - 1) {
                phrase.add(s.words().get(i));
            }
        }
        for (Question.Concept c : q.concepts()) {
            if (c.focus() && !c.excluded() && ConceptCredit.of(c, phrase) == 1) {
                return 0.4;
            }
        }
        return 0;
    }

    /** "ngàn" and "nghìn" are one word (thousand). */
    private static String scale(String word) {
        return word.equals("ngan") ? "nghin" : word;
    }

    /** The weighted share of the question's concepts in the number's part of the sentence and the part before it (0–1). */
    private double attachment(Sentence s, int[] part, int at) {
        List<String> window = SentenceParts.window(s, part, at, true);
        double total = 0;
        double matched = 0;
        for (Question.Concept c : q.concepts()) {
            if (c.excluded() || !s.english() && !c.vietnamese() || isPlace(c)) {
                continue;
            }
            double w = scorer.weight(c);
            total += w;
            matched += w * ConceptCredit.of(c, window);
        }
        return total == 0 ? 0 : matched / total;
    }

    /** Closeness in content words of the question's concepts to the number (0–1), a concept before it counting as nearer. */
    private double distance(Sentence s, int[] part, int[] statement, int at) {
        double total = 0;
        double near = 0;
        for (Question.Concept c : q.concepts()) {
            if (c.excluded() || !s.english() && !c.vietnamese() || isPlace(c)) {
                continue;
            }
            double w = scorer.weight(c);
            total += w;
            int best = Integer.MAX_VALUE;
            for (String form : c.forms()) {
                List<String> f = Words.of(form);
                for (int i = 0; !f.isEmpty() && i + f.size() <= s.words().size(); i++) {
                    if (!s.words().subList(i, i + f.size()).equals(f)) {
                        continue;
                    }
                    if (i + f.size() <= at) {
                        if (statement[i] == statement[Math.min(at, statement.length - 1)]) {
                            best = Math.min(best, SentenceParts.contentWords(s, i + f.size(), at));
                        }
                    } else if (part[i] == part[Math.min(at, part.length - 1)]) {
                        // After the number only within its part: "… 3,14%; hộ cận nghèo là …" is about the next figure.
                        best = Math.min(best, (int) Math.round(SentenceParts.contentWords(s, at, i) * 1.2));
                    }
                }
            }
            if (best != Integer.MAX_VALUE) {
                near += w / (1 + best / 2.0);
            }
        }
        return total == 0 ? 0 : near / total;
    }

    private boolean isPlace(Question.Concept c) {
        return q.places().contains(c.forms().get(0));
    }

    /** The number goes with what the question leaves out ("excluding near-poor"): -0.6. */
    private double excludedNear(Sentence s, int[] part, int at) {
        List<String> window = SentenceParts.window(s, part, at, true);
        for (Question.Concept c : q.concepts()) {
            if (c.excluded() && ConceptCredit.of(c, window) == 1) {
                return -0.6;
            }
        }
        return 0;
    }

    /**
     * "%", the question's unit noun as the article writes it ("93 cơ sở hành nghề y tư nhân" → "93 cơ sở"),
     * or the next one to three words up to a comma or bracket: the number's unit.
     */
    private String unitText(String after, String afterFolded) {
        String a = after.stripLeading();
        if (a.startsWith("%")) {
            return "%";
        }
        for (String unit : q.units()) {
            Matcher asked = Pattern.compile("^[ \\t]+" + Pattern.quote(unit) + "\\b").matcher(afterFolded);
            if (asked.find()) {
                return " " + after.substring(0, asked.end()).strip();
            }
        }
        Matcher u = UNIT_WORDS.matcher(after);
        return u.find() && !after.isEmpty() && (Character.isWhitespace(after.charAt(0)) || after.charAt(0) == '-') ? " " + u.group(1).replaceFirst("^-", "") : "";
    }
}
