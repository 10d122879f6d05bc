package portalkb.ask.question;

import portalkb.figures.Glossary;
import portalkb.figures.MeasureKeys;
import portalkb.figures.MetricCatalogue;
import portalkb.core.Language;
import portalkb.core.Text;
import portalkb.core.WrittenNumbers;

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

    /** Two or more capitalised words in a row, after the first word: a name. */
    private static final Pattern CAPITALISED_RUN = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)+");

    private final Clock clock;
    private final QuestionWords words = QuestionWords.INSTANCE;
    private final ConceptReader conceptReader = new ConceptReader();

    public QuestionAnalyzer() {
        this(Clock.systemDefaultZone());
    }

    public QuestionAnalyzer(Clock clock) {
        this.clock = clock;
    }

    public Question analyze(String raw) {
        String text = Text.nfc(raw).strip();
        List<String> provinces = PlaceNames.provinces(text);
        List<String> places = PlaceNames.places(text, provinces);
        String rest = PlaceNames.withoutNames(text, provinces);
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
        List<String> metrics = new java.util.ArrayList<>(Glossary.metrics(matches));
        // the catalogue's own cues name a metric as in figures ("số giường bệnh trên một vạn dân"): that one first
        String cued = MetricCatalogue.get().namedIn(english ? MeasureKeys.vietnamese(restFolded) : restFolded).map(MetricCatalogue.Metric::id)
            .orElse(null);
        if (cued != null) {
            metrics.remove(cued);
            metrics.add(0, cued);
        }
        if (metrics.isEmpty() && english) {
            // English names a measure in its own word order: "most new-style rural communes"
            MetricCatalogue.get().byWords(MeasureKeys.words(MeasureKeys.vietnamese(restFolded))).ifPresent(m -> metrics.add(m.id()));
        }
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
        AskedMeasure measure = AskedMeasure.of(restFolded, english);
        if (!metrics.isEmpty()) {
            // "nhiều xã đạt chuẩn NTM nhất" counts communes; "tỷ lệ xã …" asks the share: the metric counted that way
            metrics.set(0, MetricCatalogue.get().countedAs(metrics.get(0), measure.share()));
        }
        // "the top 5" ranks; "only one of its 116 communes" quotes the place's own figure
        boolean quotesFigure = !numbers(words.ages().matcher(TOP_N.matcher(restFolded).replaceAll(" ")).replaceAll(" "), english).isEmpty();
        Question.AnswerType type = type(restFolded, provinces, places, level, metrics, threshold, measure, !numbers.isEmpty(), quotesFigure);
        if (type == Question.AnswerType.LIST && threshold != null) {
            double t = threshold;
            numbers.removeIf(n -> n.matches(t));
        } else {
            // "hơn 464.000 trẻ em" quotes a figure; only a list over a catalogued metric has a threshold.
            threshold = null;
            above = true;
        }
        List<Question.Concept> concepts = conceptReader.concepts(rest, restFolded, matches, periods, english, places);
        List<String> units = conceptReader.units(restFolded, matches, type);
        java.util.Set<Question.Asks> asks = java.util.EnumSet.noneOf(Question.Asks.class);
        words.asks().forEach((what, cue) -> {
            if (cue.matcher(folded).find()) {
                asks.add(what);
            }
        });
        return new Question(text, lang, type, level, provinces, places, years, periods.stream().map(Periods.Found::period).toList(),
            numbers, concepts, units, metrics, threshold, above, measure, java.util.Set.copyOf(asks), Words.of(portalkb.core.Text.fold(text)),
            provinces.isEmpty() && places.isEmpty() ? PlaceNames.unknown(text).orElse(null) : null);
    }

    private Question.AnswerType type(String folded, List<String> provinces, List<String> places, Question.PlaceLevel level,
                                     List<String> metrics, Double threshold, AskedMeasure measure, boolean quotesNumbers,
                                     boolean quotesFigure) {
        boolean which = level != null && (provinces.isEmpty() || level != Question.PlaceLevel.PROVINCE);
        if (which && quotesFigure && threshold == null) {
            // "Which province, with 97.9%, ranked first?": the figure it quotes finds the place; no ranking is asked
            return Question.AnswerType.WHICH_PLACE;
        }
        boolean provinceLevel = level == null || level == Question.PlaceLevel.PROVINCE;
        // a measure the catalogue lacks is ranked too, found in the facts by its words ("tỷ lệ hộ dùng nước sạch")
        boolean measured = !metrics.isEmpty() || !measure.words().isEmpty();
        // "Summarise …", "What did the centre say it would change …", "tình hình …": sentences on the topic, not one figure
        if (!which && !quotesNumbers && QuestionWords.any(words.open(), folded) && !QuestionWords.any(words.quantity(), folded)) {
            return Question.AnswerType.OPEN;
        }
        if (measured && provinces.isEmpty() && places.isEmpty() && provinceLevel && QuestionWords.any(words.rank(), folded)) {
            return Question.AnswerType.RANK;
        }
        if (!metrics.isEmpty() && !provinces.isEmpty() && QuestionWords.any(words.trend(), folded)) {
            return Question.AnswerType.TREND;
        }
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

    private static final java.util.regex.Pattern TOP_N = java.util.regex.Pattern.compile("\\btop \\d+\\b");

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

}
