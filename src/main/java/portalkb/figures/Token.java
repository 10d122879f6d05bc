package portalkb.figures;

/**
 * One token of a sentence: a word, a number (digits with "." or "," groups) or a mark; {@code folded} is its
 * lower-case form without diacritics, {@code start}/{@code end} its span in the sentence, {@code spaceBefore}
 * whether a space separates it from the token before.
 */
record Token(String text, String folded, int start, int end, Kind kind, boolean spaceBefore) {

    enum Kind { WORD, NUMBER, MARK }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean is(String foldedText) {
        return folded.equals(foldedText);
    }

    boolean isMark(String marks) {
        return kind == Kind.MARK && marks.contains(text);
    }

    boolean startsUpper() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
