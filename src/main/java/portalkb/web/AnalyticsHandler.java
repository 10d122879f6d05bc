package portalkb.web;

import io.javalin.http.Context;
import portalkb.search.Analysis;
import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.StatedValue;
import portalkb.core.BadParameterException;
import portalkb.search.FactAnalytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** GET /api/rank, /api/trend, /api/conflicts: parameters → {@link FactAnalytics} → JSON, or CSV with format=csv. */
final class AnalyticsHandler {

    private static final List<String> SOURCE_COLUMNS = List.of("conflict", "otherValues", "text", "title", "url", "source", "sourceName",
        "published");
    private static final List<String> RANK_COLUMNS = columns("rank", "tied", "province", "provinceToday", "year", "value", "unit", "raw");
    private static final List<String> TREND_COLUMNS = columns("province", "provinceToday", "absorbedInto", "year", "value", "unit", "raw",
        "changeFromPrevious", "changePercent");
    private static final List<String> CONFLICT_COLUMNS = List.of("metric", "province", "provinceToday", "absorbedInto", "year", "value", "unit",
        "articles", "chosen", "text", "title", "url", "source", "sourceName", "published");

    private final FactAnalytics analytics;
    private final int maxChars;

    AnalyticsHandler(FactAnalytics analytics, int maxChars) {
        this.analytics = analytics;
        this.maxChars = maxChars;
    }

    void rank(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        Analysis.Ranking r = analytics.rank(p.text("metric"), p.year("year"), p.choice("order", FactAnalytics.Order.class, FactAnalytics.Order.DESC),
            p.integer("limit", 0));
        if (csv(p)) {
            List<List<Object>> rows = new ArrayList<>();
            r.rows().forEach(row -> rows.add(withSource(row.cell(), row.rank(), row.tied(), row.cell().province(), row.cell().provinceToday(),
                row.cell().year(), row.cell().figure().value(), row.cell().figure().unit(), row.cell().figure().raw())));
            CsvExport.write(ctx, "portalkb-rank-" + r.metric().id() + ".csv", RANK_COLUMNS, rows);
            return;
        }
        ctx.json(r);
    }

    void trend(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        Analysis.Trend t = analytics.trend(p.text("metric"), provinces(p), p.year("from"), p.year("to"));
        if (csv(p)) {
            List<List<Object>> rows = new ArrayList<>();
            for (Analysis.TrendSeries s : t.series()) {
                for (int i = 0; i < s.points().size(); i++) {
                    FigureCell c = s.points().get(i);
                    Analysis.Change change = i == 0 ? null : s.changes().get(i - 1);
                    rows.add(withSource(c, s.province(), s.provinceToday(), s.absorbedInto(), c.year(), c.figure().value(), c.figure().unit(),
                        c.figure().raw(), change == null ? null : change.difference(), change == null ? null : change.percent()));
                }
            }
            CsvExport.write(ctx, "portalkb-trend-" + t.metric().id() + ".csv", TREND_COLUMNS, rows);
            return;
        }
        ctx.json(t);
    }

    void conflicts(Context ctx) throws IOException {
        Params p = new Params(ctx, maxChars);
        Analysis.Conflicts c = analytics.conflicts(p.text("metric"), provinces(p), p.year("year"));
        if (csv(p)) {
            List<List<Object>> rows = new ArrayList<>();
            for (FigureCell cell : c.conflicts()) {
                for (StatedValue v : cell.values()) {
                    Analysis.Report r = v.latest();
                    rows.add(Arrays.asList(cell.metric(), cell.province(), cell.provinceToday(), cell.absorbedInto(), cell.year(), v.value(),
                        r.unit(), v.articles(), v.value() == cell.figure().value(), r.text(), r.title(), r.url(), r.source(), r.sourceName(),
                        r.published()));
                }
            }
            CsvExport.write(ctx, "portalkb-conflicts.csv", CONFLICT_COLUMNS, rows);
            return;
        }
        ctx.json(c);
    }

    /** province=a&province=b, province=a,b, or provinces=a,b. */
    private static List<String> provinces(Params p) {
        List<String> provinces = new ArrayList<>(p.list("province"));
        provinces.addAll(p.list("provinces"));
        return provinces;
    }

    private static boolean csv(Params p) {
        String format = p.text("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "expected json or csv");
        }
        return "csv".equals(format);
    }

    private static List<String> columns(String... first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(SOURCE_COLUMNS);
        return List.copyOf(out);
    }

    /** The leading cells, then whether the cell conflicts, the other values with their sources, and the figure's source. */
    private static List<Object> withSource(FigureCell c, Object... leading) {
        List<Object> row = new ArrayList<>(Arrays.asList(leading));
        Analysis.Report r = c.figure();
        row.add(c.conflicting());
        row.add(c.values().stream().skip(1).map(v -> v.value() + " (" + v.latest().url() + ")").collect(Collectors.joining("; ")));
        row.addAll(Arrays.asList(r.text(), r.title(), r.url(), r.source(), r.sourceName(), r.published()));
        return row;
    }
}
