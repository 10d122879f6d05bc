package portalkb.extract;

import portalkb.core.Gazetteer;
import portalkb.core.Text;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place a table row names: "Huyện Mường Tè", "Mường Tè" under a "Huyện" column, "Xã Bản Lang",
 * "TP. Lai Châu", "Tỉnh Lạng Sơn", "Toàn tỉnh". Provinces and districts are checked against the
 * gazetteer; communes are taken by their "xã / phường / thị trấn" word (the gazetteer has none).
 */
public final class PlaceLabels {

    public enum Level { PROVINCE, DISTRICT, COMMUNE, TOTAL }

    /** {@code name} as written, without its level word; {@code province}: the province (of the district), or null. */
    public record Place(Level level, String name, String province, String label) {
    }

    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d{1,3}|[IVXLC]{1,5}|[a-zđ])\\s*[.)/-]?\\s+(?=\\p{L})");
    private static final Pattern PREFIX = Pattern.compile(
        "^(tỉnh|thành phố|tp\\.?|t\\.p\\.?|huyện|quận|thị xã|tx\\.?|xã|phường|thị trấn|tt\\.?)\\s*(\\p{Lu}.*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TOTAL = Pattern.compile("^(toàn tỉnh|toàn thành phố|tổng cộng|tổng số|tổng|cộng|chung toàn tỉnh|cả tỉnh)\\b.*",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}'’]*(?:[\\s-]+\\p{Lu}[\\p{L}'’]*){0,4}$");

    private static volatile PlaceLabels instance;

    private final Gazetteer gazetteer = Gazetteer.get();
    /** A district's gazetteer spelling and its province's name (null when two provinces have one so named). */
    private record District(String name, String province) {
    }

    /** By exact name (lower case) and, where only one district is written so, without diacritics ("Tam Đường" ≠ "Tam Dương"). */
    private final Map<String, District> byExactName = new HashMap<>();
    private final Map<String, District> byFoldedName = new HashMap<>();

    private PlaceLabels() {
        Map<String, Integer> folded = new HashMap<>();
        for (Gazetteer.Province p : gazetteer.provinces()) {
            for (String d : p.districts()) {
                byExactName.merge(exact(d), new District(d, p.name()), (a, b) -> new District(a.name(), null));
                byFoldedName.put(Text.fold(d), new District(d, p.name()));
                folded.merge(Text.fold(d), 1, Integer::sum);
            }
        }
        folded.forEach((k, n) -> {
            if (n > 1) {
                byFoldedName.remove(k);
            }
        });
    }

    private static String exact(String name) {
        return Text.collapseSpaces(Text.nfc(name)).toLowerCase(Locale.ROOT);
    }

    private Optional<District> knownDistrict(String name) {
        District d = byExactName.get(exact(name));
        return Optional.ofNullable(d != null ? d : byFoldedName.get(Text.fold(name)));
    }

    public static PlaceLabels get() {
        if (instance == null) {
            synchronized (PlaceLabels.class) {
                if (instance == null) {
                    instance = new PlaceLabels();
                }
            }
        }
        return instance;
    }

    /**
     * The place a row label names. {@code columnHeader}: the header of the label's column ("Huyện",
     * "Xã, phường", "Đơn vị"), which tells the level of labels written without one.
     */
    public Optional<Place> read(String label, String columnHeader) {
        if (label == null) {
            return Optional.empty();
        }
        String text = Text.collapseSpaces(Text.nfc(NUMBERING.matcher(label).replaceFirst("")));
        if (text.isEmpty() || text.length() > 60) {
            return Optional.empty();
        }
        if (TOTAL.matcher(text).matches()) {
            return Optional.of(new Place(Level.TOTAL, text, null, text));
        }
        Matcher m = PREFIX.matcher(text);
        if (m.matches()) {
            String word = Text.fold(m.group(1)).replace(".", "").replace(" ", "");
            String name = m.group(2).strip();
            return switch (word) {
                case "xa", "phuong", "thitran", "tt" -> Optional.of(new Place(Level.COMMUNE, name, null, text));
                case "huyen", "quan", "thixa", "tx" -> Optional.of(district(name, text));
                case "tinh" -> gazetteer.resolve(name).map(p -> new Place(Level.PROVINCE, p.name(), p.name(), text));
                // "Thành phố Hồ Chí Minh" is a province; "Thành phố Lai Châu" a district-level city.
                default -> Optional.of(gazetteer.resolve(text).filter(p -> p.kind().equals("thành phố"))
                    .map(p -> new Place(Level.PROVINCE, p.name(), p.name(), text)).orElseGet(() -> district(name, text)));
            };
        }
        if (!NAME.matcher(text).matches()) {
            return Optional.empty();
        }
        String header = columnHeader == null ? "" : Text.fold(columnHeader);
        boolean communeColumn = header.matches("^(ten )?(xa|phuong|thi tran|xa, phuong.*|xa/phuong.*|xa, thi tran.*)$");
        boolean districtColumn = header.matches("^(ten )?(huyen|quan|thi xa|huyen, thanh pho.*|huyen, thi xa.*|huyen/thanh pho.*|huyen/thi xa.*)$");
        if (communeColumn) {
            return Optional.of(new Place(Level.COMMUNE, text, null, text));
        }
        Optional<Gazetteer.Province> province = gazetteer.resolve(text);
        if (districtColumn || province.isEmpty() && knownDistrict(text).isPresent()) {
            return Optional.of(district(text, text));
        }
        return province.map(p -> new Place(Level.PROVINCE, p.name(), p.name(), text));
    }

    private Place district(String name, String label) {
        return knownDistrict(name).map(d -> new Place(Level.DISTRICT, d.name(), d.province(), label))
            .orElseGet(() -> new Place(Level.DISTRICT, name, null, label));
    }
}
