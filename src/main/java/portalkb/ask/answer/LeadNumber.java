package portalkb.ask.answer;

import portalkb.ask.read.Candidate;
import portalkb.core.WrittenNumbers;
import portalkb.figures.Glossary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * A quantity as an answer's lead states it, in the answer's language: an English answer read from a Vietnamese
 * sentence writes "97.9%", "147,645 people", "10.8 doctors per 10,000 people" where the sentence writes "97,9%",
 * "147.645 người", "10,8 bác sĩ/vạn dân" (units by the glossary's unitNames; others as written). The quoted
 * sentence keeps the article's own writing.
 */
final class LeadNumber {

    private LeadNumber() {
    }

    static String of(Candidate c, String answerLang) {
        boolean fromVietnamese = !c.sentence().english();
        if (!"en".equals(answerLang) || !fromVietnamese || c.written().contains("/")) {
            return c.withUnit();
        }
        List<Double> readings = WrittenNumbers.readings(c.written(), false);
        if (readings.isEmpty()) {
            return c.withUnit();
        }
        String unit = c.withUnit().substring(c.written().length());
        String named = Glossary.get().unitNames().get(unit.strip().toLowerCase(Locale.ROOT));
        String english = named == null ? unit : (unit.startsWith(" ") ? " " : "") + named;
        return english(readings.get(0), decimals(c.written())) + english;
    }

    /** Digits after a Vietnamese decimal comma ("97,9" → 1; "147.645" → 0). */
    private static int decimals(String written) {
        int comma = written.lastIndexOf(',');
        return comma < 0 ? 0 : written.length() - comma - 1;
    }

    private static String english(double value, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return f.format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }
}
