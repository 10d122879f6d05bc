package portalkb.ask.read;

import portalkb.ask.question.ConceptCredit;
import portalkb.ask.question.Question;
import portalkb.ask.question.Words;
import portalkb.figures.Glossary;
import portalkb.figures.FigureExtractor;

import portalkb.figures.Figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features of one candidate answer to a quantity question: how the number's unit fits the asked one, how
 * close the question's words stand to it in its part of the sentence, the place and year written beside it,
 * whether it is a change, a whole of "A out of B", a breakdown, or goes with what the question leaves out, and
 * what the figure reader read it as (measure, role, level, year). Each is a plain number the
 * {@link ReaderModel} weighs; none is a decision.
 */
final class CandidateFeatures {

    private static final Pattern UNIT_WORDS = Pattern.compile("^\\s*([\\p{L}/]+(?:\\s+[\\p{L}/]+){0,2})");
    /** A change, not a level: "tăng 7%", "giảm 5,96%", "up 7%", "exceeded 3.06%". */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("\\b(tang|giam|vuot|gap|up|down|increase|decrease|rise|fall|rose|fell|exceed|higher|lower|by)\\w*\\s+((tren|hon|gan|khoang|chi|about|nearly|over|almost|around)\\s+)?$");
    private static final Set<String> SCALE_OR_MODIFIER = Set.of("nghin", "ngan", "trieu", "ti", "van", "tram", "thousand", "million",
        "billion", "new", "moi", "more", "nguoi");

    private final Question q;
    private final SentenceScorer scorer;
    private final QuantityFilter filter;
    private final Breakdowns breakdowns;
    private final NumberSetting setting;
    private final FigureFit figures;
    private final TellingMeasure telling;
    private final boolean changeAsked;

    CandidateFeatures(Question q, SentenceScorer scorer) {
        this.q = q;
        this.scorer = scorer;
        this.filter = new QuantityFilter(q, scorer);
        this.breakdowns = new Breakdowns(q);
        this.setting = new NumberSetting(q);
        this.figures = new FigureFit(q);
        this.telling = new TellingMeasure(q, scorer);
        this.changeAsked = q.asks(Question.Asks.CHANGE);
    }

    /** Every number of the sentence that can be an answer, with its features; {@code rank}: the sentence's place among those read (0 first). */
    List<Candidate> of(SentenceScorer.Scored scored, int rank) {
        Sentence s = scored.sentence();
        String text = s.text();
        String folded = FigureExtractor.foldKeepingLength(text);
        int[] part = SentenceParts.parts(s, SentenceParts.PART_BREAK);
        int[] statement = SentenceParts.parts(s, SentenceParts.STRONG_BREAK);
        List<Figure> read = figures.read(s);
        java.util.Set<String> measureContext = telling.context(s);
        List<Candidate> out = new ArrayList<>();
        Matcher m = Sentence.EXPRESSION.matcher(text);
        while (m.find()) {
            String before = folded.substring(Math.max(0, m.start() - 16), m.start());
            String after = folded.substring(m.end());
            if (!filter.isQuantity(m, before, after, text.substring(m.end()), s)) {
                continue;
            }
            String written = m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2);
            int at = s.wordIndexAt(m.start());
            int end = s.wordIndexAt(m.end());
            Map<String, Double> f = new LinkedHashMap<>();
            sentence(f, scored, rank);
            f.put("unitFit", unitFit(breakdowns.unitText(after)));
            f.put("attachment", attachment(s, part, at));
            f.put("distance", distance(s, part, statement, at));
            double place = setting.place(s, part, at);
            f.put("placeNear", place > 0 ? 1.0 : 0.0);
            f.put("otherPlaceNear", place < 0 ? 1.0 : 0.0);
            f.put("placeCloseness", setting.placeCloseness(s, part, at));
            f.put("parenthetical", parenthetical(text, m.start()) ? 1.0 : 0.0);
            double year = setting.year(s, part, at, end);
            f.put("yearNear", Math.signum(year));
            f.put("excludedNear", excludedNear(s, part, at));
            f.put("change", CHANGE_BEFORE.matcher(before).find() && !changeAsked ? 1.0 : 0.0);
            f.put("breakdown", breakdowns.subset(s, folded) < 0 ? 1.0 : 0.0);
            f.put("wholeOfPart", breakdowns.whole(before) < 0 ? 1.0 : 0.0);
            f.put("focusNear", focusAttached(s, part, at, end));
            f.put("quotedGroup", scored.askedNumbers().stream().anyMatch(n -> scorer.sameNounAfter(s, n)) ? 1.0 : 0.0);
            f.put("askedTarget", scorer.statesAskedTarget(SentenceParts.window(s, part, at, false)) ? 1.0 : 0.0);
            f.put("specificity", SentenceScorer.specificity(m.group(1)));
            Figure figure = figures.find(read, written);
            figures.features(f, figure);
            f.put("tellingMeasureHeld", telling.heldBy(s, measureContext, figure) ? 1.0 : 0.0);
            String withUnit = written + unitText(text.substring(m.end()), after);
            out.add(new Candidate(scored, written, Sentence.numbers(written, s.english()).stream()
                .flatMap(n -> n.readings().stream()).toList(), withUnit, figure, f));
        }
        return out;
    }

    /** The number stands inside brackets ("… 6/11 huyện (gồm 4 huyện …)"): an aside to the statement. */
    static boolean parenthetical(String text, int at) {
        int open = text.lastIndexOf('(', at);
        return open >= 0 && text.indexOf(')', open) >= at;
    }

    /** The sentence's own signals, which every number in it shares. */
    private void sentence(Map<String, Double> f, SentenceScorer.Scored scored, int rank) {
        SentenceScorer.Signals sig = scored.signals();
        f.put("coverage", scored.coverage());
        f.put("askedNumbers", sig.askedNumbers());
        f.put("placeFits", scored.placeFits() ? 1.0 : 0.0);
        f.put("placeMissed", !q.provinces().isEmpty() && !scored.placeFits() ? 1.0 : 0.0);
        f.put("yearNamed", sig.yearNamed() ? 1.0 : 0.0);
        f.put("yearOther", sig.yearOther() ? 1.0 : 0.0);
        f.put("yearOfArticle", sig.yearPublished() ? 1.0 : 0.0);
        f.put("periods", (double) sig.periods());
        f.put("target", sig.target() ? 1.0 : 0.0);
        f.put("focusFits", scored.focusFits() ? 1.0 : 0.0);
        f.put("mostTellingHeld", scorer.holdsMostTelling(scored.sentence()) ? 1.0 : 0.0);
        f.put("passageRank", 1.0 / scored.sentence().n());
        f.put("sentenceRank", 1.0 / (1 + rank));
    }

    /** +1 when the unit after the number is the one asked for; -0.6 for a share where a count was asked (and the reverse). */
    double unitFit(String after) {
        if (q.units().isEmpty()) {
            return 0;
        }
        String a = after.stripLeading();
        boolean percent = a.startsWith("%") || a.startsWith("phan tram") || a.startsWith("percent") || a.startsWith("per cent");
        List<String> next = Words.of(a.length() > 60 ? a.substring(0, 60) : a).stream().map(CandidateFeatures::scale).toList();
        for (String unit : q.units()) {
            if (unit.equals("%")) {
                if (percent) {
                    return 1;
                }
                continue;
            }
            for (String same : Glossary.get().sameUnits(unit)) {
                List<String> u = Words.of(same).stream().map(CandidateFeatures::scale).toList();
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
    String unitText(String after, String afterFolded) {
        String a = after.stripLeading();
        if (a.startsWith("%")) {
            return "%";
        }
        Matcher u = UNIT_WORDS.matcher(after);
        boolean words = u.find() && !after.isEmpty() && (Character.isWhitespace(after.charAt(0)) || after.charAt(0) == '-');
        for (String unit : q.units().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            Matcher asked = Pattern.compile("^[ \\t]+" + Pattern.quote(unit) + "\\b").matcher(afterFolded);
            if (asked.find()) {
                // a unit per something is whole: "bác sĩ/vạn dân" where "bác" was asked
                boolean per = words && u.end() > asked.end() && u.group(1).contains("/");
                return " " + (per ? u.group(1) : after.substring(0, asked.end()).strip());
            }
        }
        return words ? " " + u.group(1).replaceFirst("^-", "") : "";
    }
}
