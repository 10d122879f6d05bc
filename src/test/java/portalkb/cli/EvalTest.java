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

/** Our question set (eval/questions.jsonl) over the crawled sample portal, with a floor on accuracy. */
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
            assertTrue(summary.get("questions").asInt() >= 60, summary.toString());
            assertTrue(summary.get("accuracy").asDouble() >= 0.9, summary.toString());
            // On 21 articles a distinctive number alone finds the article, so the baseline is strong; ours must still beat it.
            assertTrue(summary.get("provinceAccuracy").asDouble() > summary.get("bm25BaselineProvinceAccuracy").asDouble(), summary.toString());
        }
    }
}
