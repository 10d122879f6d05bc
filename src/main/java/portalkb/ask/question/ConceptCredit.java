package portalkb.ask.question;

import java.util.List;

/** How much of a question's concept some words hold: 1 for a form as written, a share for part of a phrase. */
public final class ConceptCredit {

    private ConceptCredit() {
    }

    /** 1 when a form appears as written; a share of its words otherwise (half credit, phrases of two words or more). */
    public static double of(Question.Concept c, List<String> words) {
        double best = 0;
        for (String form : c.forms()) {
            List<String> f = Words.of(form);
            if (f.isEmpty()) {
                continue;
            }
            if (Words.indexOf(words, f) >= 0) {
                return 1;
            }
            if (f.size() >= 2) {
                long present = f.stream().filter(words::contains).count();
                best = Math.max(best, (c.fixed() ? 0.5 : 0.8) * present / f.size());
                // Most of a set phrase as written ("tiêu chí quốc gia về y tế" of "… về y tế xã") is nearly the phrase.
                int run = longestRun(words, f);
                if (run >= 3) {
                    best = Math.max(best, 0.9 * run / f.size());
                }
            }
        }
        return best;
    }

    /** The longest run of the phrase's words, in order and contiguous, that the words hold. */
    public static int longestRun(List<String> words, List<String> phrase) {
        int best = 0;
        for (int i = 0; i < words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                int k = 0;
                while (i + k < words.size() && j + k < phrase.size() && words.get(i + k).equals(phrase.get(j + k))) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }
}
