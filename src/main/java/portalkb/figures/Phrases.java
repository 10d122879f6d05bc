package portalkb.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A class of phrases (folded words) matched token by token: the longest phrase starting or ending at a token. */
final class Phrases {

    private final Map<String, List<String[]>> byFirst = new HashMap<>();
    private final Map<String, List<String[]>> byLast = new HashMap<>();
    private final boolean asWritten;

    Phrases(Collection<String> phrases) {
        this(phrases, false);
    }

    /** {@code asWritten}: the phrases keep their diacritics and match the lower-cased words as written. */
    Phrases(Collection<String> phrases, boolean asWritten) {
        this.asWritten = asWritten;
        for (String p : phrases) {
            String[] words = p.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            byLast.computeIfAbsent(words[words.length - 1], k -> new ArrayList<>()).add(words);
        }
        for (List<String[]> l : byFirst.values()) {
            l.sort((a, b) -> b.length - a.length);
        }
        for (List<String[]> l : byLast.values()) {
            l.sort((a, b) -> b.length - a.length);
        }
    }

    /** Words of the longest phrase starting at token {@code i} (0 when none). */
    int startingAt(Tokens t, int i) {
        for (String[] p : byFirst.getOrDefault(word(t, i), List.of())) {
            if (matches(t, i, p)) {
                return p.length;
            }
        }
        return 0;
    }

    /** Words of the longest phrase ending at token {@code i} inclusive (0 when none). */
    int endingAt(Tokens t, int i) {
        for (String[] p : byLast.getOrDefault(word(t, i), List.of())) {
            if (matches(t, i - p.length + 1, p)) {
                return p.length;
            }
        }
        return 0;
    }

    /** Whether a phrase starts anywhere in tokens [from, to). */
    boolean anyIn(Tokens t, int from, int to) {
        return lastIn(t, from, to) >= 0;
    }

    /** The start of the last phrase found in tokens [from, to) that ends before {@code to}; -1 when none. */
    int lastIn(Tokens t, int from, int to) {
        for (int i = to - 1; i >= Math.max(0, from); i--) {
            int n = startingAt(t, i);
            if (n > 0 && i + n <= to) {
                return i;
            }
        }
        return -1;
    }

    private String word(Tokens t, int i) {
        return asWritten ? (t.in(i) ? t.get(i).text().toLowerCase(java.util.Locale.ROOT) : "") : t.word(i);
    }

    private boolean matches(Tokens t, int from, String[] words) {
        if (from < 0 || from + words.length > t.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!word(t, from + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    static Phrases of(String... phrases) {
        return new Phrases(Arrays.asList(phrases));
    }
}
