package portalkb.bench;

import portalkb.bench.WorldTemplates.Lang;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/** Numbers as each language writes them: "16.003" and "97,9" in Vietnamese, "16,003" and "97.9" in English. */
final class WorldNumbers {

    private WorldNumbers() {
    }

    static String format(double value, int decimals, Lang lang) {
        String plain = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        String digits = plain.startsWith("-") ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(plain.startsWith("-") ? "-" : "");
        char thousands = lang == Lang.VI ? '.' : ',';
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(thousands);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(lang == Lang.VI ? ',' : '.').append(digits, dot + 1, digits.length());
        }
        return out.toString();
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static double between(Random random, double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
