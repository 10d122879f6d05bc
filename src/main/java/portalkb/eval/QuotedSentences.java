package portalkb.eval;

import portalkb.core.Text;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a quoted text carries an evidence sentence: at least 80% of the sentence's words, spelling folded. */
final class QuotedSentences {

    private static final double COVERED = 0.8;

    private QuotedSentences() {
    }

    static boolean covers(String quote, String evidence) {
        if (quote == null || evidence == null || evidence.isBlank()) {
            return false;
        }
        Set<String> quoted = words(quote);
        String[] wanted = Text.fold(evidence).split("[^\\p{L}\\p{N}]+");
        long nonEmpty = Arrays.stream(wanted).filter(w -> !w.isEmpty()).count();
        long found = Arrays.stream(wanted).filter(w -> !w.isEmpty() && quoted.contains(w)).count();
        return nonEmpty > 0 && found >= COVERED * nonEmpty;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(Text.fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
