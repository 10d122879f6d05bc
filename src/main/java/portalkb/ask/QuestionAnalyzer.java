package portalkb.ask;

import portalkb.extract.Gazetteer;
import portalkb.extract.Language;
import portalkb.extract.Text;
import portalkb.extract.WrittenNumbers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question once into a {@link Question}: language, kind of answer, provinces and lower places,
 * years and periods, numbers at their written precision, the unit a quantity should carry, and the
 * concepts it is about (glossary terms with their Vietnamese and English forms, other content words).
 * Question words and stopwords come from question-words.yaml, terms from glossary.yaml.
 */
public final class QuestionAnalyzer {

    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,/])((?:19|20)\\d{2})(?![\\d.,]\\d)");
    /** "per 10,000 people", "/vạn dân": part of a metric's name, not a figure asked about. */
    private static final Pattern PER_TEN_THOUSAND = Pattern.compile("(per|/|tren)\\s*(10[.,\\s]?000|ten thousand|1 van|van)");
    private static final Pattern HOW_MANY = Pattern.compile("\\b(how many|how much|bao nhieu|may)\\b");
    /** "huyện Châu Thành A", "xã Đại Thắng", "Long Ho district", "Dai Thang commune": places below a province. */
    private static final Pattern VI_PLACE = Pattern.compile("(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|thôn|bản|ấp)\\s+"
        + "((?:\\p{Lu}[\\p{L}'’]*|\\d+)(?:\\s+(?:\\p{Lu}[\\p{L}'’]*|[A-Z]\\b|\\d+))*)");
    private static final Pattern EN_PLACE = Pattern.compile("((?:\\p{Lu}[\\p{L}'’]*\\s+){1,3})(?:district|commune|ward|town|village)\\b");

    /** A capitalised word after the first word of the question: part of a name. */
    private static final Pattern NAME_WORD = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}]+");
    /** Two or more capitalised words in a row, after the first word: a name. */
    private static final Pattern CAPITALISED_RUN = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)+");

    private final Clock clock;
    private final QuestionWords words = QuestionWords.INSTANCE;

    public QuestionAnalyzer() {
        this(Clock.systemDefaultZone());
    }

    public QuestionAnalyzer(Clock clock) {
        this.clock = clock;
    }

    public Question analyze(String raw) {
        String text = Text.nfc(raw).strip();
        List<String> provinces = provinces(text);
        List<String> places = places(text, provinces);
        String rest = withoutNames(text, provinces);
        // Names of places are Vietnamese in any language: "… underweight in Tân Uyên?" is an English question.
        String unnamed = CAPITALISED_RUN.matcher(rest).replaceAll(" ");
        String folded = Glossary.fold(text);
        String restFolded = Glossary.fold(rest);
        String lang = "vi".equals(Language.detect(unnamed)) || restFolded.matches(".*\\b(tinh nao|ty le|bao nhieu|nam nao|o dau|la gi|con)\\b.*")
            ? "vi" : "en";
        boolean english = lang.equals("en");
        List<Periods.Found> periods = Periods.find(folded);
        List<Integer> years = years(text, folded);
        List<Question.AskedNumber> numbers = numbers(restFolded, english);
        List<Glossary.Match> matches = Glossary.get().find(restFolded);
        List<String> metrics = Glossary.metrics(matches);
        Double threshold = null;
        boolean above = true;
        Matcher a = words.above().matcher(restFolded);
        Matcher b = words.below().matcher(restFolded);
        if (a.find()) {
            threshold = WrittenNumbers.readings(a.group(2), english).get(0);
        } else if (b.find()) {
            threshold = WrittenNumbers.readings(b.group(2), english).get(0);
            above = false;
        }
        Question.PlaceLevel level = placeLevel(restFolded);
        Question.AnswerType type = type(restFolded, provinces, places, level, metrics, threshold);
        if (type == Question.AnswerType.LIST && threshold != null) {
            double t = threshold;
            numbers.removeIf(n -> n.matches(t));
        } else {
            // "hơn 464.000 trẻ em" quotes a figure; only a list over a catalogued metric has a threshold.
            threshold = null;
            above = true;
        }
        List<Question.Concept> concepts = concepts(rest, restFolded, matches, periods, english, places);
        List<String> units = units(restFolded, matches, type);
        return new Question(text, lang, type, level, provinces, places, years, periods.stream().map(Periods.Found::period).toList(),
            numbers, concepts, units, metrics, threshold, above);
    }

    private Question.AnswerType type(String folded, List<String> provinces, List<String> places, Question.PlaceLevel level,
                                     List<String> metrics, Double threshold) {
        boolean which = level != null && (provinces.isEmpty() || level != Question.PlaceLevel.PROVINCE);
        if (!metrics.isEmpty() && (QuestionWords.any(words.list(), folded) || threshold != null && provinces.isEmpty())) {
            return Question.AnswerType.LIST;
        }
        if (!metrics.isEmpty() && (provinces.size() >= 2 || QuestionWords.any(words.compare(), folded) && !provinces.isEmpty())) {
            return Question.AnswerType.COMPARE;
        }
        if (which) {
            return Question.AnswerType.WHICH_PLACE;
        }
        if (QuestionWords.any(words.when(), folded)) {
            return Question.AnswerType.WHEN;
        }
        if (QuestionWords.any(words.quantity(), folded) || !metrics.isEmpty()) {
            return Question.AnswerType.QUANTITY;
        }
        return Question.AnswerType.OPEN;
    }

    /** The level of place asked for, or null when the question asks for no place. */
    private Question.PlaceLevel placeLevel(String folded) {
        for (Question.PlaceLevel level : List.of(Question.PlaceLevel.COMMUNE, Question.PlaceLevel.DISTRICT, Question.PlaceLevel.PROVINCE)) {
            if (QuestionWords.any(words.whichPlace().get(level), folded)) {
                return level;
            }
        }
        return null;
    }

    private List<Integer> years(String text, String folded) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher y = YEAR.matcher(text.replaceAll("(\\d{4})\\s*[-–]\\s*(\\d{4})", "$1 $2"));
        while (y.find()) {
            out.add(Integer.parseInt(y.group(1)));
        }
        if (words.lastYear().matcher(folded).find()) {
            out.add(LocalDate.now(clock).getYear() - 1);
        }
        return new ArrayList<>(out);
    }

    /** Numbers the question quotes, without years, dates, periods and "per 10,000". */
    private static List<Question.AskedNumber> numbers(String folded, boolean english) {
        String cleaned = PER_TEN_THOUSAND.matcher(folded).replaceAll(" ");
        for (Periods.Found p : Periods.find(cleaned)) {
            cleaned = cleaned.substring(0, p.start()) + " ".repeat(p.end() - p.start()) + cleaned.substring(p.end());
        }
        List<Question.AskedNumber> out = new ArrayList<>();
        Matcher n = WrittenNumbers.NUMBER.matcher(cleaned);
        while (n.find()) {
            String written = n.group();
            if (written.matches("(19|20)\\d{2}") || cleaned.startsWith("-", n.end()) && cleaned.substring(n.end()).matches("^-(19|20)\\d{2}.*")) {
                continue;
            }
            String after = cleaned.substring(n.end()).stripLeading();
            boolean percent = after.startsWith("%") || after.startsWith("percent") || after.startsWith("phan tram");
            out.add(new Question.AskedNumber(written, WrittenNumbers.readings(written, english), percent));
        }
        return out;
    }

    /**
     * Glossary terms (every Vietnamese form, plus the words as asked) and the remaining content words, one
     * concept each; period words and stopwords are left out, as are the numbers (matched on their own).
     */
    private List<Question.Concept> concepts(String original, String folded, List<Glossary.Match> matches, List<Periods.Found> periods,
                                            boolean english, List<String> places) {
        List<Question.Concept> out = new ArrayList<>();
        List<Glossary.Match> focus = focus(folded, matches);
        char[] free = folded.toCharArray();
        for (Periods.Found p : periods) {
            for (int i = p.start(); i < Math.min(p.end(), free.length); i++) {
                free[i] = ' ';
            }
        }
        for (Glossary.Match m : matches) {
            String asked = folded.substring(m.start(), m.end());
            for (int i = m.start(); i < m.end(); i++) {
                free[i] = ' ';
            }
            // A single question word ("tỉnh", "district") names no topic; a phrase of them ("đầu năm") does.
            List<String> askedWords = words(asked);
            if (askedWords.size() == 1 && isStopword(askedWords.get(0))) {
                continue;
            }
            List<String> forms = new ArrayList<>(m.term().vietnamese());
            for (String form : m.term().english()) {
                if (!forms.contains(form)) {
                    forms.add(form);
                }
            }
            if (!forms.contains(asked)) {
                forms.add(asked);
            }
            Matcher excluded = words.exclude().matcher(folded.substring(Math.max(0, m.start() - 25), m.start()));
            boolean isExcluded = false;
            while (excluded.find()) {
                isExcluded = excluded.end() == Math.min(25, m.start());
            }
            String englishForm = english ? asked : m.term().english().isEmpty() ? null : m.term().english().get(0);
            out.add(new Question.Concept(forms, true, isExcluded, true, englishForm, focus.contains(m)));
        }
        for (String place : places) {
            out.add(new Question.Concept(List.of(place), true, false, true, place, false));
        }
        Set<String> inPlaces = new LinkedHashSet<>();
        places.forEach(p -> inPlaces.addAll(words(p)));
        Set<String> names = new LinkedHashSet<>();
        Matcher capitalised = NAME_WORD.matcher(original);
        while (capitalised.find()) {
            names.add(Text.fold(capitalised.group()));
        }
        // The question's other words, in runs of neighbours ("số ca mắc", "outbreak clusters"): one concept per run.
        // A name ("Mars", "Hoa Phu") is written the same in any language, so a Vietnamese sentence must hold it too.
        String rest = words.stopPhrases().matcher(new String(free)).replaceAll("  ");
        List<String> run = new ArrayList<>();
        for (String piece : rest.split("\\s{2,}|[,.?!;:()\"]")) {
            for (String w : words(piece)) {
                boolean content = !isStopword(w) && !w.matches("[\\d.,/%-]+") && !inPlaces.contains(w);
                if (content) {
                    run.add(w);
                } else {
                    addRun(out, run, english, names);
                }
            }
            addRun(out, run, english, names);
        }
        return out;
    }

    /**
     * What a quantity question counts: the term after "how many" / "bao nhiêu" ("hộ cận nghèo") and what is said
     * of it right after ("người <b>tử vong</b>"); the number goes with either.
     */
    private static List<Glossary.Match> focus(String folded, List<Glossary.Match> matches) {
        Matcher m = HOW_MANY.matcher(folded);
        if (!m.find()) {
            return List.of();
        }
        List<Glossary.Match> after = matches.stream().filter(g -> g.start() >= m.end() && g.start() <= m.end() + 40).limit(2).toList();
        // "how many people died", "bao nhiêu trường hợp nhiễm HIV chuyển sang AIDS": the counted noun, and what is said of it.
        boolean modifierFirst = after.size() == 2 && after.get(0).term().units().isEmpty() && !after.get(1).term().units().isEmpty();
        if (after.size() == 2 && (after.get(1).start() - after.get(0).end() > 20 || modifierFirst)) {
            // "kindergarten-age children": the modifier says which children; "children" alone would fit any.
            return after.subList(0, 1);
        }
        return after;
    }

    private static void addRun(List<Question.Concept> out, List<String> run, boolean english, Set<String> names) {
        if (!run.isEmpty()) {
            boolean named = run.stream().anyMatch(names::contains);
            Question.Concept c = Question.Concept.words(String.join(" ", run), !english || named);
            if (!out.contains(c)) {
                out.add(c);
            }
            run.clear();
        }
    }

    /** The unit nouns of "bao nhiêu X" / "how many X", or "%" for a share or rate. */
    private List<String> units(String folded, List<Glossary.Match> matches, Question.AnswerType type) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HOW_MANY.matcher(folded);
        if (m.find()) {
            int end = m.end();
            for (Glossary.Match g : matches) {
                if (g.start() >= end && g.start() <= end + 30 && !g.term().units().isEmpty()) {
                    out.addAll(g.term().units());
                    // A term that is itself a unit ("xã", "nghìn tỷ đồng") is also written in English ("communes", "trillion").
                    if (g.term().units().stream().anyMatch(g.term().vietnamese()::contains)) {
                        out.addAll(g.term().english());
                    }
                    break;
                }
            }
            List<String> next = words(folded.substring(end));
            if (!next.isEmpty() && !next.get(0).matches("\\d.*")) {
                if (m.group(1).startsWith("how")) {
                    // "how many beds", "how many outbreak clusters": the English noun itself, for English articles.
                    next.stream().limit(3).filter(w -> !isStopword(w) && !w.equals("new")).findFirst().ifPresent(out::add);
                } else {
                    out.add(next.get(0));
                }
                if (next.size() > 1 && next.get(0).equals("phan") && next.get(1).equals("tram")) {
                    out.add("%");
                }
            }
        }
        if (out.isEmpty() && (type == Question.AnswerType.QUANTITY) && QuestionWords.any(words.percent(), folded)) {
            out.add("%");
        }
        return new ArrayList<>(out);
    }

    private boolean isStopword(String word) {
        return words.viStopwords().contains(word) || words.enStopwords().contains(word);
    }

    private static List<String> words(String folded) {
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[\\s,.?!;:()\"]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Places below a province the question names, folded: "huyện Châu Thành A" → "chau thanh a". */
    private static List<String> places(String text, List<String> provinces) {
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

    private static String withoutNames(String text, List<String> provinces) {
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
                boolean named = f.trim().length() >= 4 ? folded.contains(f) : namedExactly(text, name);
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
