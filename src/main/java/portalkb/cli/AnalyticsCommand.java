package portalkb.cli;

import portalkb.search.Analysis;
import portalkb.search.Analysis.FigureCell;
import portalkb.core.BadParameterException;
import portalkb.search.FactAnalytics;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code ./kb rank METRIC [--year Y] [--order asc|desc] [--limit N] [--json]}, {@code ./kb trend METRIC --province P[,Q]
 * [--from Y] [--to Y] [--json]}, {@code ./kb conflicts [METRIC] [--province P] [--year Y] [--json]}: what /api/rank,
 * /api/trend and /api/conflicts return, in a terminal.
 */
final class AnalyticsCommand {

    private final Args args;
    private final FactAnalytics analytics;
    private final PrintStream out;

    AnalyticsCommand(Args args, FactAnalytics analytics, PrintStream out) {
        this.args = args;
        this.analytics = analytics;
        this.out = out;
    }

    int rank() throws IOException {
        String metric = args.word(1, "./kb rank METRIC [--year Y] [--order asc|desc] [--limit N] [--json]");
        Analysis.Ranking r = analytics.rank(metric, year("year"), order(), args.intOption("limit", 0));
        if (json(r)) {
            return r.rows().isEmpty() ? 1 : 0;
        }
        out.printf("%s (%s) — %s, %s — figures for %d of %d provinces%n%n", r.metric().name(), r.metric().id(),
            r.year() == null ? "each province's latest year" : r.year(), r.order().equals("asc") ? "lowest first" : "highest first",
            r.provincesWithFigure(), r.provincesTotal());
        for (Analysis.RankRow row : r.rows()) {
            FigureCell c = row.cell();
            out.printf("%3d%s %-22s %4d  %12s  %s%n", row.rank(), row.tied() ? "=" : " ", place(c), c.year(), value(c.figure()), source(c.figure()));
            conflicts(c);
        }
        return r.rows().isEmpty() ? 1 : 0;
    }

    int trend() throws IOException {
        String metric = args.word(1, "./kb trend METRIC --province P[,Q] [--from Y] [--to Y] [--json]");
        String provinces = args.option("province", null);
        if (provinces == null) {
            throw new UsageException("./kb trend METRIC --province P[,Q] (name at least one province)");
        }
        Analysis.Trend t = analytics.trend(metric, Arrays.asList(provinces.split(",")), year("from"), year("to"));
        if (json(t)) {
            return 0;
        }
        out.printf("%s (%s)%n", t.metric().name(), t.metric().id());
        for (Analysis.TrendSeries s : t.series()) {
            out.printf("%n%s%s%n", s.province(), s.absorbedInto() != null ? " (part of " + s.absorbedInto() + " since 2025)" : "");
            if (s.points().isEmpty()) {
                out.println("  no figures");
            }
            for (int i = 0; i < s.points().size(); i++) {
                FigureCell c = s.points().get(i);
                String change = i == 0 ? "" : change(s.changes().get(i - 1));
                out.printf("  %4d  %12s  %-24s %s%n", c.year(), value(c.figure()), change, source(c.figure()));
                conflicts(c);
            }
            if (s.overall() != null) {
                out.printf("  %d → %d: %s%n", s.overall().fromYear(), s.overall().toYear(), change(s.overall()));
            }
        }
        return t.series().stream().allMatch(s -> s.points().isEmpty()) ? 1 : 0;
    }

    int conflicts() throws IOException {
        String metric = args.positional().size() > 1 ? args.positional().get(1) : null;
        String provinces = args.option("province", null);
        Analysis.Conflicts c = analytics.conflicts(metric, provinces == null ? List.of() : Arrays.asList(provinces.split(",")), year("year"));
        if (json(c)) {
            return 0;
        }
        out.printf("%d conflicting figures%s%n", c.conflicts().size(), c.complete() ? "" : " (not every report was read: analytics.conflictFacts)");
        for (FigureCell cell : c.conflicts()) {
            out.printf("%n%s · %s · %d%n", cell.metric(), place(cell), cell.year());
            for (Analysis.StatedValue v : cell.values()) {
                out.printf("  %12s  %d article(s), latest: %s%n", value(v.latest()), v.articles(), source(v.latest()));
            }
        }
        return 0;
    }

    private boolean json(Object result) throws IOException {
        if (args.has("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        return args.has("json");
    }

    private Integer year(String option) {
        return args.option(option, null) == null ? null : args.intOption(option, 0);
    }

    private FactAnalytics.Order order() {
        String o = args.option("order", "desc").toUpperCase(Locale.ROOT);
        try {
            return FactAnalytics.Order.valueOf(o);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("order", "expected asc or desc, got '" + args.option("order", "") + "'");
        }
    }

    private void conflicts(FigureCell c) {
        if (c.conflicting()) {
            out.printf("        ⚠ also reported: %s%n", c.values().stream().skip(1)
                .map(v -> value(v.latest()) + " (" + source(v.latest()) + ")").collect(Collectors.joining("; ")));
        }
    }

    private static String place(FigureCell c) {
        return c.province() + (c.provinceToday() != null && !c.provinceToday().equals(c.province()) ? " → " + c.provinceToday() : "");
    }

    private static String value(Analysis.Report r) {
        String v = r.value() == Math.rint(r.value()) && Math.abs(r.value()) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) r.value())
            : String.format(Locale.ROOT, "%s", r.value());
        return v + ("%".equals(r.unit()) ? "%" : " " + r.unit());
    }

    private static String source(Analysis.Report r) {
        return (r.source() == null ? "" : r.source() + " · ") + (r.published() == null ? "undated" : r.published().substring(0, 10)) + " · " + r.url();
    }

    private static String change(Analysis.Change c) {
        return String.format(Locale.ROOT, "%+.2f%s", c.difference(), c.percent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", c.percent()));
    }
}
