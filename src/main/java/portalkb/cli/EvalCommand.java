package portalkb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import portalkb.app.Services;
import portalkb.ask.AskResponse;
import portalkb.ask.AskService;
import portalkb.ask.question.QuestionAnalyzer;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.figures.FigureExtractor;
import portalkb.core.Gazetteer;
import portalkb.core.Text;
import portalkb.store.Article;
import portalkb.store.Elastic;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./kb eval FILE.jsonl}: asks every question and scores the answer: the province right, the
 * figure present in the answer, and a citation to an article that contains the figure. Lines may share
 * a {@code conversation} key to test follow-ups; {@code answer_none: true} expects "no answer",
 * {@code answer_cited: true} an answer that cites at least one passage (open questions). {@code outlet: national}: a question
 * about a national outlet's article; which-province accuracy is reported for those and for the rest apart.
 */
public final class EvalCommand {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private final Args args;

    public EvalCommand(Args args) {
        this.args = args;
    }

    int run(Elastic elastic, AppConfig config, PrintStream out) throws IOException {
        return run(elastic, config, Path.of(args.word(1, "./kb eval FILE.jsonl")), out);
    }

    public int run(Elastic elastic, AppConfig config, Path file, PrintStream out) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        AskService ask = Services.of(config, elastic).ask();
        Map<String, String> conversations = new HashMap<>();
        int asked = 0;
        int right = 0;
        int baselineAsked = 0;
        int baselineRight = 0;
        // English "which province" questions not naming their answer: ours and the baseline's.
        Tally english = new Tally();
        Tally englishBaseline = new Tally();
        QuestionAnalyzer analyzer = new QuestionAnalyzer();
        Tally province = new Tally();
        // Which-province questions (the answer province not named in them), on national and on provincial outlets.
        Tally whichNational = new Tally();
        Tally whichProvincial = new Tally();
        Tally figures = new Tally();
        Tally citations = new Tally();
        List<EvalReport.Row> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode q = Json.MAPPER.readTree(line);
            String id = q.path("id").asText("line " + lineNo);
            String conversationKey = q.path("conversation").asText(null);
            AskResponse r = ask.ask(q.path("question").asText(), conversationKey == null ? null : conversations.get(conversationKey), null, null);
            if (conversationKey != null) {
                conversations.put(conversationKey, r.conversationId());
            }
            asked++;
            Boolean cited = null;
            Boolean noAnswer = null;
            Boolean baselineProvince = null;
            Boolean provinceOk = null;
            Boolean figurePresent = null;
            Boolean figureCited = null;
            boolean ok = true;
            if (q.path("answer_cited").asBoolean(false)) {
                cited = !r.citations().isEmpty();
                ok &= cited;
            }
            if (q.path("answer_none").asBoolean(false)) {
                noAnswer = r.citations().isEmpty();
                ok = noAnswer;
            }
            if (q.hasNonNull("answer_province") && conversationKey == null) {
                baselineAsked++;
                boolean base = q.get("answer_province").asText().equals(bm25TopProvince(elastic, q.path("question").asText()));
                baselineRight += base ? 1 : 0;
                baselineProvince = base;
                // The telling subset: English questions whose answer province is not named in them.
                boolean named = Text.fold(q.path("question").asText()).contains(Text.fold(q.get("answer_province").asText()));
                if (!named && "en".equals(analyzer.analyze(q.path("question").asText()).lang())) {
                    english.add(provinceRight(q.get("answer_province").asText(), r));
                    englishBaseline.add(base);
                }
            }
            if (q.hasNonNull("answer_province")) {
                provinceOk = provinceRight(q.get("answer_province").asText(), r);
                province.add(provinceOk);
                ok &= provinceOk;
                if (conversationKey == null && !namesProvince(q.path("question").asText(), q.get("answer_province").asText())) {
                    ("national".equals(q.path("outlet").asText()) ? whichNational : whichProvincial).add(provinceOk);
                }
            }
            if (q.hasNonNull("answer_figure")) {
                double figure = FigureExtractor.parse(firstNumber(q.get("answer_figure").asText()));
                figurePresent = numbers(r.answer()).stream().anyMatch(n -> Math.abs(n - figure) < 0.051);
                figureCited = figurePresent && citedArticleContains(elastic, r, figure);
                figures.add(figurePresent);
                citations.add(figureCited);
                ok &= figurePresent && figureCited;
            }
            right += ok ? 1 : 0;
            rows.add(new EvalReport.Row(id, q.path("question").asText(), r.answer(), cited, noAnswer, baselineProvince, provinceOk,
                figurePresent, figureCited, ok));
            if (!args.has("json")) {
                out.printf("%-6s %-5s %s%n       → %s%n", ok ? "RIGHT" : "WRONG", id, q.path("question").asText(),
                    r.answer().replace("\n", " / "));
            }
        }
        EvalReport.Summary summary = new EvalReport.Summary(asked, right, ratio(right, asked), province.ratio(), figures.ratio(),
            citations.ratio(), ratio(baselineRight, baselineAsked), english.ratio(), englishBaseline.ratio(), whichProvincial.ratio(),
            whichNational.ratio());
        if (args.has("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new EvalReport(summary, rows)));
        } else {
            out.printf("%nright %d/%d = %.1f%% · province %s · figure %s · citation %s%n", right, asked, 100.0 * ratio(right, asked),
                province.pct(), figures.pct(), citations.pct());
            out.printf("baseline (question text as one BM25 match query, top hit's province): province %s; English questions not naming the answer province: ours %s, baseline %s%n",
                pct(baselineRight, baselineAsked), english.pct(), englishBaseline.pct());
            out.printf("which-province questions: provincial outlets %s, national outlets %s%n", whichProvincial.pct(), whichNational.pct());
        }
        return 0;
    }

    /** The baseline: the question straight into a match query over article text; the top hit's province. */
    private static String bm25TopProvince(Elastic elastic, String question) throws IOException {
        var response = elastic.client().search(s -> s.index(elastic.names().articles()).size(1)
            .query(q -> q.match(m -> m.field("body").query(question))), Article.class);
        return response.hits().hits().isEmpty() ? null : String.valueOf(response.hits().hits().get(0).source().province());
    }

    /** Whether a question names the province it asks about (then it is no which-province question). */
    private static boolean namesProvince(String question, String province) {
        String q = Text.fold(question);
        return Gazetteer.get().resolve(province).map(p -> q.contains(Text.fold(p.name()))
            || p.aliases().stream().anyMatch(a -> q.contains(Text.fold(a)))).orElse(q.contains(Text.fold(province)));
    }

    private static boolean provinceRight(String expected, AskResponse r) {
        String want = Gazetteer.get().resolve(expected).map(Gazetteer.Province::name).orElse(expected);
        return want.equals(r.province()) || Text.fold(r.answer()).contains(Text.fold(want));
    }

    private static boolean citedArticleContains(Elastic elastic, AskResponse r, double figure) throws IOException {
        for (AskResponse.Citation c : r.citations()) {
            if (c.url() == null) {
                continue;
            }
            var doc = elastic.client().get(g -> g.index(elastic.names().articles()).id(UrlNormalizer.id(c.url())).sourceIncludes("body"), Article.class);
            if (doc.found() && numbers(String.valueOf(doc.source().body())).stream().anyMatch(n -> Math.abs(n - figure) < 0.051)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("answer_figure without a number: " + text);
        }
        return m.group();
    }

    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(FigureExtractor.parse(m.group()));
        }
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static String pct(int a, int b) {
        return b == 0 ? "n/a" : String.format("%d/%d", a, b);
    }

    /** Right answers out of those asked, for one kind of check. */
    private static final class Tally {
        private int right;
        private int asked;

        void add(boolean ok) {
            asked++;
            right += ok ? 1 : 0;
        }

        double ratio() {
            return EvalCommand.ratio(right, asked);
        }

        String pct() {
            return EvalCommand.pct(right, asked);
        }
    }
}
