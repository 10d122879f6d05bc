package portalkb.figures;

import portalkb.figures.MetricCatalogue.Metric;

import portalkb.core.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures of a Vietnamese text ("97,9%", "10,8 bác sĩ/vạn dân", "136 cơ sở", "147.645 mũi")
 * and names their metric from the catalogue. Dates, document numbers, ages and list numbers are no figures.
 */
public final class FigureExtractor {

    // Vietnamese grouping "147.645" before decimals "97,9"; an English "97.9" is read as a decimal.
    private static final Pattern NUMBER = Pattern.compile(
        "(?<![\\p{L}\\d/.,\\-])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+,\\d+|\\d+\\.\\d{1,2}(?!\\d)|\\d+)"
            // not part of a date or code ("10/5/2022", "62-NQ"), but "145/151 xã" and "11,2/vạn dân" are figures
            + "(?!\\d|/(?!\\d+\\s+\\p{L}|\\s*\\p{L})|-\\p{L}|\\.\\d)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])|\\n+");
    private static final Pattern CLOSED_PARENTHESIS = Pattern.compile("\\([^()]*\\)");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;()]|,\\s|\\sva\\s|:\\s");
    private static final Set<String> NOT_FIGURE_BEFORE = Set.of("ngay", "thang", "nam", "so", "thu",
        "quy", "lan", "dieu", "khoan", "covid", "covid-", "mui", "tuan", "gio", "phong", "tiem");
    /** Times, ages and durations: "tăng 18 lần", "trẻ 5 tuổi", "qua 10 năm". */
    private static final Set<String> NOT_FIGURE_AFTER = Set.of("lan", "tuoi", "nam", "thang", "tuan", "ngay", "gio");
    /** Words whose folded form is ambiguous: "mục 3" (item) is no figure, "mức 98%" (level) is. */
    private static final Set<String> NOT_FIGURE_BEFORE_AS_WRITTEN = Set.of("mục");
    /** A clause that only continues the previous one ("…1.234.567 người, chiếm 96,2% dân số", "…, đạt 93,6%"): the metric is named there. */
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*(chiem|tuong duong|bang|dat|con|o muc)\\b");
    private static final Map<String, Double> SCALE = Map.of("trieu", 1e6, "nghin", 1e3, "ngan", 1e3, "ty", 1e9);

    private final MetricCatalogue catalogue;
    private final MetricCues cues;

    public FigureExtractor() {
        this(MetricCatalogue.get());
    }

    public FigureExtractor(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        this.cues = new MetricCues(catalogue.metrics());
    }

    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(Text.nfc(text))) {
            String t = Text.collapseSpaces(s);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Figures of a whole text; {@code defaultYear} is the report year when a sentence names none. */
    public List<Figure> extract(String text, Integer defaultYear) {
        return extract(text, defaultYear, null);
    }

    /**
     * The same, for a text published in {@code publishedYear}: a figure of a later year is a plan or a
     * target ("đến năm 2030 … 100% xã"), not a level, and is kept as "other".
     */
    public List<Figure> extract(String text, Integer defaultYear, Integer publishedYear) {
        List<Figure> figures = new ArrayList<>();
        List<String> sentences = sentences(text);
        for (int i = 0; i < sentences.size(); i++) {
            for (Figure f : extractSentence(sentences.get(i), i, defaultYear)) {
                boolean plan = publishedYear != null && f.year() != null && f.year() > publishedYear;
                figures.add(plan && !f.metric().equals(MetricCatalogue.OTHER)
                    ? new Figure(MetricCatalogue.OTHER, f.value(), f.unit(), f.raw(), f.year(), f.sentence(), f.sentenceOffset()) : f);
            }
        }
        return figures;
    }

    public List<Figure> extractSentence(String sentence, int offset, Integer defaultYear) {
        // Folding keeps length for Vietnamese letters (one char each after NFC), so offsets line up.
        String folded = foldKeepingLength(sentence);
        List<Figure> figures = new ArrayList<>();
        FigureYears.Named yearsNamed = FigureYears.Named.in(folded);
        Integer sentenceYear = yearsNamed.last();
        Matcher m = NUMBER.matcher(folded);
        while (m.find()) {
            String previousWord = previousWord(folded, m.start());
            if (NOT_FIGURE_BEFORE.contains(previousWord) || FigureYears.isYear(m.group(1)) || NOT_FIGURE_AFTER.contains(firstWord(folded.substring(m.end())))
                || NOT_FIGURE_BEFORE_AS_WRITTEN.contains(previousWord(sentence, m.start()).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String rest = folded.substring(m.end());
            double value = parse(m.group(1));
            String scaleWord = firstWord(rest);
            String scaleText = "";
            if (SCALE.containsKey(scaleWord)) {
                value *= SCALE.get(scaleWord);
                // Folding keeps length, so the same span of the original sentence is the word as written.
                int at = m.end() + (rest.length() - rest.stripLeading().length());
                scaleText = " " + sentence.substring(at, at + scaleWord.length());
                rest = rest.strip().substring(scaleWord.length());
            }
            int clauseStart = clauseStart(folded, m.start());
            if (clauseStart > 0 && CONTINUATION.matcher(folded.substring(clauseStart, m.start())).find()) {
                clauseStart = clauseStart(folded, clauseStart - 2);
            }
            String beforeText = folded.substring(clauseStart, m.start());
            MetricCues.Choice choice = cues.metricFor(beforeText, rest);
            String noun = UnitNouns.after(rest);
            String unit = UnitNouns.unit(noun, choice.metric(), choice.byUnit());
            if (unit == null) {
                continue;
            }
            Integer yearAfter = FigureYears.rightAfter(rest);
            Metric metric = choice.metric() == null ? null : catalogue.forUnit(choice.metric(), unit).orElse(null);
            String upTo = folded.substring(0, m.start());
            // A variant is held to its base's conditions too.
            if (metric != null && !(choice.metric().holdsFor(upTo, rest) && metric.holdsFor(upTo, rest)
                && ProvinceLevel.holds(sentence, upTo, rest, yearAfter != null))) {
                metric = null;
            }
            Integer year = yearAfter != null ? yearAfter : sentenceYear != null ? yearsNamed.before(m.start()) : null;
            figures.add(new Figure(metric == null ? MetricCatalogue.OTHER : metric.id(), value, unit,
                sentence.substring(m.start(), m.end()) + scaleText + (unit.equals("%") ? "%" : " " + unit),
                year != null ? year : sentenceYear != null ? sentenceYear : defaultYear, sentence, offset));
        }
        return figures;
    }

    /** The unit word a folded text starts with ("nguoi", "co so", "tram y te"), in its display form; null when none. */
    public static String unitWord(String folded) {
        String noun = UnitNouns.after(folded);
        return noun == null ? null : UnitNouns.KNOWN.get(noun);
    }

    /** A closed parenthesis before the number ("24,31% (năm 2010) nay xuống còn 8,88%") does not end the clause. */
    private static int clauseStart(String folded, int position) {
        Matcher b = CLAUSE_BREAK.matcher(CLOSED_PARENTHESIS.matcher(folded.substring(0, position)).replaceAll(p -> " ".repeat(p.group().length())));
        int start = 0;
        while (b.find() && b.end() <= position) {
            start = b.end();
        }
        return start;
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    public static double parse(String number) {
        String n = number;
        if (GROUPED.matcher(n).matches()) {
            n = n.replace(".", "");
        }
        return Double.parseDouble(n.replace(',', '.'));
    }

    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}\\-]+)\\s*$");

    private static String previousWord(String text, int position) {
        Matcher w = LAST_WORD.matcher(text.substring(Math.max(0, position - 20), position));
        return w.find() ? w.group(1) : "";
    }

    private static String firstWord(String text) {
        return firstWords(text.stripLeading(), 1);
    }

    private static final Pattern WORD_BREAK = Pattern.compile("[\\s,.;:()]+");

    static String firstWords(String text, int count) {
        String[] parts = WORD_BREAK.split(text.stripLeading(), count + 1);
        if (parts.length < count) {
            return "";
        }
        return String.join(" ", Arrays.copyOf(parts, count));
    }

    // Folded form of every char up to the end of Latin Extended Additional (all Vietnamese letters), computed once.
    private static final char[] FOLDED = new char[0x1F00];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            String f = Text.fold(String.valueOf(c));
            FOLDED[c] = f.length() == 1 ? f.charAt(0) : Character.toLowerCase(c);
        }
    }

    /** Folded and lower-cased one character for one (NFC Vietnamese letters fold to one letter), so offsets line up. */
    public static String foldKeepingLength(String sentence) {
        char[] out = new char[sentence.length()];
        for (int i = 0; i < out.length; i++) {
            char c = sentence.charAt(i);
            out[i] = c < FOLDED.length ? FOLDED[c] : Character.toLowerCase(c);
        }
        return new String(out);
    }
}
