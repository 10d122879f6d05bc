package portalkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import portalkb.app.Services;
import portalkb.ask.AskResponse;
import portalkb.config.AppConfig;
import portalkb.core.Gazetteer;
import portalkb.eval.StatedValues;
import portalkb.index.ArticleWriter;
import portalkb.index.JsonlImporter;
import portalkb.search.Analysis;
import portalkb.search.FactAnalytics;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.Fact;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./kb bench world --eval DIR}: a world written by {@link ProvinceWorld}, imported as a user would, then read
 * back: for each of its measures, the metric the knowledge base files its province results under (the one most of
 * them got), how many provinces each year's ranking holds with the right value, and its superlative questions asked
 * through the ask service, right when the lead names the province with the value.
 */
final class WorldEval {

    /** A measure of the world: how it was filed and how its rankings came out. */
    record MeasureResult(String measure, String metric, int cells, int rankedRight, int rankedWrong) {
    }

    /** A question: what the answer said, and whether it named the province and the value. */
    record QuestionResult(String id, String lang, String question, String expected, String answer, boolean right) {
    }

    private final Path dir;
    private final PrintStream out;
    private final boolean gaps;

    WorldEval(Path dir, PrintStream out) {
        this(dir, out, false);
    }

    /** {@code gaps}: list each truth cell a ranking lacks or states otherwise. */
    WorldEval(Path dir, PrintStream out, boolean gaps) {
        this.dir = dir;
        this.out = out;
        this.gaps = gaps;
    }

    /**
     * {@code ./kb bench world --eval DIR --reading}: no node; each article read as the indexer reads it, and every truth
     * figure not read as a result of its province and year, and every distractor read as one, listed.
     */
    int reading(boolean list) throws IOException {
        List<JsonNode> articles = lines(dir.resolve("articles.jsonl"));
        Map<String, List<portalkb.figures.Figure>> read = new HashMap<>();
        portalkb.figures.FigureExtractor extractor = new portalkb.figures.FigureExtractor();
        for (JsonNode a : articles) {
            String published = a.path("published").asText("");
            Integer year = published.length() >= 4 ? Integer.valueOf(published.substring(0, 4)) : null;
            read.put(a.get("url").asText(), extractor.extract(a.get("body").asText(), ArticleWriter.reportYear(a.get("title").asText(), year),
                year, a.path("province").asText(null)));
        }
        int missed = 0;
        Map<String, Integer> missedBy = new TreeMap<>();
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (JsonNode t : lines(dir.resolve("truth.jsonl"))) {
            read.get(t.get("url").asText()).stream().filter(f -> f.isProvinceResult()
                && portalkb.core.WrittenNumbers.same(f.written(), t.get("written").asText()))
                .forEach(f -> votes.computeIfAbsent(t.get("measure").asText(), k -> new HashMap<>()).merge(f.metric(), 1, Integer::sum));
            boolean found = read.get(t.get("url").asText()).stream().anyMatch(f -> f.isProvinceResult()
                && (portalkb.core.WrittenNumbers.same(f.written(), t.get("written").asText()) || f.written().startsWith(t.get("written").asText() + "/") || f.written().startsWith(t.get("written").asText() + " ")) && StatedValues.sameYear(f.year(), t.get("year").asInt()));
            if (!found) {
                missed++;
                missedBy.merge(t.get("measure").asText(), 1, Integer::sum);
                if (list) {
                    out.printf("MISSED %s %s %s %s · %s%n", t.get("measure").asText(), t.get("written").asText(), t.get("year").asText(),
                        t.get("province").asText(), t.get("sentence").asText());
                }
            }
        }
        int taken = 0;
        Map<String, Integer> takenBy = new TreeMap<>();
        for (JsonNode d : lines(dir.resolve("distractors.jsonl"))) {
            String filed = votes.getOrDefault(d.get("measure").asText(), Map.of()).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
            var as = read.get(d.get("url").asText()).stream().filter(f -> f.isProvinceResult() && f.metric().equals(filed)
                && portalkb.core.WrittenNumbers.same(f.written(), d.get("written").asText())
                && f.sentence().contains(d.get("written").asText())).findFirst();
            if (as.isPresent()) {
                taken++;
                takenBy.merge(d.path("role").asText("?"), 1, Integer::sum);
                if (list) {
                    out.printf("TAKEN  %s %s as %s · %s%n", d.path("role").asText("?"), d.get("written").asText(), as.get().metric(),
                        as.get().sentence());
                }
            }
        }
        out.printf("truth figures not read as their province's result of their year: %d %s%n", missed, missedBy);
        out.printf("distractors read as a province's result of the measure: %d %s%n", taken, takenBy);
        return 0;
    }

    /** What the evaluation found: each measure's rankings and each question's answer. */
    record Result(List<MeasureResult> measures, List<QuestionResult> questions) {
        /** Share of the questions in a language answered right. */
        double rightShare(String lang) {
            List<QuestionResult> part = questions.stream().filter(q -> q.lang().equals(lang)).toList();
            return part.isEmpty() ? 0 : (double) part.stream().filter(QuestionResult::right).count() / part.size();
        }
    }

    int run(AppConfig config, Elastic elastic) throws IOException, InterruptedException {
        evaluate(config, elastic);
        return 0;
    }

    Result evaluate(AppConfig config, Elastic elastic) throws IOException, InterruptedException {
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            JsonlImporter.Summary s = new JsonlImporter(new ArticleWriter(elastic, bulk), bulk, new PrintStream(java.io.OutputStream.nullOutputStream()),
                JsonlImporter.Settings.of(config)).importFile(dir.resolve("articles.jsonl"));
            out.println("imported: " + s.describe());
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        List<JsonNode> truth = lines(dir.resolve("truth.jsonl"));
        Map<String, String> filedAs = filedAs(elastic, truth);
        FactAnalytics analytics = Services.of(config, elastic).analytics();
        List<MeasureResult> measures = new ArrayList<>();
        Map<String, List<JsonNode>> byMeasure = truth.stream().collect(Collectors.groupingBy(t -> t.get("measure").asText(), TreeMap::new,
            Collectors.toList()));
        out.printf("%n%-32s %-44s %7s %7s %7s%n", "world measure", "filed as", "cells", "ranked", "wrong");
        for (var e : byMeasure.entrySet()) {
            String metric = filedAs.get(e.getKey());
            int right = 0;
            int wrong = 0;
            if (metric != null) {
                Map<Integer, List<JsonNode>> byYear = e.getValue().stream().collect(Collectors.groupingBy(t -> t.get("year").asInt()));
                for (var y : byYear.entrySet()) {
                    Map<String, String> ranked = new HashMap<>();
                    for (Analysis.RankRow row : analytics.rank(metric, y.getKey(), FactAnalytics.Order.DESC, 0).rows()) {
                        ranked.put(row.cell().province(), row.cell().figure().raw());
                    }
                    for (JsonNode t : y.getValue()) {
                        String got = ranked.get(t.get("province").asText());
                        if (got != null && statesWritten(got, t.get("written").asText())) {
                            right++;
                        } else {
                            wrong += got != null ? 1 : 0;
                            if (gaps) {
                                out.printf("  GAP %s %s %d: ranked %s, stated %s · %s%n", e.getKey(), t.get("province").asText(), y.getKey(), got,
                                    t.get("written").asText(), t.get("sentence").asText());
                            }
                        }
                    }
                }
            }
            measures.add(new MeasureResult(e.getKey(), metric, e.getValue().size(), right, wrong));
            out.printf("%-32s %-44s %7d %7d %7d%n", e.getKey(), metric == null ? "-" : metric, e.getValue().size(), right, wrong);
        }
        List<QuestionResult> answers = ask(Services.of(config, elastic), lines(dir.resolve("questions.jsonl")));
        for (String lang : List.of("en", "vi")) {
            List<QuestionResult> part = answers.stream().filter(a -> a.lang().equals(lang)).toList();
            out.printf("%nsuperlative questions (%s): %d of %d right%n", lang, part.stream().filter(QuestionResult::right).count(), part.size());
            part.stream().filter(a -> !a.right()).forEach(a -> out.printf("  WRONG %s %s%n        expected %s%n        → %s%n", a.id(),
                a.question(), a.expected(), a.answer().replace("\n", " / ")));
        }
        return new Result(measures, answers);
    }

    /** For each world measure, the metric most of its province results were filed under. */
    private static Map<String, String> filedAs(Elastic elastic, List<JsonNode> truth) throws IOException {
        Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
        Map<String, List<JsonNode>> byUrl = truth.stream().collect(Collectors.groupingBy(t -> t.get("url").asText()));
        for (var e : byUrl.entrySet()) {
            List<Fact> facts = elastic.client().search(s -> s.index(elastic.names().facts()).size(500)
                .query(q -> q.term(t -> t.field("url").value(e.getKey()))), Fact.class).hits().hits().stream().map(h -> h.source()).toList();
            for (JsonNode t : e.getValue()) {
                for (Fact f : facts) {
                    if (f.isProvinceResult() && f.raw() != null && statesWritten(f.raw(), t.get("written").asText())
                        && StatedValues.sameYear(f.year(), t.get("year").asInt())) {
                        votes.computeIfAbsent(t.get("measure").asText(), k -> new HashMap<>()).merge(f.metric(), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((measure, v) -> out.put(measure, v.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null)));
        return out;
    }

    /** A figure as written ("32,4 triệu đồng", "84 of the province's 160") states the number written ("32,4", "84"). */
    private static boolean statesWritten(String raw, String written) {
        java.util.regex.Matcher m = portalkb.core.WrittenNumbers.NUMBER.matcher(raw);
        return m.find() && portalkb.core.WrittenNumbers.same(m.group(), written);
    }

    private static List<QuestionResult> ask(Services services, List<JsonNode> questions) {
        List<QuestionResult> out = new ArrayList<>();
        for (JsonNode q : questions) {
            AskResponse r = services.ask().ask(q.get("question").asText(), null, null, null);
            String lead = r.answer().strip().split("\n")[0];
            String province = q.get("answer_province").asText();
            boolean right = Gazetteer.get().resolve(r.province() == null ? "" : r.province()).map(p -> p.name().equals(province)).orElse(false)
                && StatedValues.states(lead, q.get("answer_value").asDouble());
            out.add(new QuestionResult(q.get("id").asText(), q.get("lang").asText(), q.get("question").asText(),
                province + " " + q.get("answer_value").asText(), r.answer(), right));
        }
        return out;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Json.MAPPER.readTree(line));
            }
        }
        return out;
    }
}
