package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.SelectiveBulkProxy;
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
            // b.html is reached twice: through its old address (a permanent redirect), then as its own link.
            site.page("/ghi/", TestSite.listing("", "/ghi/a.html", "/ghi/b-cu.html", "/ghi/b.html"));
            site.page("/ghi/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
            site.redirect("/ghi/b-cu.html", 301, "/ghi/b.html");
            site.page("/ghi/b.html", TestSite.article("Trẻ thấp còi giảm ở các xã vùng cao", TestSite.report(4)));
            String yaml = Crawls.source("ghi", List.of(site.url("/ghi/")), List.of(), null);
            Path sources = Files.createTempFile("statewriter-sources", ".yaml");
            Files.writeString(sources, yaml);

            // One worker, so b.html's own task comes after its old address was followed, as link order says.
            Path oneWorker = Files.createTempFile("statewriter", ".yaml");
            Files.writeString(oneWorker, "crawler:\n  threads: 1\n");
            Process crawl = kb(Map.of("ES_URL", "http://127.0.0.1:" + proxy.port(), "PORTALKB_INDEX_PREFIX", "t-statewriter",
                "PORTALKB_DATA", TestElastic.dataDir().toString(), "PORTALKB_CONFIG", oneWorker.toString()),
                "crawl", "--sources", sources.toString(), "--no-embeddings");
            String article = site.url("/ghi/a.html");
            long deadline = System.currentTimeMillis() + 60_000;
            while (site.requests().stream().filter(p -> p.equals("/ghi/b.html")).count() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(site.requests().contains("/ghi/a.html") && site.requests().contains("/ghi/b.html"), "the crawler reached the articles");
            // The articles' writes are refused (429, retried); give the pages' states every chance to be written meanwhile.
            long settle = System.currentTimeMillis() + 6_000;
            List<UrlState> states = List.of();
            while (System.currentTimeMillis() < settle) {
                states = java.util.stream.Stream.of(article, site.url("/ghi/b.html")).map(u -> {
                    try {
                        return Crawls.state(elastic, u);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).filter(java.util.Objects::nonNull).toList();
                if (states.stream().anyMatch(st -> st.contentHash() != null)) {
                    break;
                }
                Thread.sleep(200);
            }
            crawl.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            proxy.refusing = false;
            for (UrlState state : states) {
                assertNull(state.contentHash(), "the page's state recorded its content while the article was not stored: " + state);
            }

            Crawls.run(elastic, config, yaml, Crawls.DUE);
            assertTrue(Crawls.articles(elastic).containsKey(article), "the article is stored after the restart");
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/ghi/b.html")), "the moved article is stored after the restart");
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
