package portalkb.web;

import io.javalin.http.Context;
import portalkb.core.BadParameterException;
import portalkb.figures.Glossary;
import portalkb.figures.MetricCatalogue;
import portalkb.search.Analysis;
import portalkb.search.ConflictFlags;
import portalkb.search.FactAnalytics;
import portalkb.search.FactRow;
import portalkb.search.FactService;
import portalkb.core.Provinces;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** /api/facts (conflicting figures flagged), /api/compare (the trend's figures), /api/provinces and /api/provinces/{id}. */
final class FactsHandler {

    /** /api/facts as JSON. */
    record FactsPage(int total, List<FactRow> facts) {
    }

    /** /api/metrics: the catalogued metrics, and the English names of the units figures are stored with (the glossary's). */
    record Metrics(List<Analysis.MetricRef> metrics, Map<String, String> units) {
    }

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
        List<FactRow> rows = facts.facts(metric, provinces, year, p.integer("size", 200));
        boolean catalogued = metric == null || !metric.equals(MetricCatalogue.OTHER);
        if (catalogued && !rows.isEmpty()) {
            rows = new ConflictFlags(analytics.conflicts(metric, provinces, year)).markFacts(rows);
        }
        String format = p.text("format");
        if ("csv".equals(format)) {
            CsvExport.write(ctx, "portalkb-facts.csv", FactRow.COLUMNS, rows.stream().map(FactRow::cells).toList());
            return;
        }
        if (format != null && !format.equals("json")) {
            throw new BadParameterException("format", "expected json or csv");
        }
        ctx.json(new FactsPage(rows.size(), rows));
    }

    void compare(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        ctx.json(analytics.compare(p.text("metric"), p.list("provinces")));
    }

    void metrics(Context ctx) {
        ctx.json(new Metrics(MetricCatalogue.get().metrics().stream()
            .map(Analysis.MetricRef::of).toList(), Glossary.get().unitNames()));
    }

    void provinces(Context ctx) throws IOException {
        ctx.json(facts.provinces());
    }

    void province(Context ctx) throws IOException {
        ctx.json(facts.province(ctx.pathParam("id"), analytics));
    }
}
