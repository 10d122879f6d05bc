package portalkb.figures;

/**
 * A number of a sentence that may state a quantity: tokens [{@code first}, {@code last}] hold it ("272/706",
 * "3 - 4", "42 out of 85", "hai"); {@code written} is it as written, {@code value} its value (a ratio's part,
 * a range's low end) before any magnitude word.
 */
record NumberMention(int first, int last, String written, double value, Shape shape) {

    enum Shape { NUMBER, RATIO, RANGE, WORD }
}
