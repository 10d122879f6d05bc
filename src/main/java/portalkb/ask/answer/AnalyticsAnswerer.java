package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;
import portalkb.search.Analysis;
import portalkb.search.FactAnalytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rankings, superlatives and trends ("Which province has the highest coverage?", "tỉnh nào … thấp nhất năm
 * 2023", "how did … change in P"): answered from the facts index through {@link FactAnalytics} (one figure per
 * province and year), each figure cited to its article, how many provinces have a figure at all said, ties
 * and conflicting reports stated. A ranking is written as a table. Other questions go to the next answerer.
 */
public final class AnalyticsAnswerer implements Answerer {

    private static final int TABLE_ROWS = 10;

    private final FactAnalytics analytics;
    private final Answerer next;

    public AnalyticsAnswerer(FactAnalytics analytics, Answerer next) {
        this.analytics = analytics;
        this.next = next;
    }

    @Override
    public Answer answer(Question q, List<Retrieved> contents, Consumer<String> tokens) {
        if (q.type() != Question.AnswerType.RANK && q.type() != Question.AnswerType.TREND) {
            return next.answer(q, contents, tokens);
        }
        try {
            String metric = q.metric() != null ? q.metric() : analytics.openMeasure(q.measure().words(), q.measure().share()).orElse(null);
            if (metric == null) {
                return next.answer(q, contents, tokens);
            }
            return q.type() == Question.AnswerType.RANK ? rank(q, metric) : trend(q, metric);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer rank(Question q, String metricId) throws IOException {
        Integer year = q.years().isEmpty() ? null : q.years().get(0);
        Analysis.Ranking r = analytics.rank(metricId, year, q.ascending() ? FactAnalytics.Order.ASC : FactAnalytics.Order.DESC, 0);
        AnswerPhrases say = new AnswerPhrases(q.lang());
        if (r.rows().isEmpty()) {
            return Answer.message(say.get("noAnswer"));
        }
        boolean vi = "vi".equals(q.lang());
        Map<String, Retrieved> cited = new LinkedHashMap<>();
        Answer.Builder answer = new Answer.Builder();
        List<Answer.Line> rows = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        List<Retrieved> leaderSources = new ArrayList<>();
        for (Analysis.RankRow row : r.rows().subList(0, Math.min(TABLE_ROWS, r.rows().size()))) {
            Analysis.FigureCell cell = row.cell();
            Retrieved source = cite(cell, metricId, cited);
            String value = value(cell, q) + (cell.conflicting() ? " ⚠" : "");
            rows.add(Answer.Line.plain("| " + row.rank() + (row.tied() ? "=" : "") + " | " + cell.province() + " | " + value + " | "
                + cell.year() + " | " + Answer.CITE_HERE + " |", source).quoting(source.text()));
            answer.figure(new Answer.StatedFigure(cell.figure().value(), cell.figure().unit(), metricId, cell.year(), source));
            if (row.rank() == 1) {
                leaders.add(cell.province() + " — " + value(cell, q) + say.get("year", "year", Integer.toString(cell.year())));
                leaderSources.add(source);
            }
        }
        String metric = vi ? r.metric().vi() : r.metric().name();
        String lead = String.join("; ", leaders) + (leaders.size() > 1 ? say.get("rankTied") : "");
        answer.line(Answer.Line.lead(lead, leaderSources.toArray(Retrieved[]::new)));
        String scope = say.get(year == null ? "rankScopeLatest" : "rankScopeYear", "metric", metric,
            "order", say.get(q.ascending() ? "rankLowestFirst" : "rankHighestFirst"), "with", Integer.toString(r.provincesWithFigure()),
            "total", Integer.toString(r.provincesTotal()), "year", String.valueOf(year));
        boolean conflicts = r.rows().stream().anyMatch(x -> x.cell().conflicting());
        answer.line(Answer.Line.plain(scope));
        answer.line(Answer.Line.plain(say.get("rankHeader")));
        answer.line(Answer.Line.plain("|---|---|---|---|---|"));
        rows.forEach(answer::line);
        if (conflicts) {
            answer.line(Answer.Line.plain(say.get("rankConflicts")));
        }
        return answer.build();
    }

    private Answer trend(Question q, String metricId) throws IOException {
        Integer from = q.years().size() >= 2 ? q.years().get(0) : null;
        Integer to = q.years().size() >= 2 ? q.years().get(q.years().size() - 1) : null;
        Analysis.Trend t = analytics.trend(metricId, q.provinces(), from, to);
        AnswerPhrases say = new AnswerPhrases(q.lang());
        boolean vi = "vi".equals(q.lang());
        Map<String, Retrieved> cited = new LinkedHashMap<>();
        Answer.Builder answer = new Answer.Builder();
        List<Answer.Line> lines = new ArrayList<>();
        for (Analysis.TrendSeries series : t.series()) {
            if (series.points().isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(series.province()).append(": ");
            List<String> points = new ArrayList<>();
            List<Retrieved> sources = new ArrayList<>();
            for (Analysis.FigureCell cell : series.points()) {
                Retrieved source = cite(cell, metricId, cited);
                sources.add(source);
                answer.figure(new Answer.StatedFigure(cell.figure().value(), cell.figure().unit(), metricId, cell.year(), source));
                points.add(value(cell, q) + " (" + cell.year() + ") " + Answer.citeAt(sources.size() - 1));
            }
            line.append(String.join(" → ", points));
            if (series.overall() != null) {
                Analysis.Change c = series.overall();
                line.append(say.get("trendChange", "points", LeadNumber.signed(c.difference(), q.lang())))
                    .append(c.percent() == null ? "" : " (" + LeadNumber.signed(c.percent(), q.lang()) + "%)");
            }
            lines.add(Answer.Line.plain(line.toString(), sources.toArray(Retrieved[]::new)));
        }
        if (lines.isEmpty()) {
            return Answer.message(say.get("noAnswerFor", "places", String.join(", ", q.provinces())));
        }
        String metric = vi ? t.metric().vi() : t.metric().name();
        answer.line(Answer.Line.plain(metric + ":"));
        lines.forEach(answer::line);
        return answer.build();
    }

    /** The fact a figure cell rests on, once per article and year. */
    private static Retrieved cite(Analysis.FigureCell cell, String metricId, Map<String, Retrieved> cited) {
        Analysis.Report f = cell.figure();
        String key = f.articleId() + "-" + cell.year();
        return cited.computeIfAbsent(key, k -> new Retrieved.FactHit(k, f.text() == null ? "" : f.text(),
            new Origin(f.articleId(), f.url(), f.title(), f.source(), null, cell.province(), null, f.published(), cell.year(),
                cell.province() == null ? List.of() : List.of(cell.province())),
            metricId, f.unit()));
    }

    /** A cell's figure as the answer's language writes it ("97,9%"; in English "97.9%"). */
    private static String value(Analysis.FigureCell cell, Question q) {
        return LeadNumber.of(cell.figure(), q.lang());
    }
}
