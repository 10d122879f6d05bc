package portalkb.figures;

/** One figure found in a text: what it measures, its value and unit, and the sentence that states it. */
public record Figure(String metric, double value, String unit, String raw, Integer year, String sentence, int sentenceOffset) {
}
