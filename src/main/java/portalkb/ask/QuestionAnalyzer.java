package portalkb.ask;

import portalkb.extract.FigureExtractor;
import portalkb.extract.Gazetteer;
import portalkb.extract.Language;
import portalkb.extract.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question: language, metric (via the glossary), provinces and districts (gazetteer, any
 * spelling), years ("2022", "last year"), numbers (97.9 or 97,9) and intent.
 */
public final class QuestionAnalyzer {

    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])((?:19|20)\\d{2})(?![\\d.,]\\d)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])(\\d+(?:[.,]\\d+)?)\\s*(%|phan tram|percent)?");
    private static final Pattern LIST = Pattern.compile("\\b(which provinces|what provinces|list|all provinces|nhung tinh nao|cac tinh nao|nhung tinh|provinces with|provinces (above|over|below))\\b");
    private static final Pattern WHICH = Pattern.compile("\\b(which province|what province|which district|where|tinh nao|dia phuong nao|o dau|noi nao|which)\\b");
    private static final Pattern COMPARE = Pattern.compile("\\b(compare|comparison|versus|vs|so sanh|higher|lower|more than|cao hon|thap hon|difference)\\b");
    private static final Pattern ABOVE = Pattern.compile("\\b(above|over|more than|at least|greater than|tren|hon|vuot)\\s*(\\d+(?:[.,]\\d+)?)");
    private static final Pattern BELOW = Pattern.compile("\\b(below|under|less than|duoi|thap hon)\\s*(\\d+(?:[.,]\\d+)?)");
    /** "per 10,000 people" is part of a metric's name, not a figure asked about. */
    private static final Pattern PER_TEN_THOUSAND = Pattern.compile("(?i)(per|/|trên|tren)\\s*(10[.,\\s]?000|ten thousand|1 vạn|vạn)");
    private static final Pattern LAST_YEAR = Pattern.compile("\\b(last year|nam ngoai|nam truoc|nam qua)\\b");

    private final Clock clock;

    public QuestionAnalyzer() {
        this(Clock.systemDefaultZone());
    }

    public QuestionAnalyzer(Clock clock) {
        this.clock = clock;
    }

    public Question analyze(String text) {
        String folded = Text.fold(text);
        List<String> provinces = provinces(text);
        // Place names are Vietnamese in any language: the rest of the question tells its language.
        String rest = withoutPlaceNames(text, provinces);
        String restFolded = Text.fold(rest);
        String lang = "vi".equals(Language.detect(rest)) || restFolded.matches(".*\\b(tinh nao|ty le|bao nhieu|nam nao|o dau|la gi|con)\\b.*") ? "vi" : "en";
        Glossary.Translation t = Glossary.get().translate(text);
        List<String> metrics = t.metrics();
        List<Integer> years = new ArrayList<>();
        Matcher y = YEAR.matcher(text);
        while (y.find()) {
            years.add(Integer.parseInt(y.group(1)));
        }
        if (LAST_YEAR.matcher(folded).find()) {
            years.add(LocalDate.now(clock).getYear() - 1);
        }
        List<Question.AskedNumber> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(PER_TEN_THOUSAND.matcher(text).replaceAll(" ").replaceAll("(?<!\\d)((?:19|20)\\d{2})(?!\\d)", " "));
        while (n.find()) {
            String raw = n.group(1);
            // "97.9" has one decimal; "147.645" is a thousands-grouped integer, as FigureExtractor.parse reads it.
            int decimals = raw.matches("\\d+[.,]\\d{1,2}") ? raw.replaceAll("^\\d+[.,]", "").length() : 0;
            numbers.add(new Question.AskedNumber(FigureExtractor.parse(raw), decimals, n.group(2) != null));
        }
        Double threshold = null;
        boolean above = true;
        Matcher a = ABOVE.matcher(folded);
        Matcher b = BELOW.matcher(folded);
        if (a.find()) {
            threshold = FigureExtractor.parse(a.group(2));
        } else if (b.find()) {
            threshold = FigureExtractor.parse(b.group(2));
            above = false;
        }
        Question.Intent intent;
        if (LIST.matcher(folded).find() || threshold != null && provinces.isEmpty()) {
            intent = Question.Intent.LIST;
        } else if (provinces.size() >= 2 || COMPARE.matcher(folded).find() && !provinces.isEmpty()) {
            intent = Question.Intent.COMPARE;
        } else if (WHICH.matcher(folded).find() && provinces.isEmpty()) {
            intent = Question.Intent.WHICH_PROVINCE;
        } else {
            intent = Question.Intent.VALUE;
        }
        if (threshold != null) {
            Double t0 = threshold;
            numbers.removeIf(x -> x.value() == t0);
        }
        return new Question(text, lang, metrics, provinces, years, numbers, intent, threshold, above);
    }

    private static String withoutPlaceNames(String text, List<String> provinces) {
        String rest = text;
        for (String name : provinces) {
            Gazetteer.Province p = Gazetteer.get().resolve(name).orElseThrow();
            List<String> names = new ArrayList<>(p.aliases() == null ? List.of() : p.aliases());
            names.add(p.name());
            names.addAll(p.districts() == null ? List.of() : p.districts());
            for (String n : names) {
                rest = Pattern.compile(Pattern.quote(n), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(rest).replaceAll(" ");
            }
        }
        return rest;
    }

    /** Provinces named in any spelling, and provinces of districts named ("Tân Uyên" → Lai Châu). */
    static List<String> provinces(String text) {
        String folded = " " + Text.fold(text).replaceAll("[^a-z0-9 ]", " ") + " ";
        List<String> out = new ArrayList<>();
        Gazetteer g = Gazetteer.get();
        for (Gazetteer.Province p : g.provinces()) {
            List<String> names = new ArrayList<>(p.aliases() == null ? List.of() : p.aliases());
            names.add(p.name());
            for (String name : names) {
                String f = " " + Text.fold(name).replaceAll("[^a-z0-9 ]", " ").trim() + " ";
                // Short names ("Huế") count only with their diacritics: folded, they are common syllables or words.
                boolean named = f.trim().length() >= 4 ? folded.contains(f) : namedExactly(text, name);
                if (named && !out.contains(p.name())) {
                    out.add(p.name());
                }
            }
            for (String district : p.districts() == null ? List.<String>of() : p.districts()) {
                String f = " " + Text.fold(district) + " ";
                if (folded.contains(f) && g.provinceOfDistrict(district).isPresent() && !out.contains(p.name())) {
                    out.add(p.name());
                }
            }
        }
        // Keep the order in which the question names them.
        out.sort((x, y) -> Integer.compare(position(folded, x), position(folded, y)));
        return out;
    }

    private static boolean namedExactly(String text, String name) {
        return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(Text.nfc(name)) + "(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(Text.nfc(text)).find();
    }

    private static int position(String folded, String province) {
        int i = folded.indexOf(" " + Text.fold(province) + " ");
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
