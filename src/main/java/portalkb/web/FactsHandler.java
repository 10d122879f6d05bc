package portalkb.web;

import io.javalin.http.Context;
import portalkb.core.BadParameterException;
import portalkb.core.MetricCatalogue;
import portalkb.search.ConflictFlags;
import portalkb.search.FactAnalytics;
import portalkb.search.FactService;
import portalkb.core.Provinces;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** /api/facts, /api/compare (conflicting figures flagged), /api/provinces and /api/provinces/{id}. */
final class FactsHandler {

    private static final List<String> FACT_COLUMNS = List.of("province", "provinceToday", "district", "year", "metric",
        "value", "unit", "raw", "text", "title", "url", "source", "published", "articleId", "conflict");

    private final FactService facts;
    private final FactAnalytics analytics;
    private final int maxChars;

    FactsHandler(FactService facts, FactAnalytics analytics, int maxChars) {
        this.facts = facts;
        this.analytics = analytics;
        this.maxChars = maxChars;
    }

    void facts(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        String metric = FactService.metric("metric", p.text("metric"));
        List<String> provinces = Provinces.resolve("province", p.list("province"));
        Integer year = p.year("year");
        List<Map<String, Object>> rows = facts.facts(metric, provinces, year, p.integer("size", 200));
        boolean catalogued = metric == null || !metric.equals(MetricCatalogue.OTHER);
        if (catalogued && !rows.isEmpty()) {
            new ConflictFlags(analytics.conflicts(metric, provinces, year)).markFacts(rows);
        }
        String format = p.text("format");
        if ("csv".equals(format)) {
            List<List<Object>> cells = rows.stream().map(row -> FACT_COLUMNS.stream().map(row::get).toList()).toList();
            CsvExport.write(ctx, "portalkb-facts.csv", FACT_COLUMNS, cells);
            return;
        }
        if (format != null && !format.equals("json")) {
            throw new BadParameterException("format", "expected json or csv");
        }
        ctx.json(Map.of("total", rows.size(), "facts", rows));
    }

    void compare(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        String metric = FactService.metric("metric", p.text("metric"));
        List<String> provinces = Provinces.resolve("provinces", p.list("provinces"));
        Map<String, Object> compare = facts.compare(metric, provinces);
        if (!MetricCatalogue.OTHER.equals(metric)) {
            new ConflictFlags(analytics.conflicts(metric, provinces, null)).markCompare(compare);
        }
        ctx.json(compare);
    }

    void metrics(Context ctx) {
        ctx.json(Map.of("metrics", MetricCatalogue.get().metrics().stream()
            .map(m -> Map.of("id", m.id(), "name", m.name(), "vi", m.vi(), "kind", m.kind(), "unit", m.primaryUnit())).toList()));
    }

    void provinces(Context ctx) throws IOException {
        ctx.json(facts.provinces());
    }

    void province(Context ctx) throws IOException {
        ctx.json(facts.province(ctx.pathParam("id")));
    }
}
