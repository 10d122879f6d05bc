package portalkb.ask.read;

import portalkb.ask.question.Question;
import portalkb.core.Text;
import portalkb.figures.MeasureKeys;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a candidate holds the asked measure's most telling word (the rarest in this knowledge base: "nghèo" of
 * "hộ nghèo", "huyết" of "ca sốt xuất huyết") in what the figure reader read the number as, its sentence, title or
 * the sentence before. A feature the fitted model weighs; alone as a gate it cut a third of the right answers of
 * the development questions (an English question's words put into Vietnamese are not always the article's). As a
 * gate, for a Vietnamese question, it holds with the figure reader: a number not read as the catalogued metric
 * asked whose context lacks the telling word is no answer ({@link #rulesOut}). English sentences hold it by default:
 * the asked measure's words are Vietnamese.
 */
final class TellingMeasure {

    private final String telling;
    private final boolean vietnameseQuestion;

    TellingMeasure(Question q, SentenceScorer scorer) {
        // a word no passage holds tells nothing (an English word the question's rendering left as it was)
        this.telling = q.measure().words().stream().filter(scorer::seen).max(Comparator.comparingDouble(scorer::rarity)).orElse(null);
        this.vietnameseQuestion = !q.measure().rendered(); // the question's own language, not the answer's
    }

    /** The measure asked does not hold: the figure reader read the number as another measure, and its context lacks the telling word. */
    boolean rulesOut(Candidate c) {
        if (!vietnameseQuestion) {
            return false; // an English question's measure words are a rendering, partly left in English: too loose to rule out
        }
        // a common word shared ("ca" of "ca Covid-19" and "ca sốt xuất huyết") is no overlap: only the asked metric counts
        boolean readAsOther = c.figure() != null && c.features().getOrDefault("metricMatch", 0.0) <= 0;
        return readAsOther && c.features().getOrDefault("tellingMeasureHeld", 1.0) == 0;
    }

    /** The measure words of a sentence, its title and the sentence before: read once per sentence. */
    Set<String> context(Sentence s) {
        Set<String> context = new HashSet<>(MeasureKeys.words(Text.fold(s.text())));
        for (List<String> words : List.of(s.titleWords(), s.previousWords())) {
            context.addAll(MeasureKeys.words(String.join(" ", words)));
        }
        return context;
    }

    /** {@code context}: the sentence's, from {@link #context}. */
    boolean heldBy(Sentence s, Set<String> context, portalkb.figures.Figure figure) {
        if (telling == null || s.english() || context.contains(telling)) {
            return true;
        }
        return figure != null && figure.measure() != null && MeasureKeys.words(Text.fold(figure.measure())).contains(telling);
    }
}
