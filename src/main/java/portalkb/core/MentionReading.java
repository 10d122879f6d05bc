package portalkb.core;

import portalkb.core.Gazetteer.PlaceMention;

import java.util.regex.Pattern;

/**
 * How a place's name is written where it stands: with its kind word ("tỉnh Gia Lai", "Kinh Mon district"), plainly, or
 * naming a lower place that shares the name (a commune, a street, a person: "xã Hòa Bình", "phường Long An"); and whether
 * it names a provincial outlet ("Báo Cà Mau", "Điện Biên TV").
 */
enum MentionReading {
    PLAIN, WITH_KIND, LOWER;

    // A province's name that names a lower place: "xã Hòa Bình", "phường Long An", "huyện Quảng Ninh", "Hoa Binh ward".
    private static final Pattern LOWER_BEFORE = Pattern.compile(
        "(?i)(?<!\\p{L})(xã|phường|thị trấn|thôn|ấp|bản|đường|phố|cầu|chợ|huyện|quận|thị xã|tx\\.?)\\s*$");
    private static final Pattern LOWER_AFTER = Pattern.compile("(?i)^\\s+(commune|ward|street|district|town)(?!\\p{L})");
    private static final Pattern PROVINCE_KIND_BEFORE = Pattern.compile("(?i)(?<!\\p{L})(tỉnh|thành phố|tp\\.?|province of|city of)\\s*$");
    private static final Pattern PROVINCE_KIND_AFTER = Pattern.compile("(?i)^(\\s+(province|city)|['’]s)(?!\\p{L})");
    private static final Pattern DISTRICT_KIND_BEFORE = Pattern.compile("(?i)(?<!\\p{L})(huyện|quận|thị xã|thành phố|tp\\.?|tx\\.?)\\s*$");
    private static final Pattern DISTRICT_LOWER_BEFORE = Pattern.compile(
        "(?i)(?<!\\p{L})(?<!thị )(xã|phường|thị trấn|thôn|ấp|bản|đường|phố|cầu|chợ|ông|bà|anh|chị|em)\\s*$");
    private static final Pattern DISTRICT_KIND_AFTER = Pattern.compile("(?i)^\\s+(district|town|city)(?!\\p{L})");
    // "Báo Cà Mau", "Đài PT-TH Gia Lai", "Cổng TTĐT tỉnh Đồng Nai" before the name; "Điện Biên TV", "Nghệ An Online" after it
    private static final Pattern OUTLET_BEFORE = Pattern.compile(
        "(?i)(?<!\\p{L})(báo|đài (pt-th|ptth|phát thanh( -|,)? truyền hình|phát thanh và truyền hình)|truyền hình|cổng (ttđt|thông tin điện tử))(\\s+(tỉnh|thành phố|tp\\.?))?\\s*$");
    private static final Pattern OUTLET_AFTER = Pattern.compile("^\\s*(TV|Online|online)(?!\\p{L})");

    /** The reading of {@code m} in {@code text}; the kind word first: "thành phố Việt Trì" is a city, though "phố" alone is a street. */
    static MentionReading of(String text, PlaceMention m) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
        if (m.isDistrict()) {
            if (DISTRICT_KIND_BEFORE.matcher(before).find() || DISTRICT_KIND_AFTER.matcher(after).find()) {
                return WITH_KIND;
            }
            return DISTRICT_LOWER_BEFORE.matcher(before).find() ? LOWER : PLAIN;
        }
        if (PROVINCE_KIND_BEFORE.matcher(before).find() || PROVINCE_KIND_AFTER.matcher(after).find()) {
            return WITH_KIND;
        }
        return LOWER_BEFORE.matcher(before).find() || LOWER_AFTER.matcher(after).find() ? LOWER : PLAIN;
    }

    static boolean namesOutlet(String text, PlaceMention m) {
        String before = text.substring(Math.max(0, m.start() - 50), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 10));
        return OUTLET_BEFORE.matcher(before).find() || OUTLET_AFTER.matcher(after).find();
    }
}
