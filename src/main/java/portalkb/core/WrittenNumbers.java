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

    private WrittenNumbers() {
    }

    /** Every value {@code written} can stand for; {@code english}: the text writes decimals with a point. */
    public static List<Double> readings(String written, boolean english) {
        String n = written.replaceAll("[.,]+$", "");
        List<Double> out = new ArrayList<>();
        if (n.matches("\\d+")) {
            out.add(Double.parseDouble(n));
            return out;
        }
        boolean grouped = n.matches("\\d{1,3}([.,]\\d{3})+");
        boolean oneSeparator = n.matches("\\d+[.,]\\d+");
        if (english) {
            if (n.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                add(out, n.replace(",", ""));
            }
            if (oneSeparator) {
                add(out, n.replace(',', '.'));
            }
            if (grouped) {
                add(out, n.replaceAll("[.,]", ""));
            }
        } else {
            if (n.matches("\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
                add(out, n.replace(".", "").replace(',', '.'));
            }
            if (oneSeparator) {
                add(out, n.replace(',', '.'));
            }
            if (grouped) {
                add(out, n.replaceAll("[.,]", ""));
            }
            if (n.matches("\\d{1,3}(,\\d{3})+\\.\\d+")) {
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
