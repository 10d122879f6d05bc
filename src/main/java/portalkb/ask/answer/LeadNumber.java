package portalkb.ask.answer;

import portalkb.ask.read.Candidate;
import portalkb.ask.retrieve.QuestionQueryTransformer;
import portalkb.core.Language;
import portalkb.core.WrittenNumbers;
import portalkb.figures.Glossary;
import portalkb.search.Analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantity as an answer's lead states it, in the answer's language: an English answer read from a Vietnamese
 * sentence writes "97.9%", "147,645 people", "10.8 doctors per 10,000 people" where the sentence writes "97,9%",
 * "147.645 người", "10,8 bác sĩ/vạn dân" (units named by the glossary; one it cannot name quoted as written). The quoted
 * sentence keeps the article's own writing. Every kind of answer writes its figures through here: a quantity's,
 * the figures a which-place answer quotes, a ranking's and a trend's cells.
 */
final class LeadNumber {

    /** A figure as written: its number, then what follows it ("97,9%", "1,4 triệu lượt"). */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+(?:[.,]\\d+)*)(.*)$", Pattern.DOTALL);

    private LeadNumber() {
    }

    static String of(Candidate c, String answerLang) {
        return of(c.written(), c.withUnit(), !c.sentence().english(), answerLang);
    }

    /**
     * A number as a sentence writes it ({@code written}, "97,9") followed by its unit ({@code withUnit}, "97,9%"), in the
     * answer's language: an English answer writes a Vietnamese sentence's number the English way; a pair ("272/706"), a
     * Vietnamese answer and an English sentence's number stay as written.
     */
    static String of(String written, String withUnit, boolean fromVietnamese, String answerLang) {
        if (!"en".equals(answerLang) || !fromVietnamese || written.contains("/") || !withUnit.startsWith(written)) {
            return withUnit;
        }
        List<Double> readings = WrittenNumbers.readings(written, false);
        if (readings.isEmpty()) {
            return withUnit;
        }
        return english(readings.get(0), decimals(written)) + englishUnit(withUnit.substring(written.length()));
    }

    /**
     * What follows a number, in English: a unit the glossary names by its English name ("giường" → "beds", "triệu lượt"
     * → "million visits", see {@link Glossary#englishUnit}); a sign ("%") as written; a unit it cannot name (of a
     * Vietnamese sentence) in quotation marks, as the article writes it (“con”), so that a reader sees it is the article's
     * word.
     */
    static String englishUnit(String unit) {
        String u = unit.strip();
        if (u.chars().noneMatch(Character::isLetter)) {
            return unit;
        }
        String space = unit.startsWith(" ") ? " " : "";
        return space + Glossary.get().englishUnit(u).orElse("\u201c" + u + "\u201d");
    }

    /**
     * A ranking's or trend's cell as the answer's language writes it: the report as its article wrote it ("97,9%"), an
     * English answer's the English way ("97.9%"); without the words as written, its value and unit.
     */
    static String of(Analysis.Report f, String answerLang) {
        boolean fromVietnamese = f.text() == null || !"en".equals(Language.detect(f.text()));
        if (f.raw() != null && !f.raw().isBlank()) {
            Matcher m = LEADING_NUMBER.matcher(f.raw().strip());
            return m.matches() ? of(m.group(1), f.raw().strip(), fromVietnamese, answerLang) : f.raw();
        }
        String unit = f.unit() == null ? "" : "%".equals(f.unit()) ? "%" : " " + f.unit();
        String vietnamese = QuestionQueryTransformer.vietnameseNumber(f.value());
        return of(vietnamese, vietnamese + unit, true, answerLang);
    }

    /** A signed change ("+0,4", "−1,2"; in English "+0.4", "−1.2"). */
    static String signed(double v, String answerLang) {
        String n = QuestionQueryTransformer.vietnameseNumber(Math.abs(v));
        return (v < 0 ? "−" : "+") + of(n, n, true, answerLang);
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
