package portalkb.web;

import io.javalin.http.Context;
import org.jsoup.nodes.Entities;
import portalkb.core.BadParameterException;
import portalkb.search.SearchRequest;
import portalkb.search.SearchResult;
import portalkb.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GET /search: the same search as /api/search rendered on the server as plain HTML, for browsers
 * without JavaScript (and links that must work anywhere). Crawled text is escaped; snippets come
 * escaped from Elasticsearch with only the highlight marks as markup.
 */
final class SearchPage {

    private static final String TEMPLATE = template();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Map<String, Map<String, String>> LABELS = Map.of(
        "vi", Map.of("label", "Tìm kiếm", "results", "%s kết quả", "none", "Không có kết quả.", "previous", "← Trang trước",
            "next", "Trang sau →", "empty", "Nhập từ khóa, ví dụ: bảo hiểm y tế", "noProvince", "chưa xác định tỉnh"),
        "en", Map.of("label", "Search", "results", "%s results", "none", "No results.", "previous", "← Previous",
            "next", "Next →", "empty", "Type some words, e.g. bảo hiểm y tế", "noProvince", "province not determined"));

    private final SearchService search;
    private final int maxChars;

    SearchPage(SearchService search, int maxChars) {
        this.search = search;
        this.maxChars = maxChars;
    }

    void handle(Context ctx) throws IOException {
        String lang = "en".equals(ctx.queryParam("lang")) ? "en" : "vi";
        Map<String, String> labels = LABELS.get(lang);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String summary;
        StringBuilder results = new StringBuilder();
        String pager = "";
        try {
            SearchRequest request = SearchHandler.request(new Params(ctx, maxChars));
            if (q.isBlank() && request.provinces().isEmpty() && request.sources().isEmpty()) {
                summary = labels.get("empty");
            } else {
                SearchResult result = search.search(request);
                summary = result.total() == 0 ? labels.get("none") : String.format(labels.get("results"), result.total());
                for (SearchResult.Hit hit : result.hits()) {
                    results.append(hit(hit, labels));
                }
                pager = pager(ctx, result, labels);
            }
        } catch (BadParameterException e) {
            ctx.status(400);
            summary = e.getMessage();
        }
        ctx.contentType("text/html; charset=utf-8").result(render(Map.of("lang", lang,
            "title", escape(q.isBlank() ? labels.get("label") : q), "label", labels.get("label"), "q", escape(q),
            "summary", escape(summary), "pager", pager, "results", results.toString())));
    }

    /** One pass over the template: a value that contains "{{…}}" (the user's query) is never expanded again. */
    static String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder(TEMPLATE.length() + 4096);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static String hit(SearchResult.Hit hit, Map<String, String> labels) {
        String provinces = hit.provinces() == null || hit.provinces().isEmpty() ? labels.get("noProvince") : String.join(", ", hit.provinces());
        String where = String.join(" · ", Stream.of(
                hit.sourceName() != null ? hit.sourceName() : hit.source(), provinces,
                hit.published() == null ? null : hit.published().substring(0, Math.min(10, hit.published().length())))
            .filter(Objects::nonNull).toList());
        String file = hit.type() == null || hit.type().equals("html") ? "" : "<span class=\"filetype\">[" + escape(hit.type().toUpperCase()) + "]</span> ";
        return "    <li class=\"result\">" + file + "<a href=\"" + escape(safeUrl(hit.url())) + "\">" + escape(hit.title()) + "</a>"
            + "<div class=\"meta\">" + escape(where) + "</div><p>" + hit.snippet() + "</p></li>\n";
    }

    private static String pager(Context ctx, SearchResult result, Map<String, String> labels) {
        StringBuilder out = new StringBuilder();
        if (result.page() > 1) {
            out.append("<a rel=\"prev\" href=\"").append(escape(pageUrl(ctx, result.page() - 1))).append("\">")
                .append(labels.get("previous")).append("</a> ");
        }
        if ((long) result.page() * result.size() < result.total()) {
            out.append("<a rel=\"next\" href=\"").append(escape(pageUrl(ctx, result.page() + 1))).append("\">")
                .append(labels.get("next")).append("</a>");
        }
        return out.toString();
    }

    private static String pageUrl(Context ctx, int page) {
        StringBuilder url = new StringBuilder("/search?");
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                values.forEach(v -> url.append(enc(name)).append('=').append(enc(v)).append('&'));
            }
        });
        return url.append("page=").append(page).toString();
    }

    /** Only web links: a crawled "javascript:" URL must not become a link. */
    private static String safeUrl(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : "#";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s == null ? "" : Entities.escape(s);
    }

    private static String template() {
        try (InputStream in = SearchPage.class.getResourceAsStream("/portalkb/web/search-page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("search-page.html is missing from the classpath", e));
        }
    }
}
