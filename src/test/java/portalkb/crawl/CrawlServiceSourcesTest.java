package portalkb.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An edit of the sources file that does not parse leaves the service crawling the last good list (no node needed: nothing is crawled). */
class CrawlServiceSourcesTest {

    @Test
    void aBadEditKeepsTheLastGoodSources(@TempDir Path dir) throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of());
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
            sources:
              - id: a
                province: Lạng Sơn
                seeds: ["https://a.example.vn/"]
              - id: b
                province: Bắc Kạn
                seeds: ["https://b.example.vn/"]
            """);
        try (CrawlService service = new CrawlService(null, config, file, false)) {
            assertEquals(List.of("a", "b"), service.sources().stream().map(Source::id).toList());
            Files.writeString(file, "sources:\n  - id: a\n    province: [unclosed\n");
            assertEquals(List.of("a", "b"), service.sources().stream().map(Source::id).toList(), "the last good list");
            assertEquals(List.of("a", "b"), service.sources().stream().map(Source::id).toList());
        }
    }
}
