package portalkb.bench;

import portalkb.bench.WorldFigure.Role;
import portalkb.bench.WorldTemplates.Lang;
import portalkb.bench.WorldTemplates.Measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static portalkb.bench.WorldNumbers.between;
import static portalkb.bench.WorldNumbers.round;

/**
 * One measure's slots in one article: this year's value, last year's and the change, the count beside a share, next
 * year's target, and the distractors a report tells beside them (the country, another province, districts, urban and
 * rural). Slots that cannot be told (nothing changed, too few districts) are left out, and so are the templates
 * that need them.
 */
final class MeasureSlots {

    private final ReportContext c;
    private final Measure m;
    private final Lang lang;
    private final WorldValues values;
    private final int p;
    private final int year;
    private final Random random;
    private final Slots slots;

    private MeasureSlots(ReportContext c, Measure m) {
        this.c = c;
        this.m = m;
        this.lang = c.lang();
        this.values = c.values();
        this.p = c.province().index();
        this.year = c.year();
        this.random = c.random();
        this.slots = new Slots(c.article());
    }

    static Slots of(ReportContext c, Measure m) {
        MeasureSlots s = new MeasureSlots(c, m);
        s.value();
        s.change();
        s.count();
        s.target();
        s.national();
        s.otherProvince();
        s.districts();
        s.breakdown();
        return s.slots;
    }

    private String format(double value, int decimals) {
        return WorldNumbers.format(value, decimals, lang);
    }

    private String province() {
        return c.province().name();
    }

    private void value() {
        double v = values.value(m, p, year);
        String written = format(v, m.decimals());
        slots.put("v", written, WorldFigure.result(m.id(), province(), year, v, written));
        slots.put("u", c.pick(m.units().of(lang)));
        slots.put("du", c.pick(m.deltaUnits().of(lang)));
        slots.put("name", c.pick(m.say().of(lang)));
    }

    private void change() {
        double v = values.value(m, p, year);
        double prev = values.value(m, p, year - 1);
        double delta = round(Math.abs(v - prev), m.decimals());
        if (delta == 0) {
            return; // no change to tell, and "from X to X" would be nonsense
        }
        boolean up = v > prev;
        String prevWritten = format(prev, m.decimals());
        slots.put("prev", prevWritten, WorldFigure.result(m.id(), province(), year - 1, prev, prevWritten));
        String deltaWritten = format(delta, m.decimals());
        slots.put("delta", deltaWritten, figure(m.id(), delta, deltaWritten, Role.CHANGE, null));
        slots.put("tg", up ? "tăng" : "giảm").put("upDown", up ? "up" : "down").put("roseFell", up ? "rose" : "fell")
            .put("toWord", lang == Lang.EN ? "to" : up ? "lên" : "xuống còn");
        double percent = round(Math.abs(v / prev - 1) * 100, 1);
        if (percent > 0) {
            String written = format(percent, 1);
            slots.put("deltaPct", written, figure(m.id(), percent, written, Role.CHANGE, null));
        }
        Slots inner = new Slots(slots);
        slots.put("change", c.phrase(up ? c.text().changes().of(lang).up() : c.text().changes().of(lang).down(), inner));
    }

    private void count() {
        String of = m.count() != null ? m.count().of() : m.countOf();
        if (of == null) {
            return;
        }
        long total = values.total(m, p, year);
        slots.put("total", format(total, 0), figure(of, total, format(total, 0), Role.TOTAL, null));
        if (m.count() == null) {
            return; // the value itself is the count (communes meeting the standard)
        }
        long count = values.count(m, p, year);
        String written = format(count, 0);
        slots.put("count", written, WorldFigure.result(m.count().id(), province(), year, count, written));
        long countDelta = count - values.count(m, p, year - 1);
        if (countDelta != 0) {
            String deltaWritten = format(Math.abs(countDelta), 0);
            slots.put("deltaCount", deltaWritten, figure(m.count().id(), Math.abs(countDelta), deltaWritten, Role.CHANGE, null));
            slots.put("tgCount", countDelta > 0 ? "tăng" : "giảm");
        }
    }

    private void target() {
        if (m.target() == null) {
            return;
        }
        double target = values.target(m, p, year);
        if (!Double.isNaN(target)) {
            String written = format(target, m.target().decimals());
            slots.put("target", written, new WorldFigure(m.id(), province(), year + 1, target, written, Role.TARGET, null));
        }
    }

    private void national() {
        double national = values.national(m, year);
        String written = format(national, m.decimals());
        slots.put("nv", written, figure(m.id(), national, written, Role.NATIONAL, "national"));
        comparison("vsNational", values.value(m, p, year), national);
    }

    private void otherProvince() {
        List<WorldProvince> neighbours = values.provinces().stream()
            .filter(o -> o.index() != p && o.profile().region().equals(c.province().profile().region())).toList();
        WorldProvince other = c.pick(neighbours);
        double value = values.value(m, other.index(), year);
        String written = format(value, m.decimals());
        slots.put("ov", written, new WorldFigure(m.id(), other.name(), year, value, written, Role.OTHER_PROVINCE, other.name()));
        slots.put("other", other.name()).put("otherFull", other.kindWord() + " " + other.name()).put("otherEn", other.english());
        comparison("vsOther", values.value(m, p, year), value);
    }

    private void comparison(String key, double ours, double theirs) {
        if (ours != theirs) {
            boolean higher = ours > theirs;
            slots.put(key, lang == Lang.VI ? (higher ? "cao hơn" : "thấp hơn") : (higher ? "higher" : "lower"));
        }
    }

    /**
     * Four districts highest first and a lowest place: for a level-model share the capital (the city has the least
     * poverty), otherwise another district. A count's districts share part of the province's total.
     */
    private void districts() {
        if (m.districts() == null) {
            return;
        }
        List<String> districts = new ArrayList<>(c.province().districts());
        Collections.shuffle(districts, random);
        boolean capitalLowest = m.districts().equals("share") && !m.gap() && c.province().capital() != null;
        if (districts.size() < (capitalLowest ? 4 : 5)) {
            return;
        }
        double[] placeValues = m.districts().equals("share") ? shareDistricts() : countDistricts();
        if (placeValues == null) {
            return;
        }
        String unit = m.districts().equals("share") ? (lang == Lang.VI ? "%" : " percent") : m.units().of(lang).getFirst();
        for (int i = 0; i < 4; i++) {
            String name = districts.get(i);
            String written = format(placeValues[i], m.decimals());
            slots.put("d" + (i + 1), lang == Lang.VI ? name : WorldProvince.withoutMarks(name));
            slots.put("v" + (i + 1), written + unit, figure(m.id(), placeValues[i], written, Role.DISTRICT, name));
        }
        if (placeValues.length > 4) {
            String low = capitalLowest ? c.province().capital() : districts.get(4);
            String written = format(placeValues[4], m.decimals());
            slots.put("dLow", lowPlace(low, capitalLowest));
            slots.put("vLow", written + unit, figure(m.id(), placeValues[4], written, Role.DISTRICT, low));
        }
    }

    private String lowPlace(String name, boolean city) {
        if (lang == Lang.VI) {
            return (city ? "thành phố " : "huyện ") + name;
        }
        return WorldProvince.withoutMarks(name) + (city ? " city" : " district");
    }

    /** Five district shares around the province's, highest first, each distinct as written; null if one would be 0. */
    private double[] shareDistricts() {
        double v = values.value(m, p, year);
        double drift = m.gap() ? 100 - v : v;
        double[] shares = new double[5];
        for (int i = 0; i < shares.length; i++) {
            double scaled = drift * between(random, 0.35, 2.2);
            shares[i] = round(m.gap() ? Math.max(1, 100 - scaled) : Math.min(98, scaled), m.decimals());
        }
        return descendingDistinct(shares);
    }

    /** Three districts holding between 8% and 35% of the province's cases each, most first. */
    private double[] countDistricts() {
        double v = values.value(m, p, year);
        double[] counts = new double[4];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(v * between(random, 0.06, 0.3));
        }
        return descendingDistinct(counts);
    }

    private double[] descendingDistinct(double[] places) {
        double[] sorted = Arrays.stream(places).boxed().sorted(Collections.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
        double step = Math.pow(10, -m.decimals());
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] >= sorted[i - 1]) {
                sorted[i] = round(sorted[i - 1] - step, m.decimals());
            }
        }
        return sorted[sorted.length - 1] <= 0 ? null : sorted;
    }

    /** Urban and rural shares of households that add up to the province's count. */
    private void breakdown() {
        if (!m.breakdown() || m.count() == null || !m.count().of().equals("households")) {
            return;
        }
        long households = c.province().households(year);
        long urbanHouseholds = Math.round(households * c.province().region().urbanShare());
        long count = values.count(m, p, year);
        double urban = round(values.value(m, p, year) * between(random, 0.25, 0.6), m.decimals());
        long urbanCount = Math.round(urban / 100 * urbanHouseholds);
        long ruralCount = count - urbanCount;
        double rural = round(100.0 * ruralCount / (households - urbanHouseholds), m.decimals());
        if (urban <= 0 || ruralCount <= 0 || rural <= 0) {
            return;
        }
        String placeUrban = lang == Lang.VI ? "thành thị" : "urban";
        String placeRural = lang == Lang.VI ? "nông thôn" : "rural";
        slots.put("uv", format(urban, m.decimals()), figure(m.id(), urban, format(urban, m.decimals()), Role.BREAKDOWN, placeUrban));
        slots.put("rv", format(rural, m.decimals()), figure(m.id(), rural, format(rural, m.decimals()), Role.BREAKDOWN, placeRural));
        slots.put("uc", format(urbanCount, 0), figure(m.count().id(), urbanCount, format(urbanCount, 0), Role.BREAKDOWN, placeUrban));
        slots.put("rc", format(ruralCount, 0), figure(m.count().id(), ruralCount, format(ruralCount, 0), Role.BREAKDOWN, placeRural));
    }

    private WorldFigure figure(String measure, double value, String written, Role role, String place) {
        return new WorldFigure(measure, province(), year, value, written, role, place);
    }
}
