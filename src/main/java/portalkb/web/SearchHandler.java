package portalkb.web;

import io.javalin.http.Context;
import org.apache.commons.csv.CSVPrinter;
import portalkb.core.BadParameterException;
import portalkb.core.Provinces;
import portalkb.search.FactService;
import portalkb.search.SearchRequest;
import portalkb.search.SearchService;
import portalkb.store.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * GET /api/search: parameters → {@link SearchRequest} → JSON, or CSV of every match with format=csv; with
 * facets=false, the page of hits alone. GET /api/search/facets: the same search's total and facets alone.
 */
final class SearchHandler {

    /** The CSV columns, in the order {@link #print} writes an article's fields. */
    static final List<String> CSV_COLUMNS = List.of("published", "province", "provinceToday", "provinces", "district", "source",
        "sourceName", "title", "url", "metrics", "id");

    private final SearchService search;
    private final int maxChars;
    private final java.util.function.Consumer<Context> chargePage;

    /** {@code chargePage}: counts one more search against the client's allowance (throws when it is used up). */
    SearchHandler(SearchService search, int maxChars, java.util.function.Consumer<Context> chargePage) {
        this.chargePage = chargePage;
        this.search = search;
        this.maxChars = maxChars;
    }

    static SearchRequest request(Params p) {
        String format = p.text("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "expected json or csv");
        }
        return new SearchRequest(p.text("q"), provinces(p.list("province")), p.list("source"),
            p.years("year"), p.date("from"), p.date("to"), metrics(p), p.integer("page", 1), p.integer("size", 10),
            p.choice("sort", SearchRequest.Sort.class, SearchRequest.Sort.RELEVANCE), p.list("type"));
    }

    /** Any spelling of a province, or "none": the articles without a confident province (the facet's bucket). */
    static List<String> provinces(List<String> values) {
        List<String> named = values.stream().filter(v -> !SearchService.NO_PROVINCE.equalsIgnoreCase(v.strip())).toList();
        List<String> out = new java.util.ArrayList<>(Provinces.resolve("province", named));
        if (named.size() < values.size()) {
            out.add(SearchService.NO_PROVINCE);
        }
        return out;
    }

    private static List<String> metrics(Params p) {
        return p.list("metric").stream().map(m -> FactService.metric("metric", m)).toList();
    }

    void handle(Context ctx) throws IOException {
        Params params = new Params(ctx, maxChars);
        SearchRequest request = request(params);
        if ("csv".equals(params.text("format"))) {
            csv(ctx, request);
            return;
        }
        ctx.json(params.flag("facets", true) ? search.search(request) : search.hitsOnly(request));
    }

    void facets(Context ctx) throws IOException {
        ctx.json(search.facetsOnly(request(new Params(ctx, maxChars))));
    }

    /**
     * The export is written to a temp file and sent only once complete: a cluster lost midway gives 503, never a 200
     * that looks complete. Each page read after the first counts as one more search of the client.
     */
    private void csv(Context ctx, SearchRequest request) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("portalkb-export", ".csv");
        try {
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8);
                 CSVPrinter csv = CsvExport.printer(out, CSV_COLUMNS)) {
                search.export(request, row -> print(csv, row), page -> {
                    if (page > 1) {
                        chargePage.accept(ctx);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            CsvExport.send(ctx, "portalkb-search.csv", file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static void print(CSVPrinter csv, Article row) {
        try {
            for (Object v : Arrays.asList(row.published(), row.province(), row.provinceToday(), String.join("; ", row.provincesOrOwn()),
                row.district(), row.source(),
                row.sourceName(), row.title(), row.url(), row.metrics() == null ? null : String.join("; ", row.metrics()), row.id())) {
                csv.print(CsvExport.cell(v));
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
