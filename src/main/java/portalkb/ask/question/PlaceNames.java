package portalkb.ask.question;

import portalkb.core.Gazetteer;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The places a question names: provinces in any spelling, districts (which name their province), lower places. */
final class PlaceNames {

    /** "huyện Châu Thành A", "xã Đại Thắng", "Long Ho district", "Dai Thang commune": places below a province. */
    private static final Pattern VI_PLACE = Pattern.compile("(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|thôn|bản|ấp)\\s+"
        + "((?:\\p{Lu}[\\p{L}'’]*|\\d+)(?:\\s+(?:\\p{Lu}[\\p{L}'’]*|[A-Z]\\b|\\d+))*)");
    private static final Pattern EN_PLACE = Pattern.compile("((?:\\p{Lu}[\\p{L}'’]*\\s+){1,3})(?:district|commune|ward|town|village)\\b");

    private PlaceNames() {
    }

    /** Places below a province the question names, folded: "huyện Châu Thành A" → "chau thanh a". */
    static List<String> places(String text, List<String> provinces) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> provinceKeys = new LinkedHashSet<>();
        provinces.forEach(p -> provinceKeys.add(Text.fold(p)));
        for (Pattern p : List.of(VI_PLACE, EN_PLACE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = Text.fold(m.group(1)).strip();
                if (!name.isEmpty() && !provinceKeys.contains(name) && Gazetteer.get().resolve(name).isEmpty()) {
                    out.add(name);
                }
            }
        }
        for (Gazetteer.Province p : Gazetteer.get().provinces()) {
            for (String district : p.districts() == null ? List.<String>of() : p.districts()) {
                // "Quảng Ninh" is a district of Quảng Bình and a province: a province's name is the province.
                if (namedAsWhole(text, district) && Gazetteer.get().resolve(district).isEmpty()) {
                    out.add(Text.fold(district));
                }
            }
        }
        return new ArrayList<>(out);
    }

    static String withoutNames(String text, List<String> provinces) {
        String rest = text;
        for (String name : provinces) {
            Gazetteer.Province p = Gazetteer.get().resolve(name).orElseThrow();
            List<String> names = new ArrayList<>(p.aliases() == null ? List.of() : p.aliases());
            names.add(p.name());
            names.addAll(p.districts() == null ? List.of() : p.districts());
            names.sort((x, y) -> y.length() - x.length());
            for (String n : names) {
                rest = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(n) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(rest).replaceAll(" ");
                String plain = Text.fold(n);
                rest = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(plain) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE)
                    .matcher(rest).replaceAll(" ");
            }
        }
        return rest;
    }

    /** Provinces named in any spelling, and provinces of districts named ("Tân Uyên" → Lai Châu), in order of mention. */
    static List<String> provinces(String text) {
        String folded = " " + Text.fold(text).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ") + " ";
        List<String> out = new ArrayList<>();
        Gazetteer g = Gazetteer.get();
        for (Gazetteer.Province p : g.provinces()) {
            List<String> names = new ArrayList<>(p.aliases() == null ? List.of() : p.aliases());
            names.add(p.name());
            for (String name : names) {
                String f = " " + Text.fold(name).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim() + " ";
                // Short names ("Huế") count only with their diacritics: folded, they are common syllables or words.
                boolean named = f.trim().length() >= 4 ? folded.contains(f) && namedAsWritten(text, name) : namedExactly(text, name);
                if (named && !out.contains(p.name())) {
                    out.add(p.name());
                }
            }
            for (String district : p.districts() == null ? List.<String>of() : p.districts()) {
                if (namedAsWhole(text, district) && g.provinceOfDistrict(district).isPresent() && !out.contains(p.name())) {
                    out.add(p.name());
                }
            }
        }
        out.sort((x, y) -> Integer.compare(position(folded, x), position(folded, y)));
        return out;
    }

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * Named in the question's own spelling: each word with the name's diacritics (either tone placement, any case) or
     * with none at all ("lang son"). Folded alike is not enough: "Lạng Sơn là bao nhiêu?" names no Sơn La.
     */
    static boolean namedAsWritten(String text, String name) {
        List<String> want = words(name);
        List<String> have = words(text);
        for (int i = 0; i + want.size() <= have.size(); i++) {
            boolean all = true;
            for (int k = 0; k < want.size() && all; k++) {
                all = sameWord(have.get(i + k), want.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        return Arrays.stream(NOT_A_WORD.split(Text.nfc(text))).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean sameWord(String written, String name) {
        if (!Text.fold(written).equals(Text.fold(name))) {
            return false;
        }
        return written.chars().allMatch(c -> c < 128) || written.equalsIgnoreCase(name)
            || written.equalsIgnoreCase(Text.otherTonePlacement(name));
    }

    private static boolean namedExactly(String text, String name) {
        return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(Text.nfc(name)) + "(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(Text.nfc(text)).find();
    }

    /**
     * Named as a place of its own, not inside a longer name: "Vinh" is named in "TP Vinh" but not in
     * "Trà Vinh" or "Vinh Long".
     */
    static boolean namedAsWhole(String text, String name) {
        String t = Text.nfc(text);
        Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(Text.nfc(name)) + "(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(t);
        while (m.find()) {
            Matcher before = PREVIOUS_WORD.matcher(t.substring(0, m.start()));
            String previous = before.find() ? before.group(1) : "";
            boolean afterName = !previous.isEmpty() && Character.isUpperCase(previous.charAt(0)) && !PLACE_PREFIXES.contains(previous);
            boolean beforeName = t.substring(m.end()).matches("(?s)^ \\p{Lu}.*");
            if (!afterName && !beforeName) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PREVIOUS_WORD = Pattern.compile("(\\S+)\\s$");
    private static final Set<String> PLACE_PREFIXES = Set.of("Huyện", "Quận", "TP", "TP.", "Thành", "TX", "TX.", "Thị", "xã", "phố", "huyện");

    private static int position(String folded, String province) {
        int i = folded.indexOf(" " + Text.fold(province) + " ");
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
