package portalkb.web;

import io.javalin.http.Context;
import org.apache.commons.csv.CSVPrinter;
import portalkb.core.BadParameterException;
import portalkb.core.Provinces;
import portalkb.search.FactService;
import portalkb.search.SearchRequest;
import portalkb.search.SearchService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** GET /api/search: parameters → {@link SearchRequest} → JSON, or CSV of every match with format=csv. */
final class SearchHandler {

    static final List<String> CSV_COLUMNS = List.of("published", "province", "provinceToday", "district", "source",
        "sourceName", "title", "url", "metrics", "id");

    private final SearchService search;
    private final int maxChars;

    SearchHandler(SearchService search, int maxChars) {
        this.search = search;
        this.maxChars = maxChars;
    }

    static SearchRequest request(Params p) {
        String format = p.text("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "expected json or csv");
        }
        return new SearchRequest(p.text("q"), Provinces.resolve("province", p.list("province")), p.list("source"),
            p.years("year"), p.date("from"), p.date("to"), metrics(p), p.integer("page", 1), p.integer("size", 10),
            p.choice("sort", SearchRequest.Sort.class, SearchRequest.Sort.RELEVANCE), p.list("type"));
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
        ctx.json(search.search(request));
    }

    private void csv(Context ctx, SearchRequest request) throws IOException {
        try (CSVPrinter csv = CsvExport.open(ctx, "portalkb-search.csv", CSV_COLUMNS)) {
            search.export(request, row -> print(csv, row));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void print(CSVPrinter csv, Map<String, Object> row) {
        try {
            for (String column : CSV_COLUMNS) {
                Object v = row.get(column);
                csv.print(CsvExport.cell(v instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList()) : v));
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
