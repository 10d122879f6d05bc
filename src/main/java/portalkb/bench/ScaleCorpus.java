package portalkb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import portalkb.bench.ReportContext.Sentence;
import portalkb.bench.ScaleTemplates.Outlet;
import portalkb.bench.ScaleTemplates.Rare;
import portalkb.bench.ScaleTemplates.Topic;
import portalkb.bench.WorldTemplates.Lang;
import portalkb.bench.WorldTemplates.Measure;
import portalkb.core.Text;
import portalkb.store.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The corpus of {@code ./kb bench scale}: article {@code n} of an endless stream about the 63-province world, the same
 * for the same seed and {@code n} whatever was generated before. Most are short news items of a provincial paper,
 * portal, health department or national outlet stating one to three of the world's measures (weighted, so some are
 * common and some rare) with the districts, the country or another province beside them, and often a figure of a
 * measure the world does not follow (an open measure); some are full year-end reports or their English retellings
 * (world-templates.yaml); some are copies of an earlier article on an aggregator — mostly a recent one, some from
 * anywhere before, so near-duplicates must be found in the index, not only among the articles just written.
 */
final class ScaleCorpus {

    private final long seed;
    private final WorldTemplates world;
    private final ScaleTemplates scale;
    private final List<WorldProvince> provinces;
    private final WorldValues values;
    private final long[] population;
    private final List<Measure> measures;
    private final int[] measureWeights;

    ScaleCorpus(long seed) {
        this.seed = seed;
        this.world = WorldTemplates.load();
        this.scale = ScaleTemplates.load();
        this.provinces = ProvinceWorld.provinces(world);
        this.values = new WorldValues(world.measures(), provinces, seed, scale.years().from(), scale.years().to());
        this.population = new long[provinces.size()];
        long sum = 0;
        for (WorldProvince p : provinces) {
            sum += p.profile().population();
            population[p.index()] = sum;
        }
        this.measures = world.measures();
        this.measureWeights = measures.stream().mapToInt(m -> scale.weight(m.id())).toArray();
    }

    /** The first {@code count} articles as {@code ./kb import} reads them, one JSON line each. */
    void write(Path file, long count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long n = 0; n < count; n++) {
                out.write(Json.MAPPER.writeValueAsString(article(n)));
                out.newLine();
            }
        }
    }

    /** The world measure news items state most often, and the one they state least (the ranking bench's pair). */
    String commonMeasure() {
        return measures.get(argmax(measureWeights, 1)).id();
    }

    String rareMeasure() {
        return measures.get(argmax(measureWeights, -1)).id();
    }

    int fromYear() {
        return scale.years().from();
    }

    int toYear() {
        return scale.years().to();
    }

    /** Whether article {@code n} is a copy of an earlier one (the near-duplicates the writer should mark). */
    boolean isCopy(long n) {
        return n > 0 && WorldRandom.of(seed, "scale", n).nextDouble() < scale.kinds().copy();
    }

    WorldLines.Article article(long n) {
        Random r = WorldRandom.of(seed, "scale", n);
        double kind = r.nextDouble();
        ScaleTemplates.Kinds kinds = scale.kinds();
        if (n > 0 && kind < kinds.copy()) {
            return copy(n, r);
        }
        WorldProvince p = province(r);
        int year = scale.years().from() + r.nextInt(scale.years().to() - scale.years().from() + 1);
        if (kind < kinds.copy() + kinds.yearEnd()) {
            return yearEnd(p, year, r, n);
        }
        if (kind < kinds.copy() + kinds.yearEnd() + kinds.english()) {
            return english(p, year, r, n);
        }
        return news(p, year, r, n);
    }

    /** An earlier article on the aggregator: the same title and text at another address. */
    private WorldLines.Article copy(long n, Random r) {
        long original = r.nextDouble() < scale.copies().recent()
            ? n - 1 - r.nextInt((int) Math.min(n, scale.copies().window()))
            : (long) (r.nextDouble() * n);
        WorldLines.Article a = article(original);
        Outlet o = scale.aggregator();
        return new WorldLines.Article(url(o.host(), o.section(), a.title(), n), a.title(), a.body(), a.published(), null, a.lang(),
            o.source(), o.name(), null);
    }

    private WorldLines.Article yearEnd(WorldProvince p, int year, Random r, long n) {
        LocalDate published = LocalDate.of(year, 12, 10).plusDays(r.nextInt(42));
        ReportContext c = new ReportContext(world, values, p, year, Lang.VI, r, published);
        ReportBody body = new VietnameseReport(c).write();
        String title = c.spell(Phrases.pick(world.article().titles().vi(), c.titleSlots(world.measures()), r).text());
        WorldTemplates.Outlet o = world.article().outlet();
        return new WorldLines.Article(url(o.host().replace("{slug}", p.slug()), o.section(), title, n), title, body.text(),
            time(published, r), body.author(), "vi", o.source().replace("{slug}", p.slug()), c.outletName(), p.name());
    }

    private WorldLines.Article english(WorldProvince p, int year, Random r, long n) {
        LocalDate published = LocalDate.of(year, 12, 12).plusDays(r.nextInt(45));
        ReportContext c = new ReportContext(world, values, p, year, Lang.EN, r, published);
        EnglishReport report = new EnglishReport(c);
        ReportBody body = report.write();
        String title = Phrases.pick(world.article().titles().en(), c.titleSlots(report.stated()), r).text();
        WorldTemplates.Outlet o = world.article().english();
        return new WorldLines.Article(url(o.host(), o.section(), title, n), title, body.text(), time(published, r), null, "en",
            o.source(), o.name(), p.name());
    }

    /** A news item: a lead, one to three measures with what is told beside them, maybe a rare figure, a closing. */
    private WorldLines.Article news(WorldProvince p, int year, Random r, long n) {
        LocalDate published = LocalDate.of(year, 1, 1).plusDays(r.nextInt(395));
        ReportContext c = new ReportContext(world, values, p, year, Lang.VI, r, published);
        Outlet outlet = pick(scale.outlets(), scale.outlets().stream().mapToInt(Outlet::weight).toArray(), r);
        List<Measure> stated = statedMeasures(r);
        Topic topic = c.pick(scale.topics().get(stated.get(0).group()));
        c.article().put("outlet", outlet.name().replace("{P}", p.name()).replace("{Pfull}", p.kindWord() + " " + p.name()))
            .put("topic", topic.topic()).put("agency", topic.agency()).put("program", topic.program()).put("k", 3 + r.nextInt(12));
        ReportBody body = new ReportBody();
        body.paragraph(List.of(c.sentence(scale.news().leads(), c.article())));
        for (Measure m : stated) {
            List<Sentence> paragraph = new ArrayList<>(List.of(c.sentence(m.vi().sentences(), c.measure(m))));
            paragraph.addAll(besides(c, m));
            body.paragraph(paragraph);
        }
        if (c.chance(0.4)) {
            body.paragraph(List.of(rare(c, r)));
        }
        List<String> filler = world.article().filler().vi().get(stated.get(0).group());
        if (filler != null && c.chance(0.5)) {
            body.paragraph(List.of(c.sentence(List.of(c.pick(filler)), c.article())));
        }
        if (c.chance(0.7)) {
            body.paragraph(List.of(c.sentence(scale.news().closings(), c.article())));
        }
        String reporter = c.person().split(" ", 2)[1];
        body.byline(reporter);
        Slots titleSlots = new Slots(c.measure(stated.get(0)));
        String title = c.spell(capitalised(Phrases.pick(scale.news().titles(), titleSlots, r).text()));
        String slug = p.slug();
        return new WorldLines.Article(url(outlet.host().replace("{slug}", slug), outlet.section(), title, n), title, body.text(),
            time(published, r), reporter, "vi", outlet.source().replace("{slug}", slug),
            outlet.name().replace("{P}", p.name()).replace("{Pfull}", p.kindWord() + " " + p.name()),
            outlet.isNational() ? null : p.name());
    }

    /** What a report tells beside a measure's own sentence: its districts, the country, another province. */
    private List<Sentence> besides(ReportContext c, Measure m) {
        Slots slots = c.measure(m);
        WorldTemplates.ArticleText text = world.article();
        List<Sentence> out = new ArrayList<>();
        if (slots.has("v1") && c.chance(0.25)) {
            List<String> shapes = m.districts().equals("share") ? text.districts().vi().share() : text.districts().vi().count();
            if (Phrases.anyFits(shapes, slots)) {
                out.add(c.sentence(shapes, slots));
            }
        }
        if (c.chance(0.15) && Phrases.anyFits(text.national().vi().of(m), slots)) {
            out.add(c.sentence(text.national().vi().of(m), slots));
        }
        if (c.chance(0.1) && Phrases.anyFits(text.otherProvince().vi(), slots)) {
            out.add(c.sentence(text.otherProvince().vi(), slots));
        }
        return out;
    }

    /** A figure of a measure the world does not follow: each article draws its own value. */
    private Sentence rare(ReportContext c, Random r) {
        Rare rare = pick(scale.rare(), scale.rare().stream().mapToInt(Rare::weight).toArray(), r);
        int low = rare.range().get(0);
        int value = low + r.nextInt(rare.range().get(1) - low + 1);
        Slots slots = new Slots(c.article()).put("n", WorldNumbers.format(value, 0, Lang.VI));
        return c.finish(Phrases.fill(rare.vi(), slots, r));
    }

    private List<Measure> statedMeasures(Random r) {
        List<Measure> stated = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int tries = 0; stated.size() < count && tries < 20; tries++) {
            Measure m = pick(measures, measureWeights, r);
            if (!stated.contains(m)) {
                stated.add(m);
            }
        }
        return stated;
    }

    /** A province as likely as its share of the population. */
    private WorldProvince province(Random r) {
        long x = (long) (r.nextDouble() * population[population.length - 1]);
        for (int i = 0; i < population.length; i++) {
            if (x < population[i]) {
                return provinces.get(i);
            }
        }
        return provinces.getLast();
    }

    private static <T> T pick(List<T> items, int[] weights, Random r) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < items.size(); i++) {
            x -= weights[i];
            if (x < 0) {
                return items.get(i);
            }
        }
        return items.getLast();
    }

    private static int argmax(int[] weights, int sign) {
        int best = 0;
        for (int i = 1; i < weights.length; i++) {
            if (sign * weights[i] > sign * weights[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Unique per article: the number rides in the address as portals' ids do. */
    private static String url(String host, String section, String title, long n) {
        String slug = Text.slug(title);
        return "https://" + host + "/" + section + "/" + (slug.length() > 80 ? slug.substring(0, 80) : slug) + "-" + n + ".html";
    }

    private static String time(LocalDate date, Random random) {
        return String.format("%sT%02d:%02d:00+07:00", date, 6 + random.nextInt(14), random.nextInt(60));
    }

    /** "Hà Giang: tỷ lệ …" → "Hà Giang: Tỷ lệ …", and the first letter of the title. */
    private static String capitalised(String title) {
        StringBuilder out = new StringBuilder(title);
        for (int i = 0; i < out.length(); i++) {
            boolean start = i == 0 || i >= 2 && out.charAt(i - 2) == ':' && out.charAt(i - 1) == ' ';
            if (start && Character.isLetter(out.charAt(i))) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    /** For tests and the command line: the article as its JSON line. */
    String line(long n) {
        try {
            return Json.MAPPER.writeValueAsString(article(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
