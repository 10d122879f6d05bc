package portalkb.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers as people write them in Vietnamese or English text, read at the precision written. A grouped
 * number may stand for several values: "147.645" is 147645 in Vietnamese and 147.645 in English;
 * "78,77" is 78.77; "1,401,636" is 1401636. {@link #readings} gives every value, the likelier first.
 */
public final class WrittenNumbers {

    /** A written number: digits with "." or "," groups, not part of a longer number. */
    public static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d+(?:[.,]\\d+)*(?![\\d])");

    private static final Pattern TRAILING_MARKS = Pattern.compile("[.,]+$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,]\\d{3})+");
    private static final Pattern ONE_SEPARATOR = Pattern.compile("\\d+[.,]\\d+");
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern VIETNAMESE_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern ENGLISH_DECIMAL = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern MARKS = Pattern.compile("[.,]");

    private WrittenNumbers() {
    }

    /** Every value {@code written} can stand for; {@code english}: the text writes decimals with a point. */
    public static List<Double> readings(String written, boolean english) {
        String n = TRAILING_MARKS.matcher(written).replaceAll("");
        List<Double> out = new ArrayList<>();
        if (DIGITS.matcher(n).matches()) {
            out.add(Double.parseDouble(n));
            return out;
        }
        boolean grouped = GROUPED.matcher(n).matches();
        boolean oneSeparator = ONE_SEPARATOR.matcher(n).matches();
        if (english) {
            if (ENGLISH_GROUPED.matcher(n).matches()) {
                add(out, n.replace(",", ""));
            }
            if (oneSeparator) {
                add(out, n.replace(',', '.'));
            }
            if (grouped) {
                add(out, MARKS.matcher(n).replaceAll(""));
            }
        } else {
            if (VIETNAMESE_GROUPED.matcher(n).matches()) {
                add(out, n.replace(".", "").replace(',', '.'));
            }
            if (oneSeparator) {
                add(out, n.replace(',', '.'));
            }
            if (grouped) {
                add(out, MARKS.matcher(n).replaceAll(""));
            }
            if (ENGLISH_DECIMAL.matcher(n).matches()) {
                add(out, n.replace(",", ""));
            }
        }
        return out;
    }

    /** True when {@code a} and {@code b} can stand for the same value (each read in either convention). */
    public static boolean same(String a, String b) {
        List<Double> ra = new ArrayList<>(readings(a, false));
        ra.addAll(readings(a, true));
        List<Double> rb = new ArrayList<>(readings(b, false));
        rb.addAll(readings(b, true));
        return ra.stream().anyMatch(x -> rb.stream().anyMatch(y -> Math.abs(x - y) < 1e-9 * Math.max(1, Math.abs(x))));
    }

    private static void add(List<Double> out, String plain) {
        double v = Double.parseDouble(plain);
        if (!out.contains(v)) {
            out.add(v);
        }
    }
}
