package portalkb.ask.read;

import portalkb.ask.question.ConceptCredit;
import portalkb.ask.question.Question;
import portalkb.ask.question.QuestionWords;
import portalkb.ask.question.Words;
import portalkb.ask.retrieve.TermWeights;
import portalkb.core.Gazetteer;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How well one sentence answers a question: the weighted share of the question's concepts it contains
 * (each concept weighted by its rarity in the knowledge base, a phrase matching in full or in part), the
 * question's numbers it states at their written precision, and whether its place and time fit.
 */
public final class SentenceScorer {

    /** A scored sentence. {@code coverage}: weighted share of concepts matched (0–1); {@code placeFits}: its article or words are the asked place. */
    public record Scored(Sentence sentence, double score, double coverage, List<Sentence.WrittenNumber> askedNumbers, boolean placeFits,
                  boolean yearFits, boolean focusFits, Signals signals) {
    }

    /**
     * The signals the score adds up, kept apart for the candidate reader's features: the question's numbers the
     * sentence states (weighted by how telling each is, at most 2), whether it names the asked year, only other
     * years, or is of an article of the asked year; the asked periods it names; whether it states a target.
     */
    public record Signals(double askedNumbers, boolean yearNamed, boolean yearOther, boolean yearPublished, int periods, boolean target) {
    }

    private static final Pattern MARKED = Pattern.compile("\\d[.,]\\d");
    /** A sentence stating a target: the same cue as a question asking for one (question-words.yaml, asks.target). */
    private static final Pattern TARGET = QuestionWords.INSTANCE.asks().get(Question.Asks.TARGET);
    /** "vượt chỉ tiêu", "đạt kế hoạch", "surpassing the target": a result, not a target. */
    private static final Pattern TARGET_MET = Pattern.compile("\\b(vuot|dat|hoan thanh|exceed\\w*|surpass\\w*|met|achiev\\w*|beat)\\s+(\\S+\\s+){0,2}(muc tieu|chi tieu|ke hoach|target|goal)");
    private static final Pattern TARGET_LEAD = Pattern.compile("^(muc tieu|phan dau|chi tieu|ke hoach|target|goal)\\b");

    private final Question q;
    private final TermWeights.Weights weights;
    private final boolean asksTarget;
    /** The question's folded words, read once (every sentence and number is compared with them). */
    private final List<String> questionWords;

    public SentenceScorer(Question q, TermWeights.Weights weights) {
        this.q = q;
        this.weights = weights;
        this.asksTarget = q.asks(Question.Asks.TARGET);
        this.questionWords = q.words();
    }

    public Scored score(Sentence s) {
        double coverage = coverage(s);
        List<Sentence.WrittenNumber> asked = askedNumbers(s);
        double numbers = 0;
        for (Sentence.WrittenNumber n : asked) {
            // "97.9%" asked: a bare "97.9" elsewhere is a weaker match than "97,9%".
            boolean percentAsked = q.numbers().stream().anyMatch(a -> a.percent() && n.readings().stream().anyMatch(a::matches));
            double weight = Math.max(specificity(n.written()), sameNounAfter(s, n) ? 0.8 : 0);
            numbers += weight * (percentAsked && !isPercent(s, n) ? 0.3 : 1);
        }
        double score = coverage + Math.min(2, numbers) * 0.6;
        boolean placeFits = placeFits(s);
        if (!q.provinces().isEmpty()) {
            score = placeFits ? score + 0.2 : score * 0.4;
        }
        boolean yearFits = true;
        boolean named = false;
        boolean other = false;
        boolean published = false;
        if (!q.years().isEmpty()) {
            named = q.years().stream().anyMatch(y -> s.contains(Integer.toString(y)));
            published = s.year() != null && q.years().contains(s.year());
            List<String> own = SentenceYears.own(s.words());
            other = !named && !own.isEmpty() && own.stream().noneMatch(w -> q.years().contains(Integer.parseInt(w)));
            // A sentence naming only other years is about another time, unless its article is of the asked year.
            yearFits = named || published || !other;
            // The sentence's own year first; else its article's report year ("Toàn tỉnh đạt 11,1 bác sĩ/vạn dân." in a 2017 report).
            score += named ? 0.3 : other ? -0.3 : published ? 0.25 : s.year() != null ? -0.25 : 0;
        }
        int periods = 0;
        for (Question.Period p : q.periods()) {
            if (p.forms().stream().anyMatch(s::contains)) {
                periods++;
            }
        }
        score += Math.min(2, periods) * 0.1 + 0.05 / s.n();
        // A target ("mục tiêu", "phấn đấu", "aims to") is not what was reached, unless targets are asked about.
        String folded = Text.fold(s.text());
        boolean target = TARGET.matcher(folded).find() && !TARGET_MET.matcher(folded).find()
            || TARGET_LEAD.matcher(String.join(" ", s.previousWords())).find();
        score += target ? (asksTarget ? 0.2 : -0.2) : 0;
        return new Scored(s, score, coverage, asked, placeFits, yearFits, focusFits(s),
            new Signals(Math.min(2, numbers), named, other, published, Math.min(2, periods), target));
    }

    /** The weighted share of concepts the sentence holds; an English sentence may match every concept, a Vietnamese one those with Vietnamese forms. */
    public double coverage(Sentence s) {
        double total = 0;
        double matched = 0;
        for (Question.Concept c : q.concepts()) {
            if (!s.english() && !c.vietnamese() || c.excluded()) {
                continue;
            }
            double w = weight(c);
            total += w;
            // The title and the sentence before give context ("tỉnh miền núi này", "Tính từ đầu năm … . Tuy An …").
            double context = Math.max(ConceptCredit.of(c, s.titleWords()), ConceptCredit.of(c, s.previousWords()));
            matched += w * Math.max(ConceptCredit.of(c, s.words()), 0.5 * context);
        }
        return total == 0 ? 0 : matched / total;
    }

    /**
     * The question's most telling concept (the rarest in this knowledge base that the sentence's language can
     * hold) is in the sentence, or wholly in its title or the sentence before: a sentence sharing only common words
     * with the question ("hộ", "ca", a place) is about another measure. 1 when the question has no such concept.
     */
    public boolean holdsMostTelling(Sentence s) {
        Question.Concept telling = null;
        double best = -1;
        for (Question.Concept c : q.concepts()) {
            if (c.excluded() || !s.english() && !c.vietnamese()) {
                continue;
            }
            double w = weight(c);
            if (w > best) {
                best = w;
                telling = c;
            }
        }
        return telling == null || ConceptCredit.of(telling, s.words()) >= 0.5 || ConceptCredit.of(telling, s.titleWords()) == 1
            || ConceptCredit.of(telling, s.previousWords()) == 1;
    }

    /** What a quantity question counts is named in the sentence, or in its title or the sentence before (or nothing is counted). */
    public boolean focusFits(Sentence s) {
        boolean any = false;
        for (Question.Concept c : q.concepts()) {
            if (!c.focus() || c.excluded() || !s.english() && !c.vietnamese()) {
                continue;
            }
            any = true;
            if (ConceptCredit.of(c, s.words()) >= 0.5 || ConceptCredit.of(c, s.titleWords()) == 1 || ConceptCredit.of(c, s.previousWords()) == 1) {
                return true;
            }
        }
        return !any;
    }

    /** Some passage of this knowledge base holds the folded word. */
    public boolean seen(String folded) {
        return weights.of(folded) < weights.unseen();
    }

    /** The rarity of a folded word or phrase in this knowledge base (mean over its words). */
    public double rarity(String folded) {
        return weights.of(folded);
    }

    /** The rarity of the concept's first form (its Vietnamese one for glossary terms). */
    public double weight(Question.Concept c) {
        return weights.of(c.forms().get(0));
    }

    static boolean isPercent(Sentence s, Sentence.WrittenNumber n) {
        String after = s.text().substring(n.end()).stripLeading().toLowerCase(java.util.Locale.ROOT);
        return after.startsWith("%") || after.startsWith("phần trăm") || after.startsWith("percent") || after.startsWith("per cent");
    }

    /** A target is asked about and these words (a number's part of a sentence) state one: "aims for 90 percent". */
    public boolean statesAskedTarget(List<String> words) {
        String folded = String.join(" ", words);
        return asksTarget && TARGET.matcher(folded).find() && !TARGET_MET.matcher(folded).find();
    }

    /**
     * The question and the sentence write the same noun after the number ("Tại 7 huyện nghèo" in both): a small
     * number that names a group is as telling as a long one.
     */
    public boolean sameNounAfter(Sentence s, Sentence.WrittenNumber n) {
        // The word after the number is all that is compared: a few characters of the sentence are enough.
        List<String> inSentence = Words.of(Text.fold(s.text().substring(n.end(), Math.min(s.text().length(), n.end() + 40))));
        if (inSentence.isEmpty() || inSentence.get(0).matches("\\d.*")) {
            return false;
        }
        for (int i = 0; i + 1 < questionWords.size(); i++) {
            if (questionWords.get(i).equals(n.written()) && questionWords.get(i + 1).equals(inSentence.get(0))) {
                return true;
            }
        }
        return false;
    }

    /** How telling a quoted number is: "98,58" or "339.945" much more than "1" or "14". */
    static double specificity(String written) {
        long digits = written.chars().filter(Character::isDigit).count();
        boolean decimal = written.matches("\\d+[.,]\\d{1,2}");
        return decimal || digits >= 4 ? 1 : digits == 3 ? 0.7 : digits == 2 ? 0.4 : 0.2;
    }

    public List<Sentence.WrittenNumber> askedNumbers(Sentence s) {
        List<Sentence.WrittenNumber> out = new ArrayList<>();
        for (Sentence.WrittenNumber n : s.numbers()) {
            if (isAsked(n)) {
                out.add(n);
            }
        }
        return out;
    }

    public boolean isAsked(Sentence.WrittenNumber n) {
        return q.numbers().stream().anyMatch(a -> n.readings().stream().anyMatch(a::matches));
    }

    /**
     * A number the question quotes as a measure, to state in the answer's lead: when the question quotes a
     * share or a number written with a decimal or thousands mark, a bare integer beside it is a label
     * ("mũi 3", "nhóm 2"), not the figure asked about.
     */
    public boolean isQuotedMeasure(Sentence.WrittenNumber n) {
        List<Question.AskedNumber> measures = q.numbers().stream().filter(a -> a.percent() || MARKED.matcher(a.written()).find()).toList();
        List<Question.AskedNumber> shown = measures.isEmpty() ? q.numbers() : measures;
        return shown.stream().anyMatch(a -> n.readings().stream().anyMatch(a::matches));
    }

    /**
     * The sentence's article reports on an asked province, or the sentence or title names one of them (a district counts).
     */
    public boolean placeFits(Sentence s) {
        if (q.provinces().isEmpty()) {
            // A place named without its province ("huyện Tân Uyên", a name two provinces share) must be named near the sentence.
            return q.places().isEmpty() || q.places().stream().map(Words::of)
                .anyMatch(p -> Words.indexOf(s.words(), p) >= 0 || Words.indexOf(s.titleWords(), p) >= 0
                    || Words.indexOf(s.previousWords(), p) >= 0);
        }
        if (s.provinces().stream().anyMatch(q.provinces()::contains)) {
            return true;
        }
        for (String province : q.provinces()) {
            Gazetteer.Province p = Gazetteer.get().resolve(province).orElse(null);
            if (p == null) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(p.name()));
            if (p.aliases() != null) {
                names.addAll(p.aliases());
            }
            for (String name : names) {
                List<String> f = Words.of(Text.fold(name));
                if (Words.indexOf(s.words(), f) >= 0 || Words.indexOf(s.titleWords(), f) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
