package portalkb.ask;

import java.util.List;

/**
 * What a question asks, as far as retrieval and the extractive answerer need: its language, the
 * metric, provinces, years and numbers it names, and its intent.
 */
public record Question(String text, String lang, List<String> metrics, List<String> provinces, List<Integer> years,
                       List<AskedNumber> numbers, Intent intent, Double threshold, boolean above) {

    /** A number as the question writes it: "97.9%" matches 97,9% but not 97,94% or 97,9 bác sĩ. */
    public record AskedNumber(double value, int decimals, boolean percent) {
        public boolean matches(double figure, String unit) {
            if (percent && unit != null && !unit.equals("%")) {
                return false;
            }
            return Math.abs(figure - value) < 0.5 * Math.pow(10, -decimals) + 1e-9;
        }
    }

    /** The metric the question names first (the most specific term wins in the glossary), or null. */
    public String metric() {
        return metrics.isEmpty() ? null : metrics.get(0);
    }

    public enum Intent {
        /** "Which province reached 97.9% …?" */
        WHICH_PROVINCE,
        /** "What was the coverage in Lạng Sơn?" */
        VALUE,
        /** "Compare Lạng Sơn and Yên Bái" */
        COMPARE,
        /** "Which provinces are above 95%?" */
        LIST
    }

    public Question withContext(Question previous) {
        if (previous == null) {
            return this;
        }
        List<String> m = metrics.isEmpty() ? previous.metrics() : metrics;
        List<String> p = provinces;
        Intent i = intent;
        if (p.isEmpty() && intent != Intent.WHICH_PROVINCE && intent != Intent.LIST) {
            p = previous.provinces();
        }
        if (metrics.isEmpty() && !provinces.isEmpty() && intent == Intent.VALUE && previous.intent() == Intent.COMPARE) {
            i = Intent.COMPARE;
        }
        List<Integer> y = years.isEmpty() && provinces.isEmpty() == false ? previous.years() : years;
        if (years.isEmpty() && provinces.isEmpty()) {
            y = previous.years();
        }
        return new Question(text, lang, m, p, y, numbers, i, threshold, above);
    }
}
