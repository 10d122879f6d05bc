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
        ProvinceTally tally = new ProvinceTally();
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

    private void datelineSigns(ProvinceTally tally, Dateline d, Prior prior) {
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

    private void titleSigns(ProvinceTally tally, String title) {
        ProvinceSigns.Weights w = signs.weights();
        Set<Province> seen = new HashSet<>();
        for (PlaceMention m : mentions(title)) {
            MentionReading r = MentionReading.of(title, m);
            if (r == MentionReading.LOWER || !seen.add(m.province())) {
                continue;
            }
            boolean atStart = TITLE_START.matcher(title.substring(0, m.start())).matches();
            double weight = (atStart ? w.titleStart() : w.title()) * (m.isDistrict() ? w.district() : 1)
                + (r == MentionReading.WITH_KIND ? w.kindWord() : 0);
            tally.add(m.province(), atStart ? "title start" : "title", title.substring(m.start(), m.end()), weight, true,
                TITLE_AT + m.start());
        }
    }

    private void bodySigns(ProvinceTally tally, String body, int from) {
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
            MentionReading r = MentionReading.of(body, m);
            if (r == MentionReading.LOWER) {
                continue;
            }
            Province p = m.province();
            String written = body.substring(m.start(), m.end());
            if (!m.isDistrict() && MentionReading.namesOutlet(body, m) && outlets.add(p)) {
                tally.add(p, "outlet", written, w.outlet(), true, m.start());
            }
            double dilution = 1 / Math.sqrt(bySegment.get(segment(segmentEnds, m.start())).size());
            double place = m.isDistrict() ? (r == MentionReading.WITH_KIND ? w.district() : w.bareDistrict()) : 1;
            double kind = !m.isDistrict() && r == MentionReading.WITH_KIND ? w.kindWord() : 0;
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
    private void referenceSigns(ProvinceTally tally, String body) {
        Province leading = tally.leading();
        if (leading == null) {
            return;
        }
        // folded a paragraph at a time, up to the last reference counted: folding a whole long body was a fifth of this reader
        int references = 0;
        for (int from = 0; from < body.length() && references < MAX_REFERENCES; ) {
            int end = body.indexOf('\n', from);
            end = end < 0 ? body.length() : end;
            Matcher m = WHOLE_PROVINCE.matcher(Text.fold(body.substring(from, end)));
            while (references < MAX_REFERENCES && m.find()) {
                references++;
            }
            from = end + 1;
        }
        if (references > 0) {
            tally.add(leading, "reference", references + (references == 1 ? " reference" : " references") + " to the whole province",
                signs.weights().reference() * references, true, Integer.MAX_VALUE);
        }
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
}
