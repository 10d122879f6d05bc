package portalkb.figures;

import java.util.ArrayList;
import java.util.List;

/** A sentence as tokens, with the folded sentence they were read from (same length as the sentence). */
final class Tokens {


    private final String sentence;
    private final String folded;
    private final List<Token> list;

    private Tokens(String sentence, String folded, List<Token> list) {
        this.sentence = sentence;
        this.folded = folded;
        this.list = list;
    }

    /**
     * The tokens of {@code (\\d+(?:[.,]\\d+)*)|([\\p{L}\\p{M}][\\p{L}\\p{M}'’]*)|(\\S)} (PatternLoopsTest holds the loop to it): a number ("1.234,5"), a word of letters and marks (with ' or ’ inside), or any
     * other single character that is not a space. A loop, not the pattern: every sentence of every article is read.
     */
    static Tokens of(String sentence) {
        String folded = FigureExtractor.foldKeepingLength(sentence);
        List<Token> out = new ArrayList<>();
        int n = sentence.length();
        int last = 0;
        int i = 0;
        while (i < n) {
            int c = sentence.codePointAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int end;
            Token.Kind kind;
            if (isDigit(c)) {
                end = digitsFrom(sentence, i);
                while (end + 1 < n && (sentence.charAt(end) == '.' || sentence.charAt(end) == ',') && isDigit(sentence.charAt(end + 1))) {
                    end = digitsFrom(sentence, end + 1);
                }
                kind = Token.Kind.NUMBER;
            } else if (isLetterOrMark(c)) {
                end = i + Character.charCount(c);
                while (end < n) {
                    int d = sentence.codePointAt(end);
                    if (!isLetterOrMark(d) && d != '\'' && d != '’') {
                        break;
                    }
                    end += Character.charCount(d);
                }
                kind = Token.Kind.WORD;
            } else {
                end = i + Character.charCount(c);
                kind = Token.Kind.MARK;
            }
            boolean space = i > last || out.isEmpty();
            out.add(new Token(sentence.substring(i, end), folded.substring(i, end).replace('’', '\''), i, end, kind, space));
            last = end;
            i = end;
        }
        return new Tokens(sentence, folded, out);
    }

    /** What the pattern's \\s is: space, tab, line breaks, vertical tab, form feed (not a no-break space). */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsFrom(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetterOrMark(int c) {
        return Character.isLetter(c) || portalkb.core.Text.isMark(c);
    }

    String sentence() {
        return sentence;
    }

    String folded() {
        return folded;
    }

    int size() {
        return list.size();
    }

    Token get(int i) {
        return list.get(i);
    }

    boolean in(int i) {
        return i >= 0 && i < list.size();
    }

    /** The folded token at {@code i}, or "" outside the sentence. */
    String word(int i) {
        return in(i) ? list.get(i).folded() : "";
    }

    /** The sentence as written from token {@code from} to token {@code to} (exclusive), or "" when empty. */
    String text(int from, int to) {
        if (from >= to || !in(from)) {
            return "";
        }
        return sentence.substring(list.get(from).start(), list.get(Math.min(to, list.size()) - 1).end());
    }
}
