package portalkb.ask;

import java.util.List;

/**
 * What a question asks, as far as retrieval and the extractive answerer need: its language, the
 * metric, provinces, years and numbers it names, and its intent.
 */
public record Question(String text, String lang, String metric, List<String> provinces, List<Integer> years,
                       List<Double> numbers, Intent intent, Double threshold, boolean above) {

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
        String m = metric != null ? metric : previous.metric();
        List<String> p = provinces;
        Intent i = intent;
        if (p.isEmpty() && intent != Intent.WHICH_PROVINCE && intent != Intent.LIST) {
            p = previous.provinces();
        }
        if (metric == null && !provinces.isEmpty() && intent == Intent.VALUE && previous.intent() == Intent.COMPARE) {
            i = Intent.COMPARE;
        }
        List<Integer> y = years.isEmpty() && provinces.isEmpty() == false ? previous.years() : years;
        if (years.isEmpty() && provinces.isEmpty()) {
            y = previous.years();
        }
        return new Question(text, lang, m, p, y, numbers, i, threshold, above);
    }
}
