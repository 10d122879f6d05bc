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
 * the sentence before. A feature, not a gate: as a gate it cut a third of the right answers of the development
 * questions (an English question's words put into Vietnamese are not always the article's), so the fitted model
 * weighs it. English sentences hold it by default: the asked measure's words are Vietnamese.
 */
final class TellingMeasure {

    private final String telling;

    TellingMeasure(Question q, SentenceScorer scorer) {
        this.telling = q.measure().words().stream().max(Comparator.comparingDouble(scorer::rarity)).orElse(null);
    }

    boolean heldBy(Sentence s, portalkb.figures.Figure figure) {
        if (telling == null || s.english()) {
            return true;
        }
        Set<String> context = new HashSet<>(MeasureKeys.words(Text.fold(s.text())));
        for (List<String> words : List.of(s.titleWords(), s.previousWords())) {
            context.addAll(MeasureKeys.words(String.join(" ", words)));
        }
        if (figure != null && figure.measure() != null) {
            context.addAll(MeasureKeys.words(Text.fold(figure.measure())));
        }
        return context.contains(telling);
    }
}
