package portalkb.cli;

import portalkb.ask.AskService;
import portalkb.ask.answer.SentenceReader;
import portalkb.ask.retrieve.TermWeights;
import portalkb.eval.CandidateRows;
import portalkb.app.Services;
import portalkb.config.AppConfig;
import portalkb.eval.Bm25Baseline;
import portalkb.eval.Devset;
import portalkb.eval.DevsetEval;
import portalkb.eval.DevsetLoader;
import portalkb.eval.ProvinceScoring;
import portalkb.index.VectorFiller;
import portalkb.store.Elastic;
import portalkb.store.IndexInitializer;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kb eval --devset DIR [--split dev|test|all] [--questions FILE] [--unanswerable FILE] [--misses] [--embeddings]
 * [--no-province] [--province-only] [--json] [--features FILE]}: loads the devset's articles into indices of their own
 * ({@code <prefix>-devset-*}), asks the split's questions and our unanswerable ones, and prints each answer, the misses,
 * and per-split, per-language accuracy beside the BM25 baseline. The test split is asked only when named: it is for the
 * final run. Province attribution is scored on every article; per article only for the split asked (a held-out half
 * shows its accuracy alone), as a whole on every split. {@code --no-province}: no source hands a province over.
 * {@code --features FILE}: the reader's candidates for each question, labelled, for {@code ./kb fit-reader}.
 */
final class DevsetEvalCommand {

    private final Args args;

    DevsetEvalCommand(Args args) {
        this.args = args;
    }

    /** The configuration with the devset's own index prefix, so the user's knowledge base is not touched. */
    static AppConfig devsetConfig(AppConfig config) {
        AppConfig.Elasticsearch es = config.elasticsearch();
        return new AppConfig(config.data(), new AppConfig.Elasticsearch(es.url(), es.apiKey(), es.username(), es.password(),
            es.caFile(), es.indexPrefix() + "-devset", es.requestTimeoutMs(), es.local()), config.server(), config.crawler(), config.ask(),
            config.analytics(), config.importer());
    }

    int run(Elastic elastic, AppConfig config, PrintStream out) throws IOException, InterruptedException {
        Devset devset = Devset.load(Path.of(args.option("devset", "")));
        String split = args.option("split", "dev");
        if (!List.of("dev", "test", "all").contains(split)) {
            throw new UsageException("--split expects dev, test or all");
        }
        List<Devset.Question> asked = args.has("questions") ? Devset.questions(Path.of(args.option("questions", "")), devset.devLast()) : devset.questions();
        List<Devset.Question> questions = new ArrayList<>(asked.stream()
            .filter(q -> split.equals("all") || q.split().equals(split)).toList());
        Path unanswerable = Path.of(args.option("unanswerable", "eval/unanswerable.jsonl"));
        if (Files.isReadable(unanswerable)) {
            questions.addAll(Devset.questions(unanswerable, devset.devLast()));
        }
        freshIndices(elastic);
        boolean embeddings = (config.ask().embeddings() || args.has("embeddings")) && !args.has("no-embeddings");
        int loaded = DevsetLoader.load(elastic, devset, embeddings ? new VectorFiller(elastic, config.ask().vectors().batchSize()) : null,
            !args.has("no-province"));
        List<ProvinceScoring.Row> allProvinces = ProvinceScoring.score(elastic, devset);
        List<ProvinceScoring.Tally> provinceTallies = ProvinceScoring.tallies(allProvinces);
        List<ProvinceScoring.Row> provinces = allProvinces.stream().filter(r -> split.equals("all") || r.split().equals(split)).toList();
        if (args.has("province-only")) {
            questions.clear();
        }
        if (!args.has("json")) {
            out.printf("loaded %d devset articles (vectors %s); asking %d questions (split %s + %d unanswerable)%n", loaded,
                embeddings ? "on" : "off", questions.size(), split, questions.stream().filter(Devset.Question::answerNone).count());
        }
        AppConfig askConfig = withEmbeddings(config, embeddings);
        List<DevsetEval.Scored> scored;
        if (questions.isEmpty()) {
            scored = List.of();
        } else if (args.has("features")) {
            // The reader's candidates, labelled, for ./kb fit-reader.
            Path file = Path.of(args.option("features", ""));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                CandidateRows rows = new CandidateRows(w, Path.of(args.option("devset", "")).getFileName() + ":" + split);
                AskService ask = new AskService(elastic, askConfig, new SentenceReader(new TermWeights(elastic), rows));
                scored = new DevsetEval(ask, Bm25Baseline.build(elastic, devset), rows).run(questions);
            }
            out.printf("labelled candidates written to %s%n", file);
        } else {
            scored = new DevsetEval(Services.of(askConfig, elastic).ask(), Bm25Baseline.build(elastic, devset)).run(questions);
        }
        List<DevsetEval.Tally> tallies = DevsetEval.tallies(scored);
        if (args.has("json")) {
            Report report = new Report(tallies.stream().map(TallyRow::of).toList(), scored, provinceTallies,
                provinces.stream().map(ProvinceRow::of).toList());
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        }
        for (DevsetEval.Scored s : scored) {
            if (args.has("misses") && s.right()) {
                continue;
            }
            out.printf("%-5s %-10s %s%n      → %s%n", s.right() ? "RIGHT" : "WRONG", s.question().id(), s.question().question(),
                s.answer().replace("\n", " / "));
            if (!s.right() && !s.question().answerNone()) {
                out.printf("      expected %s, %s · province %s · figure %s · citation %s · baseline %s%n", s.question().answerProvince(),
                    expected(s.question()), ok(s.province()), ok(s.figure()), ok(s.citation()), ok(s.baselineRight()));
            }
        }
        if (!scored.isEmpty()) {
            List<Long> took = scored.stream().map(DevsetEval.Scored::tookMs).sorted().toList();
            out.printf("%nask time per question: p50 %d ms, p95 %d ms (%d questions, vectors %s)%n", took.get(took.size() / 2),
                took.get(Math.min(took.size() - 1, (int) Math.ceil(took.size() * 0.95) - 1)), took.size(), embeddings ? "on" : "off");
            out.printf("%n%-13s %-15s %9s %14s %14s%n", "split", "part", "questions", "PortalKB", "BM25 top hit");
            for (DevsetEval.Tally t : tallies) {
                out.printf("%-13s %-15s %9d %7d %5.1f%% %7d %5.1f%%%n", t.split(), t.part(), t.questions(), t.right(), 100 * t.accuracy(),
                    t.baselineRight(), 100 * t.baselineAccuracy());
            }
        }
        printProvinces(provinces, provinceTallies, out);
        return 0;
    }

    private void printProvinces(List<ProvinceScoring.Row> rows, List<ProvinceScoring.Tally> tallies, PrintStream out) {
        out.printf("%nprovince of each article (%s)%n", args.has("no-province") ? "--no-province: read from the article alone"
            : "a province's own outlet named by its source");
        for (ProvinceScoring.Row r : rows) {
            if (args.has("misses") && r.right()) {
                continue;
            }
            out.printf("%-5s %s  expected %-16s stored %s%n", r.right() ? "RIGHT" : "WRONG", r.article().file(), r.expected(),
                r.stored() == null ? "(none)" : r.stored());
        }
        out.printf("%n%-13s %9s %14s%n", "split", "articles", "province right");
        for (ProvinceScoring.Tally t : tallies) {
            out.printf("%-13s %9d %7d %5.1f%%%n", t.split(), t.articles(), t.right(), 100 * t.accuracy());
        }
    }

    /** {@code --json}: accuracy per split and language, then every question scored. */
    record Report(List<TallyRow> tallies, List<DevsetEval.Scored> questions, List<ProvinceScoring.Tally> provinceTallies,
                  List<ProvinceRow> provinces) {
    }

    record ProvinceRow(String file, String expected, String stored, boolean right) {
        static ProvinceRow of(ProvinceScoring.Row r) {
            return new ProvinceRow(r.article().file(), r.expected(), r.stored(), r.right());
        }
    }

    record TallyRow(String split, String part, int questions, int right, double accuracy, int baselineRight, double baselineAccuracy) {
        static TallyRow of(DevsetEval.Tally t) {
            return new TallyRow(t.split(), t.part(), t.questions(), t.right(), t.accuracy(), t.baselineRight(), t.baselineAccuracy());
        }
    }

    private static String expected(Devset.Question q) {
        return switch (q.kindOrValue()) {
            case "when" -> q.answerWhen();
            case "open" -> "the sentence \"" + q.evidence() + "\"";
            default -> q.answerValue();
        };
    }

    private static String ok(boolean b) {
        return b ? "ok" : "MISS";
    }

    private static AppConfig withEmbeddings(AppConfig c, boolean on) {
        AppConfig.Ask a = c.ask();
        return new AppConfig(c.data(), c.elasticsearch(), c.server(), c.crawler(),
            new AppConfig.Ask(a.model(), a.topK(), a.openai(), a.ollama(), on, a.vectors()), c.analytics(), c.importer());
    }

    private static void freshIndices(Elastic elastic) throws IOException {
        var existing = elastic.client().indices().get(g -> g.index(elastic.names().prefix() + "-*").allowNoIndices(true)).indices().keySet();
        if (!existing.isEmpty()) {
            elastic.client().indices().delete(d -> d.index(List.copyOf(existing)));
        }
        new IndexInitializer(elastic).initialise();
    }
}
