package portalkb.web;

import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import portalkb.search.FactService;
import portalkb.search.Provinces;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** /api/facts, /api/compare, /api/provinces and /api/provinces/{id}. */
final class FactsHandler {

    private static final List<String> FACT_COLUMNS = List.of("province", "provinceToday", "district", "year", "metric",
        "value", "unit", "raw", "text", "title", "url", "source", "published", "articleId");

    private final FactService facts;
    private final int maxChars;

    FactsHandler(FactService facts, int maxChars) {
        this.facts = facts;
        this.maxChars = maxChars;
    }

    void facts(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        List<Map<String, Object>> rows = facts.facts(FactService.metric("metric", p.text("metric")),
            Provinces.resolve("province", p.list("province")), p.year("year"), p.integer("size", 200));
        String format = p.text("format");
        if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"portalkb-facts.csv\"");
            Writer writer = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(FACT_COLUMNS.toArray(String[]::new)).get())) {
                for (Map<String, Object> row : rows) {
                    for (String c : FACT_COLUMNS) {
                        csv.print(row.get(c));
                    }
                    csv.println();
                }
            }
            return;
        }
        if (format != null && !format.equals("json")) {
            throw new portalkb.search.BadParameterException("format", "expected json or csv");
        }
        ctx.json(Map.of("total", rows.size(), "facts", rows));
    }

    void compare(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        ctx.json(facts.compare(FactService.metric("metric", p.text("metric")), Provinces.resolve("provinces", p.list("provinces"))));
    }

    void metrics(Context ctx) {
        ctx.json(Map.of("metrics", portalkb.extract.MetricCatalogue.get().metrics().stream()
            .map(m -> Map.of("id", m.id(), "name", m.name(), "vi", m.vi())).toList()));
    }

    void provinces(Context ctx) throws IOException {
        ctx.json(facts.provinces());
    }

    void province(Context ctx) throws IOException {
        ctx.json(facts.province(ctx.pathParam("id")));
    }
}
