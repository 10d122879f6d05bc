package portalkb.core;

import portalkb.core.Gazetteer.PlaceMention;
import portalkb.core.Gazetteer.Province;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The province an article is about, read from the article: its address, dateline, title, lead and the places its body
 * names, weighed by position and repetition (districts count for their province), with the source's province as a
 * strong prior for a provincial source and none for a national one. The weights and thresholds are data
 * (province-evidence.yaml). Pure: no I/O beyond its data files.
 */
public final class ProvinceReader {

    /** What the source says: a provincial source's province, a regional source's provinces, or nothing (national). */
    public record Prior(Province province, List<Province> region) {
        public static Prior none() {
            return new Prior(null, List.of());
        }

        public static Prior provincial(Province province) {
            return new Prior(province, List.of());
        }

        public static Prior region(List<Province> provinces) {
            return new Prior(null, List.copyOf(provinces));
        }
    }

    private static final int LEAD_MIN = 80;
    private static final int LEAD_MAX = 400;
    private static final int TITLE_AT = -100_000;
    private static final int DATELINE_AT = -200_000;
    private static final Pattern SEGMENT_END = Pattern.compile("[.!?;](?=\\s)|\\n");
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
    private static final int MAX_REFERENCES = 3;
    private static final Pattern WHOLE_PROVINCE = Pattern.compile("(?<![a-z])(" + String.join("|",
        PlaceWords.get().of(PlaceWords.Level.PROVINCE).whole().stream().map(Pattern::quote).toList()) + ")(?![a-z])");
    private static final Pattern TITLE_START = Pattern.compile("(?i)^(tỉnh|thành phố|tp\\.?|huyện|quận|thị xã|tx\\.?)?\\s*$");

    private final ProvinceSigns signs;
    private final Gazetteer gazetteer = Gazetteer.get();

    public ProvinceReader() {
        this(ProvinceSigns.get());
    }

    ProvinceReader(ProvinceSigns signs) {
        this.signs = signs;
    }

    /** {@code url} may be null (no address sign); title and body as stored (NFC). */
    public ProvinceReading read(String url, String title, String body, Prior prior) {
        Tally tally = new Tally();
        ProvinceSigns.Weights w = signs.weights();
        if (prior.province() != null) {
            tally.add(prior.province(), "source", prior.province().name(), w.source(), false, Integer.MAX_VALUE);
        }
        Province outlet = OutletHosts.province(host(url), signs);
        if (outlet != null) {
            tally.add(outlet, "host", host(url), w.host(), false, Integer.MAX_VALUE);
        }
        String text = body == null ? "" : Text.nfc(body);
        titleSigns(tally, readableCase(Text.nfc(title == null ? "" : title)));
        Dateline dateline = Dateline.read(text, signs);
        // the dateline's own place is weighed as a dateline, not again as the lead's first mention
        int datelineEnd = dateline == null ? 0 : text.indexOf(dateline.written()) + dateline.written().length();
        bodySigns(tally, text, datelineEnd);
        if (dateline != null) {
            datelineSigns(tally, dateline, prior);
        }
        referenceSigns(tally, text);
        for (Province p : prior.region()) {
            if (tally.text(p) > 0) {
                tally.add(p, "region", p.name(), w.region(), false, Integer.MAX_VALUE);
            }
        }
        return tally.decide(signs.decision());
    }

    private void datelineSigns(Tally tally, Dateline d, Prior prior) {
        ProvinceSigns.Weights w = signs.weights();
        switch (d.kind()) {
            case PLACE -> tally.add(d.provinces().get(0), "dateline", d.written(), w.dateline(), true, DATELINE_AT);
            case DESK -> tally.add(d.provinces().get(0), "dateline", d.written(), w.datelineDesk(), true, DATELINE_AT);
            case HOST -> tally.add(d.provinces().get(0), "dateline", d.written(), w.host(), true, DATELINE_AT);
            case CODE -> {
                // a code of several provinces goes to the one other signs (or the region) already point at
                List<Province> supported = d.provinces().stream()
                    .filter(p -> tally.total(p) > 0 || prior.region().contains(p)).toList();
                if (d.provinces().size() == 1 || !supported.isEmpty()) {
                    Province best = (supported.isEmpty() ? d.provinces() : supported).stream()
                        .max(Comparator.comparingDouble(tally::total)).orElseThrow();
                    tally.add(best, "dateline", d.written(), w.datelineCode(), true, DATELINE_AT);
                } else {
                    for (Province p : d.provinces()) {
                        tally.add(p, "dateline", d.written(), w.datelineCode() / d.provinces().size(), true, DATELINE_AT);
                    }
                }
            }
        }
    }

    private void titleSigns(Tally tally, String title) {
        ProvinceSigns.Weights w = signs.weights();
        Set<Province> seen = new HashSet<>();
        for (PlaceMention m : mentions(title)) {
            Reading r = reading(title, m);
            if (r == Reading.LOWER || !seen.add(m.province())) {
                continue;
            }
            boolean atStart = TITLE_START.matcher(title.substring(0, m.start())).matches();
            double weight = (atStart ? w.titleStart() : w.title()) * (m.isDistrict() ? w.district() : 1)
                + (r == Reading.WITH_KIND ? w.kindWord() : 0);
            tally.add(m.province(), atStart ? "title start" : "title", title.substring(m.start(), m.end()), weight, true,
                TITLE_AT + m.start());
        }
    }

    private void bodySigns(Tally tally, String body, int from) {
        ProvinceSigns.Weights w = signs.weights();
        List<PlaceMention> all = mentions(body).stream().filter(m -> m.start() >= from).toList();
        int leadEnd = leadEnd(body);
        List<Integer> segmentEnds = segmentEnds(body);
        Map<Integer, Set<Province>> bySegment = new LinkedHashMap<>();
        for (PlaceMention m : all) {
            bySegment.computeIfAbsent(segment(segmentEnds, m.start()), k -> new HashSet<>()).add(m.province());
        }
        Map<Province, Integer> leadCount = new LinkedHashMap<>();
        Map<Province, Double> bodySum = new LinkedHashMap<>();
        Map<Province, Integer> bodyCount = new LinkedHashMap<>();
        Set<Province> outlets = new HashSet<>();
        for (PlaceMention m : all) {
            Reading r = reading(body, m);
            if (r == Reading.LOWER) {
                continue;
            }
            Province p = m.province();
            String written = body.substring(m.start(), m.end());
            if (!m.isDistrict() && isOutlet(body, m) && outlets.add(p)) {
                tally.add(p, "outlet", written, w.outlet(), true, m.start());
            }
            double dilution = 1 / Math.sqrt(bySegment.get(segment(segmentEnds, m.start())).size());
            double place = m.isDistrict() ? (r == Reading.WITH_KIND ? w.district() : w.bareDistrict()) : 1;
            double kind = !m.isDistrict() && r == Reading.WITH_KIND ? w.kindWord() : 0;
            if (m.start() < leadEnd && leadCount.merge(p, 1, Integer::sum) <= 2) {
                tally.add(p, "lead", written, w.lead() * dilution * place + kind, true, m.start());
            } else {
                double position = 1 - 0.5 * m.start() / Math.max(1, body.length());
                bodySum.merge(p, position * dilution * place + kind, Double::sum);
                bodyCount.merge(p, 1, Integer::sum);
                tally.touch(p, m.start());
            }
        }
        bodySum.forEach((p, sum) -> tally.add(p, "body", bodyCount.get(p) + (bodyCount.get(p) == 1 ? " mention" : " mentions"),
            w.body() * Math.log1p(sum), true, Integer.MAX_VALUE));
    }

    /** "Toàn tỉnh có …", "UBND thành phố giao": the text goes on about the province its words weigh most. */
    private void referenceSigns(Tally tally, String body) {
        Matcher m = WHOLE_PROVINCE.matcher(Text.fold(body));
        int references = 0;
        while (m.find() && references < MAX_REFERENCES) {
            references++;
        }
        Province leading = tally.leading();
        if (references > 0 && leading != null) {
            tally.add(leading, "reference", references + (references == 1 ? " reference" : " references") + " to the whole province",
                signs.weights().reference() * references, true, Integer.MAX_VALUE);
        }
    }

    private enum Reading { PLAIN, WITH_KIND, LOWER }

    /** How a name is written: with its kind word, plainly, or naming a lower place (a commune, a street, a person). */
    private static Reading reading(String text, PlaceMention m) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
        // the kind word first: "thành phố Việt Trì" is a city, though "phố" alone is a street
        if (m.isDistrict()) {
            if (DISTRICT_KIND_BEFORE.matcher(before).find() || DISTRICT_KIND_AFTER.matcher(after).find()) {
                return Reading.WITH_KIND;
            }
            return DISTRICT_LOWER_BEFORE.matcher(before).find() ? Reading.LOWER : Reading.PLAIN;
        }
        if (PROVINCE_KIND_BEFORE.matcher(before).find() || PROVINCE_KIND_AFTER.matcher(after).find()) {
            return Reading.WITH_KIND;
        }
        return LOWER_BEFORE.matcher(before).find() || LOWER_AFTER.matcher(after).find() ? Reading.LOWER : Reading.PLAIN;
    }

    private static boolean isOutlet(String text, PlaceMention m) {
        String before = text.substring(Math.max(0, m.start() - 50), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 10));
        return OUTLET_BEFORE.matcher(before).find() || OUTLET_AFTER.matcher(after).find();
    }

    private List<PlaceMention> mentions(String text) {
        return gazetteer.places(text);
    }

    /** The lead: the first paragraph, or the first ones up to {@link #LEAD_MIN} characters; at most {@link #LEAD_MAX}. */
    private static int leadEnd(String body) {
        int end = body.indexOf('\n', LEAD_MIN);
        return Math.min(end < 0 ? body.length() : end, LEAD_MAX);
    }

    private static List<Integer> segmentEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        Matcher m = SEGMENT_END.matcher(text);
        while (m.find()) {
            ends.add(m.end());
        }
        ends.add(Integer.MAX_VALUE);
        return ends;
    }

    private static int segment(List<Integer> ends, int offset) {
        int i = java.util.Collections.binarySearch(ends, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** A title in capitals ("THỰC TRẠNG … TẠI SƠN LA") as words with a capital first letter, so names are found. */
    static String readableCase(String title) {
        long letters = title.codePoints().filter(Character::isLetter).count();
        long upper = title.codePoints().filter(Character::isUpperCase).count();
        if (letters < 10 || upper < 0.8 * letters) {
            return title;
        }
        StringBuilder out = new StringBuilder(title.length());
        boolean wordStart = true;
        for (int i = 0; i < title.length(); ) {
            int c = title.codePointAt(i);
            i += Character.charCount(c);
            out.appendCodePoint(wordStart ? c : Character.toLowerCase(c));
            wordStart = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Each province's score (all signs) and text score (the article's own words), its signs and its first place. */
    private static final class Tally {
        private final Map<Province, double[]> scores = new LinkedHashMap<>();
        private final Map<Province, Integer> firstAt = new LinkedHashMap<>();
        private final List<ProvinceReading.Sign> signs = new ArrayList<>();

        void add(Province p, String kind, String written, double weight, boolean fromText, int at) {
            double[] s = scores.computeIfAbsent(p, k -> new double[2]);
            s[0] += weight;
            if (fromText) {
                s[1] += weight;
            }
            touch(p, at);
            signs.add(new ProvinceReading.Sign(p.name(), kind, written, Math.round(weight * 100) / 100.0));
        }

        void touch(Province p, int at) {
            firstAt.merge(p, at, Math::min);
        }

        double total(Province p) {
            double[] s = scores.get(p);
            return s == null ? 0 : s[0];
        }

        /** The province the article's own words weigh most so far (the first named on a tie), or null. */
        Province leading() {
            return scores.keySet().stream().filter(p -> text(p) > 0)
                .min(Comparator.comparingDouble((Province p) -> -text(p)).thenComparingInt(p -> firstAt.getOrDefault(p, Integer.MAX_VALUE)))
                .orElse(null);
        }

        double text(Province p) {
            double[] s = scores.get(p);
            return s == null ? 0 : s[1];
        }

        ProvinceReading decide(ProvinceSigns.Decision decision) {
            List<Province> ranked = new ArrayList<>(scores.keySet());
            ranked.sort(Comparator.comparingDouble((Province p) -> -total(p)).thenComparingInt(p -> firstAt.getOrDefault(p, Integer.MAX_VALUE)));
            if (ranked.isEmpty() || total(ranked.get(0)) < decision.minScore()) {
                return new ProvinceReading(null, List.of(), 0, evidence(ranked.stream().limit(2).toList()));
            }
            Province primary = ranked.get(0);
            double second = ranked.size() > 1 ? total(ranked.get(1)) : 0;
            double confidence = Math.round(100 * total(primary) / (total(primary) + second + 1)) / 100.0;
            List<Province> reported = new ArrayList<>(List.of(primary));
            for (Province p : ranked.subList(1, ranked.size())) {
                if (text(p) >= decision.minScore() && text(p) >= decision.reportedShare() * text(primary)) {
                    reported.add(p);
                }
            }
            List<Province> explained = new ArrayList<>(reported);
            if (ranked.size() > 1 && !reported.contains(ranked.get(1))) {
                explained.add(ranked.get(1));
            }
            return new ProvinceReading(primary, List.copyOf(reported), confidence, evidence(explained));
        }

        private List<ProvinceReading.Sign> evidence(List<Province> provinces) {
            Set<String> names = new HashSet<>();
            provinces.forEach(p -> names.add(p.name()));
            return signs.stream().filter(s -> names.contains(s.province()))
                .sorted(Comparator.comparingDouble(ProvinceReading.Sign::weight).reversed()).limit(12).toList();
        }
    }
}
