package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer of crawl state: a page's state says "fetched, this content" only once everything the page
 * produced (its article, passages, facts, the links it queued) is stored. A crawler killed with -9 while
 * the article's write still waits for a busy cluster therefore never leaves a state that would skip the
 * page as unchanged forever.
 */
@ExtendWith(TestElastic.class)
class StateWriterTest {

    @Test
    @Timeout(180)
    void killMinus9WhileTheArticleWriteWaitsLosesNoArticle() throws Exception {
        AppConfig config = TestElastic.config(StateWriterTest.class, Map.of("elasticsearch.indexPrefix", "t-statewriter"));
        try (TestSite site = new TestSite(); Elastic elastic = TestElastic.freshIndices(config);
             SelectiveBulkProxy proxy = new SelectiveBulkProxy(TestElastic.port(), elastic.names().articles())) {
            site.page("/ghi/", TestSite.listing("", "/ghi/a.html"));
            site.page("/ghi/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
            String yaml = Crawls.source("ghi", List.of(site.url("/ghi/")), List.of(), null);
            Path sources = Files.createTempFile("statewriter-sources", ".yaml");
            Files.writeString(sources, yaml);

            Process crawl = kb(Map.of("ES_URL", "http://127.0.0.1:" + proxy.port(), "PORTALKB_INDEX_PREFIX", "t-statewriter",
                "PORTALKB_DATA", TestElastic.dataDir().toString()), "crawl", "--sources", sources.toString(), "--no-embeddings");
            String article = site.url("/ghi/a.html");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!site.requests().contains("/ghi/a.html") && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(site.requests().contains("/ghi/a.html"), "the crawler reached the article");
            // The article's write is refused (429, retried); give the page's state every chance to be written meanwhile.
            long settle = System.currentTimeMillis() + 6_000;
            UrlState state = null;
            while (System.currentTimeMillis() < settle) {
                state = Crawls.state(elastic, article);
                if (state != null && state.contentHash() != null) {
                    break;
                }
                Thread.sleep(200);
            }
            crawl.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            proxy.refusing = false;
            assertNull(state == null ? null : state.contentHash(),
                "the page's state recorded its content while the article was not stored: " + state);

            Crawls.run(elastic, config, yaml, Crawls.DUE);
            assertTrue(Crawls.articles(elastic).containsKey(article), "the article is stored after the restart");
        }
    }

    static Process kb(Map<String, String> env, String... args) throws IOException {
        return kb(env, true, args);
    }

    /** {@code ./kb} in a child JVM on this build's classes; output discarded, or readable from the process. */
    static Process kb(Map<String, String> env, boolean discardOutput, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("kb").toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (discardOutput) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        pb.environment().keySet().removeIf(k -> k.startsWith("ES_") || k.startsWith("PORTALKB_"));
        pb.environment().put("PORTALKB_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
