package portalkb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import portalkb.bench.ReportContext.Sentence;
import portalkb.bench.WorldFigure.Role;
import portalkb.bench.WorldTemplates.Lang;
import portalkb.bench.WorldTemplates.Measure;
import portalkb.bench.WorldTemplates.Outlet;
import portalkb.bench.WorldTemplates.ProvinceProfile;
import portalkb.bench.WorldTemplates.Region;
import portalkb.core.BadParameterException;
import portalkb.core.Gazetteer;
import portalkb.core.Text;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * {@code ./kb bench world --out DIR}: a generated world of the 63 provinces (before the 2025 merger) for testing figure
 * reading and superlative questions. Each province publishes one year-end health and social report a year in its own
 * paper, stating every measure of world-templates.yaml in the sentence shapes of real reports, with the figures a
 * ranking must leave out beside them; about 15% are retold in English. Writes articles.jsonl (what {@code ./kb import}
 * reads), truth.jsonl (every province-level result stated, with its article), distractors.jsonl (every other figure
 * and its role) and questions.jsonl (superlative questions with their one right answer). Deterministic per seed.
 */
public final class ProvinceWorld {

    /** What was written, for the command's report. */
    public record Summary(Path dir, long seed, int from, int to, int provinces, int vietnamese, int english, int truth,
                         int measures, Map<String, Integer> distractors, int questionsEn, int questionsVi) {

        public void print(PrintStream out) {
            out.printf("world of %d provinces, %d–%d, seed %d → %s%n", provinces, from, to, seed, dir);
            out.printf("  articles.jsonl     %d Vietnamese + %d English articles%n", vietnamese, english);
            out.printf("  truth.jsonl        %d province results over %d measures (every province, every year)%n", truth, measures);
            out.printf("  distractors.jsonl  %d figures no ranking may use %s%n",
                distractors.values().stream().mapToInt(Integer::intValue).sum(), distractors);
            out.printf("  questions.jsonl    %d English + %d Vietnamese superlative questions%n", questionsEn, questionsVi);
            out.printf("load it with: ./kb import %s%n", dir.resolve("articles.jsonl"));
        }
    }

    private record Written(WorldLines.Article article, List<Sentence> sentences) {
    }

    private final WorldTemplates templates;
    private final long seed;
    private final int from;
    private final int to;
    private final int questionsPerLanguage;
    private final List<WorldProvince> provinces;
    private final WorldValues values;

    public ProvinceWorld(long seed, int from, int to, int questionsPerLanguage) {
        if (from > to || from < 2001 || to > 2098) {
            throw new BadParameterException("from", "years must run forwards within 2001–2098, got " + from + "–" + to);
        }
        this.templates = WorldTemplates.load();
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.questionsPerLanguage = questionsPerLanguage;
        this.provinces = provinces(templates);
        this.values = new WorldValues(templates.measures(), provinces, seed, from, to);
    }

    /** The gazetteer's provinces, in its order, each with its profile; every profile must name one of them. */
    static List<WorldProvince> provinces(WorldTemplates templates) {
        Map<String, ProvinceProfile> profiles = new LinkedHashMap<>();
        templates.provinces().forEach(p -> profiles.put(p.name(), p));
        List<WorldProvince> provinces = new ArrayList<>();
        for (Gazetteer.Province g : Gazetteer.get().provinces()) {
            ProvinceProfile profile = profiles.remove(g.name());
            if (profile == null) {
                throw new IllegalStateException(WorldTemplates.RESOURCE + " has no profile for " + g.name());
            }
            Region region = templates.regions().get(profile.region());
            if (region == null) {
                throw new IllegalStateException(WorldTemplates.RESOURCE + ": unknown region " + profile.region() + " of " + g.name());
            }
            provinces.add(new WorldProvince(provinces.size(), g, profile, region));
        }
        if (!profiles.isEmpty()) {
            throw new IllegalStateException(WorldTemplates.RESOURCE + " profiles provinces the gazetteer lacks: " + profiles.keySet());
        }
        return provinces;
    }

    public Summary write(Path dir) throws IOException {
        List<Written> articles = articles();
        List<WorldLines.Truth> truth = new ArrayList<>();
        List<WorldLines.Distractor> distractors = new ArrayList<>();
        for (Written written : articles) {
            collect(written, truth, distractors);
        }
        List<WorldLines.Question> questions = WorldQuestions.draw(templates, values, seed, from, to, questionsPerLanguage);
        Files.createDirectories(dir);
        writeLines(dir.resolve("articles.jsonl"), articles.stream().map(Written::article).toList());
        writeLines(dir.resolve("truth.jsonl"), truth);
        writeLines(dir.resolve("distractors.jsonl"), distractors);
        writeLines(dir.resolve("questions.jsonl"), questions);
        Map<String, Integer> byRole = new TreeMap<>();
        distractors.forEach(d -> byRole.merge(d.role(), 1, Integer::sum));
        int vietnamese = (int) articles.stream().filter(a -> a.article().lang().equals("vi")).count();
        int english = articles.size() - vietnamese;
        int en = (int) questions.stream().filter(q -> q.lang().equals("en")).count();
        return new Summary(dir, seed, from, to, provinces.size(), vietnamese, english, truth.size(), templates.measures().size(),
            byRole, en, questions.size() - en);
    }

    private List<Written> articles() {
        List<Written> articles = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            Set<Integer> english = englishProvinces(year);
            for (WorldProvince p : provinces) {
                articles.add(vietnamese(p, year));
                if (english.contains(p.index())) {
                    articles.add(english(p, year));
                }
            }
        }
        return articles;
    }

    private Set<Integer> englishProvinces(int year) {
        List<Integer> indices = new ArrayList<>(IntStream.range(0, provinces.size()).boxed().toList());
        Collections.shuffle(indices, WorldRandom.of(seed, "english", year));
        int count = (int) Math.round(provinces.size() * templates.article().english().share());
        return new HashSet<>(indices.subList(0, count));
    }

    /** Year-end reports appear between the conferences of mid-December and the last ones of late January. */
    private LocalDate published(WorldProvince p, int year) {
        return LocalDate.of(year, 12, 10).plusDays(WorldRandom.of(seed, "published", p.name(), year).nextInt(42));
    }

    private Written vietnamese(WorldProvince p, int year) {
        Random random = WorldRandom.of(seed, "article", Lang.VI, p.name(), year);
        LocalDate published = published(p, year);
        ReportContext c = new ReportContext(templates, values, p, year, Lang.VI, random, published);
        ReportBody body = new VietnameseReport(c).write();
        String title = c.spell(Phrases.pick(templates.article().titles().vi(), c.titleSlots(templates.measures()), random).text());
        Outlet outlet = templates.article().outlet();
        String host = outlet.host().replace("{slug}", p.slug());
        String url = "https://" + host + "/" + outlet.section() + "/" + Text.slug(title) + "-"
            + ((year % 100) * 10_000 + random.nextInt(10_000)) + ".html";
        return new Written(new WorldLines.Article(url, title, body.text(), time(published, random), body.author(), "vi",
            outlet.source().replace("{slug}", p.slug()), c.outletName(), p.name()), body.sentences());
    }

    private Written english(WorldProvince p, int year) {
        Random random = WorldRandom.of(seed, "article", Lang.EN, p.name(), year);
        LocalDate published = published(p, year).plusDays(1 + random.nextInt(6));
        ReportContext c = new ReportContext(templates, values, p, year, Lang.EN, random, published);
        EnglishReport report = new EnglishReport(c);
        ReportBody body = report.write();
        String title = Phrases.pick(templates.article().titles().en(), c.titleSlots(report.stated()), random).text();
        Outlet outlet = templates.article().english();
        String url = "https://" + outlet.host() + "/" + outlet.section() + "/" + Text.slug(title) + "-post"
            + ((year % 100) * 10_000 + p.index() * 100 + random.nextInt(100)) + ".vnp";
        return new Written(new WorldLines.Article(url, title, body.text(), time(published, random), null, "en",
            outlet.source(), outlet.name(), p.name()), body.sentences());
    }

    private static String time(LocalDate date, Random random) {
        return String.format("%sT%02d:%02d:00+07:00", date, 6 + random.nextInt(14), random.nextInt(60));
    }

    /** Results become truth (once per article and measure), everything else a distractor with its role. */
    private void collect(Written written, List<WorldLines.Truth> truth, List<WorldLines.Distractor> distractors) {
        String url = written.article().url();
        Set<String> stated = new HashSet<>();
        for (Sentence sentence : written.sentences()) {
            for (WorldFigure f : sentence.figures()) {
                if (f.role() == Role.RESULT) {
                    if (stated.add(f.measure() + "|" + f.province() + "|" + f.year())) {
                        truth.add(truthLine(f, url, written.article().lang(), sentence.text()));
                    }
                } else {
                    distractors.add(new WorldLines.Distractor(url, f.province(), f.year(), f.measure(), f.role().name().toLowerCase(),
                        f.value(), f.written(), f.place(), sentence.text()));
                }
            }
        }
    }

    private WorldLines.Truth truthLine(WorldFigure f, String url, String lang, String sentence) {
        for (Measure m : templates.measures()) {
            if (m.id().equals(f.measure())) {
                return new WorldLines.Truth(f.province(), f.year(), m.id(), m.name().en(), m.name().vi(), f.value(), m.unit(),
                    f.written(), url, lang, sentence);
            }
            if (m.count() != null && m.count().id().equals(f.measure())) {
                return new WorldLines.Truth(f.province(), f.year(), m.count().id(), m.count().en(), m.count().vi(), f.value(),
                    m.count().unit(), f.written(), url, lang, sentence);
            }
        }
        throw new IllegalStateException("a result of no measure: " + f.measure());
    }

    private static void writeLines(Path file, List<?> lines) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Object line : lines) {
            try {
                out.append(Json.MAPPER.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
