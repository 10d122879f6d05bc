package portalkb.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers written one after another for as many measures named before them: "the rates of A and B were 95.95 and 76
 * percent, respectively", "tỷ lệ A và tỷ lệ B lần lượt là 7,15% và 71,6%". The n-th number takes the n-th measure,
 * and a number written without its unit takes the unit written after the last ("80.6 and 26.6 percent").
 */
final class Respectively {

    private static final Pattern JOINER = Pattern.compile(",|va|and|&");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:,\\s*(?:and\\s+|và\\s+)?|\\s+and\\s+|\\s+và\\s+)\\s*");

    /** For each mention: the index of the first mention of its run, and its position in the run; runs of one are none. */
    private final int[] runStart;
    private final int[] runSize;
    private final String[] unit;
    private final boolean marked;
    private final List<NumberMention> mentions;
    private final String lang;

    private Respectively(List<NumberMention> mentions, int[] runStart, int[] runSize, String[] unit, boolean marked, String lang) {
        this.mentions = mentions;
        this.runStart = runStart;
        this.runSize = runSize;
        this.unit = unit;
        this.marked = marked;
        this.lang = lang;
    }

    static Respectively of(Tokens t, List<NumberMention> mentions, String lang) {
        int n = mentions.size();
        int[] start = new int[n];
        int[] size = new int[n];
        String[] unit = new String[n];
        for (int i = 0; i < n; i++) {
            start[i] = i > 0 && joined(t, mentions.get(i - 1), mentions.get(i)) ? start[i - 1] : i;
        }
        for (int i = 0; i < n; i++) {
            size[start[i]]++;
        }
        for (int i = 0; i < n; i++) {
            size[i] = size[start[i]];
        }
        // a run's members without a unit take the unit written after its last number
        for (int i = 0; i < n; i++) {
            int last = start[i] + size[i] - 1;
            if (size[i] > 1 && i < last) {
                int after = mentions.get(last).last() + 1;
                if (t.in(after) && (t.get(after).isMark("%") || Regexes.matches(t.word(after), "percent|phan"))) {
                    unit[i] = t.get(after).isMark("%") ? "%" : t.word(after).equals("phan") ? "phần trăm" : t.get(after).text();
                }
            }
        }
        String folded = " " + t.folded() + " ";
        boolean marked = folded.contains(" respectively") || folded.contains(" lan luot ");
        return new Respectively(mentions, start, size, unit, marked, lang);
    }

    /** Two numbers with only a joiner between them (and the first one's unit, when it has one). */
    private static boolean joined(Tokens t, NumberMention a, NumberMention b) {
        int between = 0;
        boolean joiner = false;
        for (int i = a.last() + 1; i < b.first(); i++) {
            Token tok = t.get(i);
            if (JOINER.matcher(tok.folded()).matches()) {
                joiner = true;
            } else if (!tok.isMark("%") && !Regexes.matches(tok.folded(), "percent|cent|per")) {
                return false;
            }
            between++;
        }
        return joiner && between <= 3;
    }

    /** The unit a mention without one shares with its run, or null. */
    String sharedUnit(int mention) {
        return unit[mention];
    }

    /**
     * The measure words of a mention in a "respectively" run: its share of the subject before the run's first number,
     * split at its joiners; null when the sentence does not say "respectively" or the parts do not count alike.
     */
    String part(int mention, Tokens t, List<Places.Place> places, MeasureComposer composer) {
        if (!marked || runSize[mention] < 2) {
            return null;
        }
        int first = runStart[mention];
        NumberMention head = mentions.get(first);
        int floor = first > 0 ? Math.max(mentions.get(first - 1).last() + 1, CountedPhrase.after(t, mentions.get(first - 1), lang).end()) : 0;
        int clauseStart = Subject.clauseStart(t, head.first(), floor, lang);
        Subject subject = Subject.of(t, clauseStart, head.first(), places, lang);
        String words = composer.fromFirstHead(t, subject);
        words = words.replaceAll("(?i)\\s*\\b(lần lượt|respectively)\\b.*$", "").strip();
        List<String> parts = new ArrayList<>(Arrays.asList(SPLIT.split(words)));
        parts.removeIf(String::isBlank);
        if (parts.size() != runSize[mention]) {
            return null;
        }
        return parts.get(mention - first);
    }
}
