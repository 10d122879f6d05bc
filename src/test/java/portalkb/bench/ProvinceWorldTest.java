package portalkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import portalkb.core.Gazetteer;
import portalkb.index.ArticleInput;
import portalkb.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated 63-province world: deterministic, consistent with its truth, and with one right answer per question. */
class ProvinceWorldTest {

    private static final int FROM = 2019;
    private static final int TO = 2023;
    private static final long SEED = 7;

    @TempDir
    static Path temp;

    private static Path world;
    private static Map<String, JsonNode> articles;
    private static List<JsonNode> truth;
    private static List<JsonNode> questions;

    @BeforeAll
    static void generate() throws IOException {
        world = temp.resolve("seed7");
        new ProvinceWorld(SEED, FROM, TO, 20).write(world);
        articles = new HashMap<>();
        for (JsonNode a : lines(world.resolve("articles.jsonl"))) {
            articles.put(a.get("url").asText(), a);
        }
        truth = lines(world.resolve("truth.jsonl"));
        questions = lines(world.resolve("questions.jsonl"));
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherWorld() throws IOException {
        Path again = temp.resolve("seed7-again");
        Path other = temp.resolve("seed8");
        new ProvinceWorld(SEED, FROM, TO, 20).write(again);
        new ProvinceWorld(SEED + 1, FROM, TO, 20).write(other);
        for (String file : List.of("articles.jsonl", "truth.jsonl", "distractors.jsonl", "questions.jsonl")) {
            assertEquals(Files.readString(world.resolve(file)), Files.readString(again.resolve(file)), file);
            assertNotEquals(Files.readString(world.resolve(file)), Files.readString(other.resolve(file)), file);
        }
    }

    @Test
    void everyProvinceHasItsOwnPaperEveryYearAndSomeAreRetoldInEnglish() {
        Set<String> names = Gazetteer.get().provinces().stream().map(Gazetteer.Province::name).collect(Collectors.toSet());
        for (int year = FROM; year <= TO; year++) {
            String published = Integer.toString(year);
            String nextJanuary = (year + 1) + "-01";
            List<JsonNode> vi = articles.values().stream().filter(a -> a.get("lang").asText().equals("vi"))
                .filter(a -> a.get("published").asText().startsWith(published + "-12") || a.get("published").asText().startsWith(nextJanuary))
                .toList();
            assertEquals(names, vi.stream().map(a -> a.get("province").asText()).collect(Collectors.toSet()), "year " + year);
            assertEquals(63, vi.size(), "year " + year);
        }
        for (JsonNode a : articles.values()) {
            String province = a.get("province").asText();
            assertTrue(names.contains(province), province);
            if (a.get("lang").asText().equals("vi")) {
                String slug = WorldProvince.withoutMarks(province).toLowerCase().replaceAll("[^a-z]", "");
                assertEquals("bao" + slug, a.get("source").asText());
                assertEquals("Báo " + province, a.get("sourceName").asText());
                assertTrue(a.get("url").asText().startsWith("https://bao" + slug + ".example.vn/"), a.get("url").asText());
            } else {
                assertEquals("vietnamplus", a.get("source").asText());
            }
        }
        long english = articles.values().stream().filter(a -> a.get("lang").asText().equals("en")).count();
        assertTrue(english >= 40 && english <= 55, english + " English articles, about 15% of 315");
    }

    @Test
    void articlesAreWhatTheImporterReads() throws IOException {
        for (String line : Files.readAllLines(world.resolve("articles.jsonl"))) {
            ArticleInput input = Json.MAPPER.readValue(line, ArticleInput.class);
            assertNotNull(input.url());
            assertFalse(input.title().isBlank());
            assertFalse(input.body().isBlank());
            assertTrue(input.published().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\+07:00"), input.published());
            assertTrue(Gazetteer.get().resolve(input.province()).isPresent(), input.province());
        }
        assertEquals(articles.size(), Files.readAllLines(world.resolve("articles.jsonl")).size(), "every URL is its own");
    }

    @Test
    void atLeastTenMeasuresForEveryProvinceInEveryYear() {
        Map<String, Set<String>> provinces = new HashMap<>();
        for (JsonNode t : truth) {
            provinces.computeIfAbsent(t.get("measure").asText() + "|" + t.get("year").asInt(), k -> new HashSet<>())
                .add(t.get("province").asText());
        }
        for (int year = FROM; year <= TO; year++) {
            int y = year;
            long complete = provinces.entrySet().stream().filter(e -> e.getKey().endsWith("|" + y) && e.getValue().size() == 63).count();
            assertTrue(complete >= 10, complete + " measures with all 63 provinces in " + year);
        }
    }

    @Test
    void everyTruthValueIsWrittenInItsArticleAndAllArticlesAgree() {
        Map<String, Double> cells = new HashMap<>();
        for (JsonNode t : truth) {
            JsonNode article = articles.get(t.get("url").asText());
            assertNotNull(article, t.get("url").asText());
            String sentence = t.get("sentence").asText();
            String written = t.get("written").asText();
            assertTrue(article.get("body").asText().contains(sentence), sentence);
            assertTrue(Pattern.compile("(?<![\\d.,])" + Pattern.quote(written) + "(?![\\d]|[.,]\\d)").matcher(sentence).find(),
                written + " in: " + sentence);
            boolean vi = t.get("lang").asText().equals("vi");
            double parsed = Double.parseDouble(vi ? written.replace(".", "").replace(',', '.') : written.replace(",", ""));
            assertEquals(t.get("value").asDouble(), parsed, 1e-9, written);
            String cell = t.get("measure").asText() + "|" + t.get("province").asText() + "|" + t.get("year").asInt();
            Double before = cells.put(cell, t.get("value").asDouble());
            assertTrue(before == null || before == t.get("value").asDouble(), "two values for " + cell);
        }
    }

    @Test
    void everyQuestionIsAnsweredByTheUniqueTopOrBottomOfTheTruth() {
        assertTrue(questions.stream().filter(q -> q.get("lang").asText().equals("en")).count() >= 12);
        assertTrue(questions.stream().filter(q -> q.get("lang").asText().equals("vi")).count() >= 12);
        for (JsonNode q : questions) {
            Map<String, Double> byProvince = new HashMap<>();
            truth.stream().filter(t -> t.get("measure").asText().equals(q.get("measure").asText()) && t.get("year").asInt() == q.get("year").asInt())
                .forEach(t -> byProvince.put(t.get("province").asText(), t.get("value").asDouble()));
            assertEquals(63, byProvince.size(), q.get("question").asText());
            boolean desc = q.get("order").asText().equals("desc");
            double extreme = byProvince.values().stream().mapToDouble(Double::doubleValue).reduce(desc ? Double::max : Double::min).orElseThrow();
            List<String> atExtreme = byProvince.entrySet().stream().filter(e -> e.getValue() == extreme).map(Map.Entry::getKey).toList();
            assertEquals(List.of(q.get("answer_province").asText()), atExtreme, q.get("question").asText());
            assertEquals(extreme, q.get("answer_value").asDouble());
            assertTrue(q.get("question").asText().contains(q.get("year").asText()));
        }
        assertEquals(questions.size(), questions.stream().map(q -> q.get("id").asText()).distinct().count());
    }

    @Test
    void distractorsSitInTheSameArticles() throws IOException {
        Map<String, Set<String>> roles = new HashMap<>();
        for (JsonNode d : lines(world.resolve("distractors.jsonl"))) {
            assertTrue(articles.get(d.get("url").asText()).get("body").asText().contains(d.get("sentence").asText()));
            roles.computeIfAbsent(d.get("url").asText(), k -> new HashSet<>()).add(d.get("role").asText());
        }
        Set<String> all = roles.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(Set.of("change", "target", "national", "other_province", "district", "breakdown", "total"), all);
        articles.values().stream().filter(a -> a.get("lang").asText().equals("vi"))
            .forEach(a -> assertTrue(roles.getOrDefault(a.get("url").asText(), Set.of()).containsAll(Set.of("target", "national")),
                a.get("url").asText()));
    }

    @Test
    void vietnameseWritesDecimalCommasAndVariesItsSpelling() {
        String vi = articles.values().stream().filter(a -> a.get("lang").asText().equals("vi"))
            .map(a -> a.get("body").asText()).collect(Collectors.joining("\n"));
        assertTrue(vi.contains("tỷ lệ") && vi.contains("tỉ lệ"));
        assertTrue(vi.contains("BHYT") && vi.contains("bảo hiểm y tế"));
        for (JsonNode t : truth) {
            String written = t.get("written").asText();
            if (t.get("lang").asText().equals("vi")) {
                assertFalse(written.matches(".*\\.\\d{1,2}"), written);
            } else {
                assertFalse(written.matches(".*,\\d{1,2}"), written);
            }
        }
    }

    @Test
    void everyTemplateUsesKnownKeysAndEveryMeasureCanAlwaysBeStated() {
        WorldTemplates templates = WorldTemplates.load();
        Set<String> article = Set.of("P", "Pen", "Pfull", "tinh", "toan", "region", "year", "prevYear", "nextYear", "met", "planned",
            "day", "dayEn", "code", "outlet", "slug", "person", "personEn", "views");
        Set<String> measure = Set.of("v", "prev", "delta", "deltaPct", "tg", "upDown", "roseFell", "toWord", "change", "count", "total",
            "deltaCount", "tgCount", "u", "du", "name", "target", "nv", "vsNational", "other", "otherFull", "otherEn", "ov", "vsOther",
            "d1", "d2", "d3", "d4", "v1", "v2", "v3", "v4", "dLow", "vLow", "uc", "uv", "rc", "rv");
        Set<String> known = new HashSet<>(article);
        known.addAll(measure);
        known.addAll(Set.of("items", "nameA", "nameB", "a", "b"));
        templates.measures().forEach(m -> known.add("v:" + m.id()));
        for (String template : allTemplates(templates)) {
            for (String key : Phrases.keys(template)) {
                assertTrue(known.contains(key), "{" + key + "} in: " + template);
            }
        }
        Set<String> always = new HashSet<>(article);
        always.addAll(Set.of("v", "u", "du", "name", "nv"));
        Pattern direction = Pattern.compile("giảm còn|xuống còn|giảm được|tăng lên|fell to|rose to|fallen");
        for (WorldTemplates.Measure m : templates.measures()) {
            Set<String> ofMeasure = new HashSet<>(always);
            if (m.count() != null) {
                ofMeasure.addAll(Set.of("count", "total"));
            }
            if (m.countOf() != null) {
                ofMeasure.add("total");
            }
            for (WorldTemplates.Lang lang : WorldTemplates.Lang.values()) {
                for (List<String> shapes : List.of(m.text(lang).clauses(), m.text(lang).sentences())) {
                    assertTrue(shapes.stream().anyMatch(t -> ofMeasure.containsAll(Phrases.keys(t))), m.id() + " " + lang + ": " + shapes);
                    if (!m.monotone()) {
                        shapes.forEach(t -> assertFalse(direction.matcher(t).find(), m.id() + " moves both ways: " + t));
                    }
                }
            }
            Stream.of(m.say().vi(), m.say().en(), m.ask().vi(), m.ask().en()).flatMap(List::stream)
                .forEach(name -> assertTrue(Character.isLetter(name.charAt(0)), m.id() + ": '" + name + "' (a comma split a flow list?)"));
        }
    }

    private static List<String> allTemplates(WorldTemplates t) {
        List<String> all = new ArrayList<>();
        for (WorldTemplates.Measure m : t.measures()) {
            for (WorldTemplates.Lang lang : WorldTemplates.Lang.values()) {
                all.addAll(m.text(lang).clauses());
                all.addAll(m.text(lang).sentences());
            }
        }
        WorldTemplates.ArticleText a = t.article();
        for (WorldTemplates.Lang lang : WorldTemplates.Lang.values()) {
            all.addAll(a.titles().of(lang));
            all.addAll(a.leads().of(lang));
            all.addAll(a.lists().of(lang).health());
            all.addAll(a.lists().of(lang).social());
            all.addAll(a.changes().of(lang).up());
            all.addAll(a.changes().of(lang).down());
            all.addAll(a.national().of(lang).all());
            all.addAll(a.national().of(lang).mean());
            all.addAll(a.otherProvince().of(lang));
            all.addAll(a.districts().of(lang).share());
            all.addAll(a.districts().of(lang).count());
            all.addAll(a.breakdown().of(lang));
            all.addAll(a.pairs().of(lang));
            all.addAll(a.targets().of(lang).wrappers());
            all.addAll(a.targets().of(lang).higher());
            all.addAll(a.targets().of(lang).lower());
            a.filler().of(lang).values().forEach(all::addAll);
            all.addAll(a.closings().of(lang));
            all.addAll(a.boilerplate().of(lang).relatedTitles());
            if (a.boilerplate().of(lang).trailers() != null) {
                all.addAll(a.boilerplate().of(lang).trailers());
            }
        }
        return all;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(Json.MAPPER.readTree(line));
        }
        return nodes;
    }
}
