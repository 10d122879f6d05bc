package portalkb.figures;

import portalkb.core.Language;
import portalkb.core.PlaceWords.Level;
import portalkb.core.Text;
import portalkb.figures.MetricCatalogue.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads every figure a report states ("97,9%", "10,8 bác sĩ/vạn dân", "136 cơ sở", "272/706 trường", "91.3
 * percent"), Vietnamese or English, with what it measures: a catalogue id when the measure's phrase names one,
 * else an open measure's key ({@link MeasureKeys}). Clause by clause: the numbers that state quantities
 * ({@link NumberMentions}), what each counts ({@link CountedPhrase}), the subject before it ({@link Subject}),
 * the measure composed from them and from the figures around it ({@link MeasureComposer}), its role
 * ({@link RoleReader}), and the place it is about ({@link Places}).
 */
public final class FigureExtractor {

    private static final Pattern LIST_LINE = Pattern.compile("\\s*(?:[-+•*–]|\\p{Ll}|\\d)");

    private final MetricCatalogue catalogue;
    private final MetricCues cues;
    private final NumberMentions numbers = new NumberMentions();
    private final Places places = new Places();

    public FigureExtractor() {
        this(MetricCatalogue.get());
    }

    public FigureExtractor(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
        this.cues = new MetricCues(catalogue.metrics());
    }

    /**
     * The text cut where {@code (?<=[.!?…])\\s+(?=[\\p{Lu}\\d“"(])|\\n+} matches (PatternLoopsTest holds the loop to it): after
     * a full stop, question or exclamation mark and before a capital, a digit, a quote or a bracket, and at line breaks.
     */
    public static List<String> sentences(String text) {
        String t = Text.nfc(text);
        List<String> out = new ArrayList<>();
        int n = t.length();
        int from = 0;
        int i = 0;
        while (i < n) {
            int end = sentenceBreakAt(t, i);
            if (end < 0) {
                i++;
                continue;
            }
            addSentence(out, t.substring(from, i));
            from = end;
            i = end;
        }
        addSentence(out, t.substring(from));
        return out;
    }

    /** Where a sentence break that starts at {@code i} ends, or -1. */
    private static int sentenceBreakAt(String t, int i) {
        char c = t.charAt(i);
        if (i > 0 && isSpace(c) && ".!?…".indexOf(t.charAt(i - 1)) >= 0) {
            int j = i;
            while (j < t.length() && isSpace(t.charAt(j))) {
                j++;
            }
            if (j < t.length()) {
                int next = t.codePointAt(j);
                if (Character.getType(next) == Character.UPPERCASE_LETTER || next >= '0' && next <= '9' || next == '“' || next == '"' || next == '(') {
                    return j;
                }
            }
        }
        if (c == '\n') {
            int j = i;
            while (j < t.length() && t.charAt(j) == '\n') {
                j++;
            }
            return j;
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static void addSentence(List<String> out, String piece) {
        String t = Text.collapseSpaces(piece);
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /** Figures of a whole text; {@code defaultYear} is the report year when a sentence names none. */
    public List<Figure> extract(String text, Integer defaultYear) {
        return extract(text, defaultYear, null, null);
    }

    /** The same, for a text published in {@code publishedYear}: a figure of a later year is a target. */
    public List<Figure> extract(String text, Integer defaultYear, Integer publishedYear) {
        return extract(text, defaultYear, publishedYear, null);
    }

    /** The same, for an article about {@code province} (null when unknown): another province's figure is told apart. */
    public List<Figure> extract(String text, Integer defaultYear, Integer publishedYear, String province) {
        return extract(text, defaultYear, publishedYear, province, Language.detect(text));
    }

    /** The same, in a language already known ("vi" or "en"; null: detected). */
    public List<Figure> extract(String text, Integer defaultYear, Integer publishedYear, String province, String language) {
        return extract(text, defaultYear, publishedYear, province, language, java.util.Set.of());
    }

    /**
     * The same, for a text stored in passages starting at the sentences {@code passageStarts} (indices of {@link #sentences}):
     * a sentence that names no year takes the one an earlier sentence of its passage names ({@link #carriedYears}), so its
     * figures have the year a reader of the passage gives them.
     */
    public List<Figure> extract(String text, Integer defaultYear, Integer publishedYear, String province, String language,
                                java.util.Set<Integer> passageStarts) {
        String lang = "en".equals(language == null ? Language.detect(text) : language) ? "en" : "vi";
        List<Figure> figures = new ArrayList<>();
        List<MeasureComposer.Earlier> previous = List.of();
        List<String> sentences = sentences(text);
        boolean targetList = false;
        boolean previousAllTargets = false;
        Phrases continuations = ClauseWords.get().of(ClauseWords.Kind.CONTINUATIONS, lang);
        Integer carried = null;
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (passageStarts.contains(i)) {
                carried = null;
            }
            // "Mục tiêu đến năm 2020: <lines>": the lines of a plan's list are the plan's
            boolean inTargetList = targetList && LIST_LINE.matcher(sentence).lookingAt();
            // "Đồng thời, có thêm ít nhất 10 sản phẩm …" after a plan's sentence goes on with the plan
            boolean goesOnWithPlan = previousAllTargets && continuations.startingAt(Tokens.of(sentence), 0) > 0
                && !states(sentence, lang);
            Reading r = read(sentence, i, defaultYear, carried, publishedYear, province, lang, previous, inTargetList || goesOnWithPlan);
            figures.addAll(r.figures());
            if (r.passedOn() != null) {
                carried = r.passedOn();
            }
            if (!r.earlier().isEmpty()) {
                previous = r.earlier();
                previousAllTargets = r.figures().stream().allMatch(f -> f.role() == Role.TARGET);
            }
            targetList = inTargetList || sentence.endsWith(":") && new RoleReader(lang).targetStart(Tokens.of(sentence)) >= 0;
        }
        return figures;
    }

    /** The sentence says it reports what was done ("đã", "ghi nhận", "has reached"): a result, not a plan. */
    private static boolean states(String sentence, String lang) {
        Tokens t = Tokens.of(sentence);
        return ClauseWords.get().of(ClauseWords.Kind.PAST_MARKERS, lang).anyIn(t, 0, t.size());
    }

    /**
     * The year each sentence of a passage takes from the sentences before it: the last year an earlier sentence named for
     * itself ("Năm 2023, tỷ lệ … đạt 96,8%. Tỉnh có 13,5 bác sĩ/vạn dân." → 13,5 is of 2023, not of the article's year);
     * null for a sentence that names a year, says it is of the present ("đến nay", "hiện nay", "to date": of the time of
     * writing), or when none before it names one: its figures take the report year. Not passed on: a year written right
     * after a figure ("26,65% cuối năm 2020", that figure's), a period's end ("giai đoạn 2021 – 2023") and a year after
     * the report's year {@code reportYear} (a plan's). What {@link #extract(String, Integer, Integer, String, String,
     * java.util.Set)} does within a passage, for a reader of its sentences ("en" or "vi").
     */
    public List<CarriedYear> carriedYears(List<String> sentences, String language, Integer reportYear) {
        String lang = "en".equals(language) ? "en" : "vi";
        List<CarriedYear> out = new ArrayList<>();
        CarriedYear carried = null;
        for (int i = 0; i < sentences.size(); i++) {
            Tokens t = Tokens.of(sentences.get(i));
            FigureYears.Named years = FigureYears.Named.in(t.folded());
            java.util.Set<Integer> owned = owned(t, numbers.find(t, lang));
            boolean takes = years.firstExcept(owned) == null && !present(t, lang);
            out.add(takes ? carried : null);
            Integer passed = years.passedOn(owned, reportYear);
            if (passed != null) {
                carried = new CarriedYear(passed, i);
            }
        }
        return out;
    }

    /** A year a sentence takes from an earlier one of its passage: the year, and the index of the sentence naming it. */
    public record CarriedYear(int year, int from) {
    }

    /** The sentence says it is of the time of writing ("đến nay", "hiện nay", "to date"). */
    private static boolean present(Tokens t, String lang) {
        return ClauseWords.get().of(ClauseWords.Kind.PRESENT, lang).anyIn(t, 0, t.size());
    }

    /** The ends of the year mentions written right after a figure ("3,1% năm 2023"): those years are the figures'. */
    private static java.util.Set<Integer> owned(Tokens t, List<NumberMention> mentions) {
        java.util.Set<Integer> owned = new java.util.HashSet<>();
        for (NumberMention m : mentions) {
            int restStart = t.get(m.last()).end();
            FigureYears.YearAfter after = FigureYears.yearAfter(t.folded().substring(restStart));
            if (after != null) {
                owned.add(restStart + after.end());
            }
        }
        return owned;
    }

    /** One sentence alone, in the language its words are written in. */
    public List<Figure> extractSentence(String sentence, int offset, Integer defaultYear) {
        String lang = "en".equals(Language.detect(sentence)) ? "en" : "vi";
        return read(sentence, offset, defaultYear, null, null, null, lang, List.of(), false).figures();
    }

    /** A sentence's figures, the measures they leave for the next sentence, and the year it passes on to it (or null). */
    private record Reading(List<Figure> figures, List<MeasureComposer.Earlier> earlier, Integer passedOn) {
    }

    /** {@code carried}: the year an earlier sentence of the passage named ({@link #carriedYears}), or null. */
    private Reading read(String sentence, int offset, Integer reportYear, Integer carried, Integer publishedYear, String province,
                         String lang, List<MeasureComposer.Earlier> previous, boolean inTargetList) {
        Tokens t = Tokens.of(sentence);
        List<NumberMention> mentions = numbers.find(t, lang);
        FigureYears.Named years = FigureYears.Named.in(t.folded());
        // years written right after a figure are that figure's: found first, so no other figure takes them
        java.util.Set<Integer> owned = owned(t, mentions);
        Integer ownYear = years.firstExcept(owned);
        Integer passedOn = years.passedOn(owned, reportYear);
        if (mentions.isEmpty()) {
            return new Reading(List.of(), List.of(), passedOn);
        }
        Integer defaultYear = carried != null && !present(t, lang) ? carried : reportYear;
        List<Places.Place> named = places.find(t, province, lang);
        RoleReader roles = new RoleReader(lang);
        MeasureComposer composer = new MeasureComposer(lang);
        int targetStart = inTargetList ? 0 : roles.targetStart(t);
        List<Figure> out = new ArrayList<>();
        List<MeasureComposer.Earlier> earlier = new ArrayList<>();
        int floor = 0;
        Role lastRole = null;
        int lastClauseStart = -1;
        int lastEnd = -1;
        Respectively respectively = Respectively.of(t, mentions, lang);
        for (int k = 0; k < mentions.size(); k++) {
            NumberMention m = mentions.get(k);
            CountedPhrase counted = CountedPhrase.after(t, m, lang);
            if (counted.unit().isEmpty() && respectively.sharedUnit(k) != null) {
                counted = counted.withUnit(respectively.sharedUnit(k));
            }
            int clauseStart = Subject.clauseStart(t, m.first(), floor, lang);
            Subject subject = Subject.of(t, clauseStart, m.first(), named, lang);
            if (!composer.startsWithHead(subject.text())) {
                int extended = Subject.extendedStart(t, clauseStart, floor, composer);
                if (extended < clauseStart) {
                    subject = Subject.of(t, extended, m.first(), named, lang);
                }
            }
            int restStart = t.get(m.last()).end();
            String rest = t.folded().substring(restStart);
            FigureYears.YearAfter after = FigureYears.yearAfter(rest);
            Integer yearAfter = after == null ? null : after.year();
            int at = t.get(m.first()).start();
            Integer year = yearAfter != null ? yearAfter : years.before(at, owned);
            year = year != null ? year : ownYear != null ? ownYear : defaultYear;
            boolean parenthesised = m.first() >= 1 && t.get(m.first() - 1).isMark("(") && lastEnd >= m.first() - 2;
            Role role = roles.of(t, m, counted, targetStart, yearAfter != null ? yearAfter : years.before(at, owned), publishedYear,
                parenthesised ? lastRole : null);
            String subjectWords = respectively.part(k, t, named, composer);
            // "A and B were 95.95 and 76 percent, respectively": the n-th number's measure is the n-th one named
            String measure = subjectWords != null ? subjectWords : composer.compose(t, composer.fromFirstHead(t, subject), counted,
                earlier, listHead(t, m, named, lang), previous, role, parenthesised);
            boolean part = subjectWords == null && composer.lastIsPart();
            Places.Place place = placeOf(t, m, counted, clauseStart, named);
            if (measure.isBlank() && counted.unit().isEmpty()) {
                floor = Math.max(floor, m.last() + 1);
                continue;
            }
            // a clause that only continues the one before ("…, đạt tỷ lệ 97%") is read with it for the catalogue's cues
            int cueStart = subject.isEmpty() && !counted.saysMore() && lastClauseStart >= 0 ? lastClauseStart : clauseStart;
            String metric = metricOf(measure, counted, lang, t.folded().substring(0, at), rest, t.text(cueStart, m.first()));
            if (part && MetricCatalogue.get().byId(metric).isPresent()
                || !out.isEmpty() && isPart(t, lastEnd, m.first()) && metric.equals(out.get(out.size() - 1).metric())) {
                // "27 xã đạt chuẩn …, trong đó có 6 xã …": a part is not the whole's measure
                metric = MeasureKeys.key((lang.equals("en") ? MeasureKeys.vietnamese(measure) : measure) + " trong do",
                    MeasureKeys.unitClass(counted.unit(), counted.isShare()));
            }
            double value = m.value() * counted.magnitude();
            String raw = t.text(m.first(), Math.max(m.last() + 1, counted.unitEnd()));
            out.add(new Figure(metric, value, unitFor(metric, counted), raw, year, sentence, offset, m.written(),
                measure.isBlank() ? null : measure, role, countsProvinces(counted, place) ? Level.NATIONAL : place == null ? Level.PROVINCE : place.level(),
                place == null || countsProvinces(counted, place) ? null : place.name()));
            earlier.add(new MeasureComposer.Earlier(measure, counted.unit(), counted.isShare(), counted.text(),
                composedBase(measure, subject.text()), role, part));
            lastRole = role;
            lastClauseStart = clauseStart;
            lastEnd = Math.max(m.last(), counted.end() - 1);
            floor = Math.max(floor, Math.max(m.last() + 1, counted.end()));
        }
        return new Reading(out, earlier, passedOn);
    }

    /**
     * "một trong 8 tỉnh, thành phố có số ca mắc cao", "63 tỉnh, thành phố": a count of provinces is no province's own
     * figure (a province holds none), so it is the country's (or a region's).
     */
    private static boolean countsProvinces(CountedPhrase counted, Places.Place place) {
        if (counted.isShare() || place != null && place.level() != Level.PROVINCE) {
            return false;
        }
        String first = Text.fold(counted.unit()).split("[^a-z]+", 2)[0];
        return PROVINCE_KINDS.contains(first) || PROVINCE_KINDS.contains(first.replaceAll("s$", ""));
    }

    /** "tỉnh", "province": the words naming a province's kind (place-words.yaml), read once, not once per figure. */
    private static final java.util.Set<String> PROVINCE_KINDS = provinceKinds();

    private static java.util.Set<String> provinceKinds() {
        java.util.Set<String> kinds = new java.util.HashSet<>(portalkb.core.PlaceWords.get().of(Level.PROVINCE).before());
        kinds.addAll(portalkb.core.PlaceWords.get().of(Level.PROVINCE).after());
        return java.util.Set.copyOf(kinds);
    }

    /** "trong đó", "of which", "including" between the figure before and this one. */
    private static boolean isPart(Tokens t, int from, int to) {
        if (from + 1 >= to || from < 0) {
            return false;
        }
        String between = " " + t.folded().substring(t.in(from + 1) ? t.get(from + 1).start() : 0, t.get(to).start()) + " ";
        return between.contains(" trong do ") || between.contains(" of which ") || between.contains(" including ")
            || between.contains(" of whom ");
    }

    /** A measure without the part a breakdown appended to its parent's ("… công lập mầm non" → "… công lập"). */
    private static String composedBase(String measure, String subject) {
        return !subject.isBlank() && measure.endsWith(" " + subject) ? measure.substring(0, measure.length() - subject.length() - 1) : measure;
    }

    /** The measure a colon's head names for the list after it ("Về hộ nghèo: …"), or null. */
    private static String listHead(Tokens t, NumberMention m, List<Places.Place> named, String lang) {
        for (int i = m.first() - 1; i >= 0; i--) {
            if (t.get(i).isMark(":")) {
                int start = Subject.clauseStart(t, i, 0, lang);
                Subject head = Subject.of(t, start, i, named, lang);
                return head.isEmpty() ? null : head.text();
            }
        }
        return null;
    }

    /**
     * The place a figure is about: one its clause names before it, one right after its phrase ("tại xã X"), or one named
     * earlier in its stretch of the sentence (not past a ";", not inside a parenthesis).
     */
    private static Places.Place placeOf(Tokens t, NumberMention m, CountedPhrase counted, int clauseStart, List<Places.Place> named) {
        Places.Place inClause = null;
        Places.Place before = null;
        for (Places.Place p : named) {
            if (p.end() <= m.first()) {
                if (reaches(t, p, m.first())) {
                    before = p;
                    if (p.start() >= clauseStart) {
                        inClause = p;
                    }
                }
            } else if (p.start() >= counted.unitEnd() && p.start() <= counted.end() + 1 && inClause == null
                && Regexes.matches(t.word(p.start() - 1), "tai|o|in|at")) {
                return p; // "… ca mắc tại xã X", "4,100 people in the commune were covered": English puts it inside the phrase
            }
        }
        return inClause != null ? inClause : before;
    }

    /** Whether a place's naming reaches a number: no ";" between them, and the place not inside a closed parenthesis. */
    private static boolean reaches(Tokens t, Places.Place p, int number) {
        int open = 0;
        // "huyện Tân Uyên: số trẻ …; tỷ lệ … 95,7%": a place heading a list after a colon is every item's
        boolean heads = t.in(p.end()) && t.get(p.end()).isMark(":");
        for (int i = p.end(); i < number; i++) {
            if (t.get(i).isMark(";") && !heads) {
                return false;
            }
            if (t.get(i).isMark(")") && --open < 0) {
                return false; // the place was inside a parenthesis that closed
            }
            if (t.get(i).isMark("(")) {
                open++;
            }
        }
        return true;
    }

    /**
     * A catalogue id when the measure names one and the unit fits it, else the open measure's key, else "other". The
     * catalogue's cues are tried on the words right after the number, then on the measure's phrase, then on the clause
     * before the number; the first whose metric takes the figure's unit wins.
     */
    private String metricOf(String measure, CountedPhrase counted, String lang, String foldedBefore, String rest, String clause) {
        if (measure.isBlank()) {
            return MetricCatalogue.OTHER;
        }
        String vietnamese = "en".equals(lang) ? MeasureKeys.vietnamese(measure) : measure;
        boolean english = "en".equals(lang);
        List<String> measureWords = MeasureKeys.words(vietnamese);
        // tried in this order, each only when those before it gave no metric that fits: the cue scans are the reader's costliest step
        List<java.util.function.Supplier<MetricCues.Choice>> choices = new ArrayList<>(List.of(
            () -> cues.metricForPhrase(Text.fold(vietnamese), ""),
            () -> cues.metricNear(english ? MeasureKeys.vietnamese(clause) : Text.fold(clause)),
            () -> cues.metricAfter(english ? " " + MeasureKeys.vietnamese(rest.length() > 80 ? rest.substring(0, 80) : rest) : rest)));
        if (measureWords.size() <= 3) {
            // a short phrase leaves its topic to the sentence: "Công tác … bảo hiểm y tế …, tỷ lệ bao phủ đạt 96,7%"
            choices.add(() -> cues.metricForPhrase(english ? MeasureKeys.vietnamese(foldedBefore) : foldedBefore, ""));
        }
        if (english) {
            choices.add(() -> new MetricCues.Choice(catalogue.byWords(measureWords).orElse(null), false));
        }
        for (java.util.function.Supplier<MetricCues.Choice> next : choices) {
            MetricCues.Choice choice = next.get();
            if (choice.metric() == null) {
                continue;
            }
            String unit = catalogueUnit(counted, choice.metric(), choice.byUnit(), lang);
            Metric metric = catalogue.forUnit(choice.metric(), unit).orElse(null);
            if (metric != null && choice.metric().holdsFor(foldedBefore, rest) && metric.holdsFor(foldedBefore, rest)) {
                return metric.id();
            }
        }
        String key = MeasureKeys.key(vietnamese, MeasureKeys.unitClass(vietnameseUnit(counted, lang), counted.isShare()));
        return key == null ? MetricCatalogue.OTHER : key;
    }

    /** The unit a catalogue metric is checked against: "%" for a share, the Vietnamese unit noun, or the metric's own unit. */
    private static String catalogueUnit(CountedPhrase counted, Metric metric, boolean byUnit, String lang) {
        if (counted.isShare()) {
            return "%";
        }
        String noun = vietnameseUnit(counted, lang);
        boolean headOfRate = metric.quantity() == MetricCatalogue.Kind.RATE && metric.unit() != null && !noun.isEmpty()
            && Text.fold(metric.unit()).startsWith(Text.fold(noun)); // "35,2 giường" of "giường bệnh trên một vạn dân"
        if (metric.unit() != null && (noun.isEmpty() || byUnit || headOfRate || metric.accepts(Text.fold(noun)) || metric.accepts(noun))) {
            return metric.unit();
        }
        return noun;
    }

    /** The unit noun without its magnitude word, in Vietnamese ("nghìn hộ" → "hộ", "households" → "hộ"). */
    private static String vietnameseUnit(CountedPhrase counted, String lang) {
        String unit = counted.unit();
        if (counted.isMultiple()) {
            return "lần"; // "3 times", "gấp 3 lần": one unit in both languages
        }
        if (unit.contains(", ")) {
            unit = unit.substring(0, unit.indexOf(", ")); // "xã, phường, thị trấn" counts communes
        }
        if (!counted.magnitudeWord().isEmpty() && unit.startsWith(counted.magnitudeWord())) {
            unit = unit.substring(counted.magnitudeWord().length()).strip();
        }
        if ("en".equals(lang) && !unit.isEmpty()) {
            List<String> same = Glossary.get().sameUnits(Glossary.fold(unit));
            if (same.size() > 1 || !same.get(0).equals(Glossary.fold(unit))) {
                return same.get(0);
            }
            String last = unit.substring(unit.lastIndexOf(' ') + 1);
            List<String> byHead = Glossary.get().sameUnits(Glossary.fold(last));
            return byHead.get(0);
        }
        return unit;
    }

    /**
     * The unit stored with a figure: a catalogued metric's own (the catalogue accepted the figure's unit, which may be
     * written another way: "doctors per 10,000 people", "trường hợp"), so figures of a metric compare; else as written.
     */
    private String unitFor(String metric, CountedPhrase counted) {
        if (counted.isShare()) {
            return "%";
        }
        return catalogue.byId(metric).map(Metric::primaryUnit).orElse(counted.unit());
    }

    /** The unit word a folded text starts with ("nguoi", "co so", "tram y te"), in its display form; null when none. */
    public static String unitWord(String folded) {
        String noun = UnitNouns.after(folded);
        return noun == null ? null : UnitNouns.KNOWN.get(noun);
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    public static double parse(String number) {
        String n = number;
        if (GROUPED.matcher(n).matches()) {
            n = n.replace(".", "");
        }
        return Double.parseDouble(n.replace(',', '.'));
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
