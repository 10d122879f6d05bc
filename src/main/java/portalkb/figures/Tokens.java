package portalkb.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sentence as tokens, with the folded sentence they were read from (same length as the sentence). */
final class Tokens {

    private static final Pattern TOKEN = Pattern.compile("(\\d+(?:[.,]\\d+)*)|([\\p{L}\\p{M}][\\p{L}\\p{M}'’]*)|(\\S)");

    private final String sentence;
    private final String folded;
    private final List<Token> list;

    private Tokens(String sentence, String folded, List<Token> list) {
        this.sentence = sentence;
        this.folded = folded;
        this.list = list;
    }

    static Tokens of(String sentence) {
        String folded = FigureExtractor.foldKeepingLength(sentence);
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        int last = 0;
        while (m.find()) {
            Token.Kind kind = m.group(1) != null ? Token.Kind.NUMBER : m.group(2) != null ? Token.Kind.WORD : Token.Kind.MARK;
            boolean space = m.start() > last || out.isEmpty();
            out.add(new Token(m.group(), folded.substring(m.start(), m.end()).replace('’', '\''), m.start(), m.end(), kind, space));
            last = m.end();
        }
        return new Tokens(sentence, folded, out);
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
