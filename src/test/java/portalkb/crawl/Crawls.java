package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the crawl tests share: run a crawl of a sources text, read back articles, passages and states. */
final class Crawls {

    static final CrawlOptions ALL = new CrawlOptions(0, true, "test");
    static final CrawlOptions DUE = new CrawlOptions(0, false, "test");

    private Crawls() {
    }

    static List<SourceReport> run(Elastic elastic, AppConfig config, String yaml, CrawlOptions options) throws Exception {
        List<Source> sources = SourcesFile.parse(yaml, "test-sources.yaml", config.crawler());
        List<SourceReport> reports = new Crawler(elastic, config.crawler()).run(sources, options, CrawlListener.NONE);
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().passages(),
            elastic.names().facts(), elastic.names().crawlState(), elastic.names().crawlRuns())));
        return reports;
    }

    /** A one-source file: seeds, optional allow patterns, no politeness delay. */
    static String source(String id, List<String> seeds, List<String> allow, String more) {
        StringBuilder yaml = new StringBuilder("sources:\n  - id: " + id + "\n    province: Lạng Sơn\n    delayMs: 0\n    seeds: [");
        yaml.append(String.join(", ", seeds.stream().map(u -> "\"" + u + "\"").toList())).append("]\n");
        if (!allow.isEmpty()) {
            yaml.append("    allow: [").append(String.join(", ", allow.stream().map(a -> "\"" + a.replace("\\", "\\\\") + "\"").toList())).append("]\n");
        }
        if (more != null && !more.isBlank()) {
            more.lines().forEach(l -> yaml.append("    ").append(l).append('\n'));
        }
        return yaml.toString();
    }

    /** Articles by URL. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Map<String, Object>> articles(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().articles()).size(500), Map.class);
        Map<String, Map<String, Object>> byUrl = new TreeMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            byUrl.put((String) hit.source().get("url"), hit.source());
        }
        return byUrl;
    }

    static long count(Elastic elastic, String index, String articleId) throws IOException {
        elastic.client().indices().refresh(r -> r.index(index));
        return elastic.client().count(c -> c.index(index).query(q -> q.term(t -> t.field("articleId").value(articleId)))).count();
    }

    static UrlState state(Elastic elastic, String url) throws IOException {
        var got = elastic.client().get(g -> g.index(elastic.names().crawlState()).id(UrlNormalizer.id(url)), UrlState.class);
        return got.found() ? got.source() : null;
    }

    static long states(Elastic elastic, String source) throws IOException {
        elastic.client().indices().refresh(r -> r.index(elastic.names().crawlState()));
        return elastic.client().count(c -> c.index(elastic.names().crawlState())
            .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("source").value(source))).filter(f -> f.exists(x -> x.field("url")))))).count();
    }

    static String errors(List<SourceReport> reports) {
        return reports.stream().map(r -> r.source + " " + r.status() + " " + r.recentErrors()).toList().toString();
    }
}
