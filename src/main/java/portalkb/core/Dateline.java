package portalkb.core;

import portalkb.core.Gazetteer.Province;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline an article's body starts with, and the provinces it names: a place ("Lạng Sơn –", "Lao Cai (VNA) –",
 * "Điện Biên TV -"), a news agency's desk ("Hanoi (VNA) –"), a paper's code ("(HG) –", "(BL-TA)", "TTH - ", "LSO-") or
 * a paper's address ("(kontumtv.vn) –").
 */
record Dateline(Kind kind, String written, List<Province> provinces) {

    enum Kind { PLACE, DESK, CODE, HOST }

    // "(HG) -", "(BL-TA)", "(kontumtv.vn) –", "(Cadn.com.vn) -"
    private static final Pattern PARENTHESISED = Pattern.compile("^\\(([^()\\n]{1,40})\\)");
    // "Lao Cai (VNA) –", "Hanoi (VNA) –", "Đà Nẵng (TTXVN) -"
    private static final Pattern AGENCY = Pattern.compile("^([^()\\n.:]{2,40}?)\\s*\\((\\p{Lu}{2,6})\\)\\s*[-–—]");
    // "TTH - ", "Điện Biên TV - ", "Lạng Sơn –", "LSO-Trong", "YBĐT - "
    private static final Pattern LEADING = Pattern.compile("^([^\\n()]{2,30}?)\\s*[-–—]");
    private static final Pattern HOST = Pattern.compile("(?i)^[a-z0-9-]+(\\.[a-z0-9-]+)+$");

    /** The dateline at the start of {@code body}, or null when it starts with none the gazetteer or the codes place. */
    static Dateline read(String body, ProvinceSigns signs) {
        String start = body.stripLeading().replaceFirst("^[-–—]\\s*", "");
        Gazetteer g = Gazetteer.get();
        Matcher m = PARENTHESISED.matcher(start);
        if (m.find()) {
            String inner = m.group(1).strip();
            if (HOST.matcher(inner).matches()) {
                Province p = OutletHosts.province(inner.toLowerCase(), signs);
                return p == null ? null : new Dateline(Kind.HOST, m.group(), List.of(p));
            }
            Dateline code = code(inner, m.group(), signs);
            if (code != null) {
                return code;
            }
            String written = m.group();
            return g.resolve(inner).map(p -> new Dateline(Kind.PLACE, written, List.of(p))).orElse(null);
        }
        m = AGENCY.matcher(start);
        if (m.find()) {
            Province p = place(m.group(1));
            if (p == null) {
                return null;
            }
            boolean desk = signs.agencies().contains(m.group(2)) && signs.desks().stream()
                .anyMatch(d -> g.resolve(d).orElseThrow() == p);
            return new Dateline(desk ? Kind.DESK : Kind.PLACE, m.group(), List.of(p));
        }
        m = LEADING.matcher(start);
        if (m.find()) {
            String inner = m.group(1).strip();
            Dateline code = code(inner, m.group(), signs);
            if (code != null) {
                return code;
            }
            Province p = place(inner);
            return p == null ? null : new Dateline(Kind.PLACE, m.group(), List.of(p));
        }
        return null;
    }

    /** "BL-TA": the paper's code is before the reporter's initials; "BR-VT" is a code whole. */
    private static Dateline code(String inner, String written, ProvinceSigns signs) {
        for (String candidate : List.of(inner, inner.split("[-–]")[0].strip())) {
            List<String> names = signs.datelineCodes().get(candidate);
            if (names != null) {
                List<Province> provinces = new ArrayList<>();
                names.forEach(n -> provinces.add(Gazetteer.get().resolve(n).orElseThrow()));
                return new Dateline(Kind.CODE, written, List.copyOf(provinces));
            }
        }
        return null;
    }

    /** A dateline's place: a province as any spelling ("Lao Cai"), or a name in it ("Điện Biên TV"). */
    private static Province place(String text) {
        Gazetteer g = Gazetteer.get();
        Province p = g.resolve(text).orElse(null);
        if (p != null) {
            return p;
        }
        List<Gazetteer.PlaceMention> named = g.places(text);
        return named.size() == 1 && !named.get(0).isDistrict() ? named.get(0).province() : null;
    }
}
