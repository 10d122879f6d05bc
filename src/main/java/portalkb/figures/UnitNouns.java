package portalkb.figures;

import portalkb.figures.MetricCatalogue.Metric;

import java.util.Map;
import java.util.regex.Pattern;

/** The unit of a figure: the noun written after its number, or its metric's own unit. */
final class UnitNouns {

    // Units kept for figures of no known metric (folded form → display form).
    static final Map<String, String> KNOWN = Map.ofEntries(
        Map.entry("%", "%"), Map.entry("nguoi", "người"), Map.entry("luot", "lượt"), Map.entry("co so", "cơ sở"),
        Map.entry("xa", "xã"), Map.entry("giuong", "giường"), Map.entry("bac si", "bác sĩ"), Map.entry("bac sy", "bác sĩ"),
        Map.entry("truong hop", "trường hợp"), Map.entry("mui", "mũi"), Map.entry("ky thuat", "kỹ thuật"),
        Map.entry("don vi", "đơn vị"), Map.entry("benh vien", "bệnh viện"), Map.entry("tram y te", "trạm y tế"),
        Map.entry("ho", "hộ"), Map.entry("ty dong", "tỷ đồng"), Map.entry("trieu dong", "triệu đồng"),
        Map.entry("ca", "ca"), Map.entry("can bo", "cán bộ"), Map.entry("nhan vien", "nhân viên"),
        Map.entry("benh nhan", "bệnh nhân"), Map.entry("tre", "trẻ"), Map.entry("nhiem vu", "nhiệm vụ"),
        Map.entry("chi tieu", "chỉ tiêu"), Map.entry("giai phap", "giải pháp"));

    private static final Pattern OF_A_WHOLE = Pattern.compile("^/\\s*\\d+\\s+");

    private UnitNouns() {
    }

    /** The unit the text writes after a number: "%", a known unit noun (folded), or null. */
    static String after(String rest) {
        String r = OF_A_WHOLE.matcher(rest.stripLeading()).replaceFirst(""); // "145/151 xã": the unit follows the whole
        if (r.startsWith("%") || r.startsWith("phan tram")) {
            return "%";
        }
        for (int words = 3; words >= 1; words--) {
            String candidate = FigureExtractor.firstWords(r, words);
            if (KNOWN.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A metric with a unit of its own records it when the text writes none, or a noun it accepts, or when
     * its cue was the unit itself; another unit noun after a cue-found number is that noun's ("12 xã").
     */
    static String unit(String noun, Metric metric, boolean byUnit) {
        if ("%".equals(noun)) {
            return "%";
        }
        if (metric != null && metric.unit() != null && (noun == null || byUnit || metric.accepts(noun))) {
            return metric.unit();
        }
        return noun == null ? null : KNOWN.get(noun);
    }
}
