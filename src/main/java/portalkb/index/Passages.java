package portalkb.index;

import portalkb.figures.FigureExtractor;

import java.util.ArrayList;
import java.util.List;

/** Splits an article into sentence-aware passages of about {@code targetChars}, never cutting a sentence. */
public final class Passages {

    private Passages() {
    }

    public static List<String> split(String body, int targetChars) {
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : FigureExtractor.sentences(body)) {
            if (current.length() > 0 && current.length() + sentence.length() > targetChars) {
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
}
