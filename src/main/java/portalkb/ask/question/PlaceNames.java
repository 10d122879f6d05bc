package portalkb.ask.question;

import portalkb.core.Gazetteer;
import portalkb.core.Text;
import portalkb.figures.FigureExtractor;
import portalkb.figures.Glossary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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

    /**
     * A place the question names that the gazetteer does not know ("Atlantis"), when it names no known one: a
     * capitalised name where a place is said to be (question-words.yaml: placeBefore), which is no month, no country
     * (notPlaces) and no glossary term.
     */
    static Optional<String> unknown(String text) {
        Matcher m = QuestionWords.INSTANCE.placeBefore().matcher(Text.nfc(text));
        while (m.find()) {
            String name = m.group(1).strip();
            String folded = Text.fold(name);
            boolean known = QuestionWords.INSTANCE.notPlaces().contains(folded) || Gazetteer.get().resolve(name).isPresent()
                || Gazetteer.get().provinceOfDistrict(name).isPresent() || !Gazetteer.get().places(name).isEmpty()
                || !Glossary.get().find(folded).isEmpty();
            if (!known) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
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
                boolean named = f.trim().length() >= 4 ? folded.contains(f) && spelledAlike(text, name) : namedExactly(text, name);
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

    /**
     * Some place in the text writes the name's letters either plainly ("Son La") or with the name's own diacritics
     * ("Sơn La"): "Lạng Sơn là bao nhiêu" writes "Sơn là", the everyday "là", not Sơn La.
     */
    static boolean spelledAlike(String text, String name) {
        String nfc = Text.nfc(text);
        String letters = FigureExtractor.foldKeepingLength(nfc);
        String[] words = Text.fold(name).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![a-z0-9])");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "[^a-z0-9]+").append(Pattern.quote(words[i]));
        }
        Matcher m = Pattern.compile(regex.append("(?![a-z0-9])").toString()).matcher(letters);
        String marks = marks(name);
        while (m.find()) {
            String span = nfc.substring(m.start(), m.end());
            if (span.chars().allMatch(c -> c < 128) || marks(span).equals(marks)) {
                return true;
            }
        }
        return false;
    }

    /** The diacritics of each word, in any placement ("Hoà" and "Hòa" alike): "Sơn La" → "̛ |", "Sơn là" → "̛ |̀". */
    private static String marks(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : java.text.Normalizer.normalize(words, java.text.Normalizer.Form.NFD).split("[^\\p{L}\\p{M}\\d]+")) {
            if (word.isEmpty()) {
                continue;
            }
            StringBuilder own = new StringBuilder();
            word.codePoints().filter(c -> Character.getType(c) == Character.NON_SPACING_MARK || c == 'đ' || c == 'Đ')
                .map(c -> c == 'Đ' ? 'đ' : c).sorted().forEach(own::appendCodePoint);
            out.append(own).append('|');
        }
        return out.toString();
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
