package portalkb.bench;

import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.demo.StaticSiteServer;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The soak's sample portal: served on a free port with a sources file that crawls each source every 30 s;
 * what a knowledge base holds of it (article pages, facts); and a few article pages edited while the soak
 * runs (a new word in their text), so crawls keep writing, and so a write lost on the way shows as a stale
 * article at the end.
 */
final class SoakPortal implements AutoCloseable {

    /** Article pages (paths) and facts one knowledge base holds of the portal. */
    record Holdings(Set<String> articles, long facts) {
    }

    private final StaticSiteServer server;
    private final Path sourcesFile;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Edited page path → its original HTML and the article text the marker goes after. */
    private final Map<String, String[]> edits = new LinkedHashMap<>();
    private volatile String marker;

    SoakPortal() throws IOException {
        server = new StaticSiteServer("/portalkb/demo/sites", 0);
        sourcesFile = Files.createTempFile("soak-sources", ".yaml");
        sourcesFile.toFile().deleteOnExit();
        try (InputStream in = SoakPortal.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            Files.writeString(sourcesFile, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", server.baseUrl())
                .replace("    delayMs: 0", "    delayMs: 0\n    schedule: \"*/30 * * * * ?\""));
        }
    }

    Path sourcesFile() {
        return sourcesFile;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** What {@code elastic} holds of this portal: its article pages by path, and its facts. */
    Holdings holdings(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().facts())));
        Set<String> articles = new TreeSet<>();
        for (Hit<Article> hit : elastic.client().search(s -> s.index(elastic.names().articles()).size(10_000)
            .source(src -> src.filter(f -> f.includes("url"))), Article.class).hits().hits()) {
            articles.add(path(hit.source().url()));
        }
        return new Holdings(articles, elastic.client().count(c -> c.index(elastic.names().facts())).count());
    }

    /** Chooses up to {@code count} article pages whose stored text appears verbatim in their HTML, to edit later. */
    void chooseEdits(Elastic reference, int count) throws IOException, InterruptedException {
        for (Hit<Article> hit : reference.client().search(s -> s.index(reference.names().articles()).size(10_000)
            .source(src -> src.filter(f -> f.includes("url", "body"))), Article.class).hits().hits()) {
            String path = path(hit.source().url());
            String body = String.valueOf(hit.source().body());
            String html = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            String anchor = body.length() < 40 ? null : body.substring(0, 40);
            if (edits.size() < count && anchor != null && html.contains(anchor)) {
                edits.put(path, new String[] {html, anchor});
            }
        }
    }

    /** Edit round {@code round}: each chosen page gets a new word after its anchor text (no digits: no new facts). */
    void edit(int round) {
        marker = "soakrev" + letters(round);
        edits.forEach((path, page) -> server.override(path, page[0].replace(page[1], page[1] + " " + marker)));
    }

    int edited() {
        return edits.size();
    }

    /** Edited pages whose stored article does not have the latest edit: a write lost, or not crawled since. */
    List<String> stale(Elastic elastic) throws IOException {
        List<String> stale = new ArrayList<>();
        if (marker == null) {
            return stale;
        }
        for (Hit<Article> hit : elastic.client().search(s -> s.index(elastic.names().articles()).size(10_000)
            .source(src -> src.filter(f -> f.includes("url", "body"))), Article.class).hits().hits()) {
            String path = path(hit.source().url());
            if (edits.containsKey(path) && !String.valueOf(hit.source().body()).contains(marker)) {
                stale.add(path);
            }
        }
        return stale;
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = n; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('a' + i % 26));
        }
        return s.toString();
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    @Override
    public void close() {
        server.close();
    }
}
