package portalkb.figures;

import portalkb.core.Gazetteer;
import portalkb.core.PlaceWords;
import portalkb.core.PlaceWords.Level;

import java.util.ArrayList;
import java.util.List;

/**
 * The places a sentence names, each with its level: a kind word and a name ("huyện Pác Nặm", "TP. Vũng Tàu",
 * "Cai Nuoc district", "Bệnh viện Đa khoa tỉnh"), a whole unit ("toàn tỉnh", "cả nước", "toàn huyện"), or a
 * name the gazetteer knows (a province: the article's own or another; a district).
 */
final class Places {

    /** A place named at tokens [start, end); {@code name} as written (the whole phrase for a unit without a name). */
    record Place(int start, int end, Level level, String name) {
    }

    private final Phrases[] before = new Phrases[Level.values().length];
    private final Phrases[] after = new Phrases[Level.values().length];
    private final Phrases[] whole = new Phrases[Level.values().length];

    Places() {
        PlaceWords words = PlaceWords.get();
        for (Level l : Level.values()) {
            before[l.ordinal()] = new Phrases(words.of(l).before());
            after[l.ordinal()] = new Phrases(words.of(l).after());
            whole[l.ordinal()] = new Phrases(words.of(l).whole());
        }
    }

    /**
     * The places of a sentence in text order, without overlaps; {@code province}: the article's, or null. Vietnamese
     * kind words come before a name ("huyện X"), English ones after it ("X district"): each text is read with its own.
     */
    List<Place> find(Tokens t, String province, String lang) {
        List<Place> out = new ArrayList<>();
        boolean english = "en".equals(lang);
        for (int i = 0; i < t.size(); i++) {
            Place p = at(t, i, province, english);
            if (p != null) {
                out.add(p);
                i = p.end() - 1;
            }
        }
        addListedNames(t, out);
        addLocalities(t, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * "các địa phương còn lại từ 82,2% trở lên", "the other localities": the rest of a list of places, at the level of the
     * places the list named.
     */
    private void addLocalities(Tokens t, List<Place> found) {
        for (int i = 0; i + 1 < t.size(); i++) {
            boolean vi = t.word(i).equals("dia") && t.word(i + 1).equals("phuong") && Regexes.matches(t.word(i - 1), "cac|nhung|nhieu");
            boolean en = Regexes.matches(t.word(i), "localities|others") && Regexes.matches(t.word(i - 1), "other|remaining|the");
            if ((vi || en) && !covered(found, i, i + 2)) {
                Level kind = kindNamedBefore(t, i, found);
                if (kind != null) {
                    int start = vi ? i - 1 : i - 1;
                    int end = vi ? i + 2 : i + 1;
                    found.add(new Place(start, end, kind, t.text(start, end)));
                }
            }
        }
    }

    private static final String LIST_VERBS = "tang|giam|dat|voi|co|la|chi|moi|con|len|xuong|ghi|nhan|tren|gan|hon|khoang|duoi|xap|xi"
        + "|increased|rose|fell|reached|with|had|has|about|nearly|over";

    /**
     * Names in a list of places of one kind, written without their kind word ("các huyện: Châu Phú tăng 18,4 lần, Tân
     * Châu tăng 18 lần", "3 xã đạt tỷ lệ cao là Tuấn Việt 90%, Kim Tân 88%"): capitalised words right before a number
     * (or a verb and a number) take the level of the kind word named earlier in the sentence.
     */
    private void addListedNames(Tokens t, List<Place> found) {
        for (int i = 1; i < t.size(); i++) {
            if (!t.get(i).isNumber()) {
                continue;
            }
            int k = i - 1;
            while (k > 0 && k > i - 4 && Regexes.matches(t.word(k), LIST_VERBS)) {
                k--;
            }
            int end = k + 1;
            int start = end;
            while (start - 1 >= 0 && t.get(start - 1).isWord() && t.get(start - 1).startsUpper() && end - start < 4) {
                start--;
            }
            if (start == end || start == 0 || covered(found, start, end) || t.get(start).text().equals(t.get(start).text().toUpperCase())) {
                continue; // an acronym ("BHYT") is no place name
            }
            Level kind = kindNamedBefore(t, start, found);
            if (kind != null) {
                found.add(new Place(start, end, kind, t.text(start, end)));
            }
        }
    }

    private static boolean covered(List<Place> found, int start, int end) {
        return found.stream().anyMatch(p -> p.start() < end && start < p.end());
    }

    /**
     * The level of the last district or commune named before {@code start} ("huyện X", "các xã"), or of the places a count
     * before it counts ("có 3 xã đạt tỷ lệ cao là …"); null when none.
     */
    private Level kindNamedBefore(Tokens t, int start, List<Place> found) {
        Level kind = null;
        int at = -1;
        for (Place p : found) {
            if (p.end() <= start && (p.level() == Level.DISTRICT || p.level() == Level.COMMUNE) && p.start() > at) {
                kind = p.level();
                at = p.start();
            }
        }
        for (int i = 0; i + 1 < start; i++) {
            if ((t.get(i).isNumber() || Regexes.matches(t.word(i), "mot|hai|ba|bon|nam|cac|nhieu")) && i > at) {
                int noun = t.word(i + 1).equals("so") ? i + 2 : i + 1; // "một số xã"
                for (Level l : List.of(Level.DISTRICT, Level.COMMUNE)) {
                    int n = before[l.ordinal()].startingAt(t, noun);
                    if (n > 0 && (t.in(noun + n) && !t.get(noun + n).startsUpper()) && Regexes.matches(t.word(noun), "huyen|xa|phuong|quan")) {
                        kind = l;
                        at = i;
                    }
                }
            }
        }
        return kind;
    }

    private Place at(Tokens t, int i, String province, boolean english) {
        if (!t.get(i).isWord()) {
            return null;
        }
        // facility first: "Trung tâm Y tế huyện X" is one facility, not a district
        for (Level l : english ? List.<Level>of() : List.of(Level.FACILITY, Level.COMMUNE, Level.DISTRICT, Level.PROVINCE)) {
            int n = before[l.ordinal()].startingAt(t, i);
            if (n == 0) {
                continue;
            }
            int nameEnd = nameEnd(t, i + n, l == Level.FACILITY);
            if (nameEnd > i + n) {
                String name = t.text(i + n, nameEnd);
                return new Place(i, nameEnd, levelOfNamed(l, name, province), t.text(i, nameEnd));
            }
        }
        for (Level l : List.of(Level.NATIONAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.FACILITY)) {
            int n = whole[l.ordinal()].startingAt(t, i);
            if (n > 0) {
                return new Place(i, i + n, l, t.text(i, i + n));
            }
        }
        if (t.get(i).startsUpper()) {
            int nameEnd = nameEnd(t, i, false);
            // "Cai Nuoc district", "Kinh Mon district"
            for (Level l : List.of(Level.FACILITY, Level.DISTRICT, Level.COMMUNE, Level.PROVINCE)) {
                int n = after[l.ordinal()].startingAt(t, nameEnd);
                if (n > 0 && nameEnd > i) {
                    return new Place(i, nameEnd + n, levelOfNamed(l, t.text(i, nameEnd), province), t.text(i, nameEnd + n));
                }
            }
            for (int end = Math.min(nameEnd, i + 4); end > i; end--) {
                Place known = known(t, i, end, province);
                if (known != null) {
                    return known;
                }
            }
        }
        return null;
    }

    /** A name the gazetteer knows: a province (the article's or another) or a district. */
    private static Place known(Tokens t, int from, int to, String province) {
        String name = t.text(from, to);
        Gazetteer g = Gazetteer.get();
        var p = g.resolve(name);
        if (p.isPresent() && name.length() > 3) {
            boolean own = province == null || g.resolve(province).map(o -> o.id().equals(p.get().id())).orElse(false);
            return new Place(from, to, own ? Level.PROVINCE : Level.OTHER_PROVINCE, name);
        }
        if (to - from >= 2 && g.provinceOfDistrict(name).isPresent()) {
            return new Place(from, to, Level.DISTRICT, name);
        }
        return null;
    }

    /** A named kind of place: "thành phố Đà Nẵng" is a province, "TP Tuy Hòa" a district; another province's name is other. */
    private static Level levelOfNamed(Level kind, String name, String province) {
        if (kind == Level.DISTRICT || kind == Level.PROVINCE) {
            Gazetteer g = Gazetteer.get();
            var p = g.resolve(name);
            if (p.isPresent() && (kind == Level.PROVINCE || !"tỉnh".equals(p.get().kind()))) {
                boolean own = province == null || g.resolve(province).map(o -> o.id().equals(p.get().id())).orElse(false);
                return own ? Level.PROVINCE : Level.OTHER_PROVINCE;
            }
        }
        return kind;
    }

    /** The end of a name written from {@code from}: capitalised words (a facility's may hold "huyện X", "tỉnh"). */
    private static int nameEnd(Tokens t, int from, boolean facility) {
        int i = from;
        if (i < t.size() && t.get(i).isMark(".")) {
            i++; // "TP. Vũng Tàu"
        }
        int start = i;
        while (i < t.size() && i - start < 6) {
            Token tok = t.get(i);
            boolean nameWord = tok.isWord() && (tok.startsUpper() || (facility && Regexes.matches(tok.folded(), "huyen|tinh|thanh|pho|xa|quan|da|khoa|y|te")));
            boolean joined = tok.isMark("-") && i + 1 < t.size() && t.get(i + 1).startsUpper() && i > start;
            if (!nameWord && !joined) {
                break;
            }
            i++;
        }
        if (facility && i == start) {
            return from; // a facility word without a name is a kind of facility, not one
        }
        return i == start ? from : i;
    }
}
