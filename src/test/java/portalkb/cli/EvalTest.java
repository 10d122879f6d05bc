package portalkb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.crawl.CrawlListener;
import portalkb.crawl.CrawlOptions;
import portalkb.crawl.Crawler;
import portalkb.crawl.SourcesFile;
import portalkb.demo.StaticSiteServer;
import portalkb.bench.GeneratedCorpus;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our question sets with a floor on accuracy: eval/questions.jsonl over the crawled sample portal (which-province
 * questions on its national outlet answered as well as on its provincial sites), and
 * eval/bench-questions.jsonl over the benchmark generator's corpus (the 2,000 articles it was made from).
 */
@ExtendWith(TestElastic.class)
class EvalTest {

    @Test
    void questionSetStaysAboveTheFloorAndBeatsTheBm25Baseline() throws Exception {
        AppConfig config = TestElastic.config(EvalTest.class, Map.of());
        try (Elastic elastic = TestElastic.freshIndices(config); StaticSiteServer portal = new StaticSiteServer("/portalkb/demo/sites", 0)) {
            Path sources = Files.createTempFile("eval-sources", ".yaml");
            try (InputStream in = EvalTest.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
                Files.writeString(sources, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", portal.baseUrl()));
            }
            new Crawler(elastic, config.crawler()).run(SourcesFile.load(sources, config.crawler()), CrawlOptions.DEFAULT, CrawlListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new EvalCommand(Args.parse(new String[]{"eval", "eval/questions.jsonl", "--json"}))
                .run(elastic, config, Path.of("eval/questions.jsonl"), new PrintStream(out, true, StandardCharsets.UTF_8));
            JsonNode summary = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("summary");
            System.out.println("question set on the sample portal: " + summary);
            assertTrue(summary.get("questions").asInt() >= 60, summary.toString());
            assertTrue(summary.get("accuracy").asDouble() >= 0.9, summary.toString());
            // Which province, on the national outlet (each article's province read from it) as well as on provincial sites.
            assertTrue(summary.get("nationalWhichProvinceAccuracy").asDouble() >= summary.get("provincialWhichProvinceAccuracy").asDouble(),
                summary.toString());
            // On 21 articles a distinctive number alone finds the article, so the baseline is strong; ours must still beat it.
            assertTrue(summary.get("provinceAccuracy").asDouble() > summary.get("bm25BaselineProvinceAccuracy").asDouble(), summary.toString());
        }
    }

    @Test
    void benchmarkQuestionSetHoldsOnTheGeneratedCorpus() throws Exception {
        AppConfig config = TestElastic.config(EvalTest.class, Map.of());
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            // Without passage vectors: embedding 3,000 passages would take minutes on CI's two cores; BM25 and facts carry these questions.
            GeneratedCorpus.write(elastic, 2000, null, n -> { });
            Path questions = Path.of("eval/bench-questions.jsonl");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new EvalCommand(Args.parse(new String[]{"eval", questions.toString(), "--json"}))
                .run(elastic, config, questions, new PrintStream(out, true, StandardCharsets.UTF_8));
            JsonNode summary = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("summary");
            System.out.println("benchmark question set on 2,000 generated articles: " + summary);
            assertTrue(summary.get("questions").asInt() >= 60, summary.toString());
            assertTrue(summary.get("accuracy").asDouble() >= 0.9, summary.toString());
            assertTrue(summary.get("englishProvinceAccuracy").asDouble() > summary.get("bm25BaselineEnglishProvinceAccuracy").asDouble(),
                summary.toString());
        }
    }
}
