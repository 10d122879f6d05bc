package portalkb.index;

import portalkb.figures.FigureExtractor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splits an article into sentence-aware passages of about {@code targetChars}, never cutting a sentence. */
public final class Passages {

    private Passages() {
    }

    public static List<String> split(String body, int targetChars) {
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : FigureExtractor.sentences(body)) {
            if (startsPassage(current, sentence, targetChars)) {
                passages.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(sentence);
        }
        if (current.length() > 0) {
            passages.add(current.toString());
        }
        return passages;
    }

    /** The sentences (indices of {@link FigureExtractor#sentences}) that begin a passage after the first. */
    public static Set<Integer> starts(String body, int targetChars) {
        Set<Integer> starts = new HashSet<>();
        StringBuilder current = new StringBuilder();
        List<String> sentences = FigureExtractor.sentences(body);
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (startsPassage(current, sentence, targetChars)) {
                starts.add(i);
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(sentence);
        }
        return starts;
    }

    private static boolean startsPassage(StringBuilder current, String sentence, int targetChars) {
        return current.length() > 0 && current.length() + sentence.length() > targetChars;
    }
}
