package portalkb.ask;

import dev.langchain4j.rag.content.Content;
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
    public Answer answer(Question q, List<Content> contents, Consumer<String> tokens) {
        if (q.type() != Question.AnswerType.RANK && q.type() != Question.AnswerType.TREND) {
            return next.answer(q, contents, tokens);
        }
        try {
            String metric = q.metric() != null ? q.metric() : analytics.openMeasure(q.measure().words(), q.measure().share()).orElse(null);
            if (metric == null) {
                return next.answer(q, contents, tokens);
            }
            Answer answer = q.type() == Question.AnswerType.RANK ? rank(q, metric) : trend(q, metric);
            tokens.accept(answer.text());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer rank(Question q, String metricId) throws IOException {
        Integer year = q.years().isEmpty() ? null : q.years().get(0);
        Analysis.Ranking r = analytics.rank(metricId, year, q.ascending() ? FactAnalytics.Order.ASC : FactAnalytics.Order.DESC, 0);
        AnswerPhrases say = new AnswerPhrases(q.lang());
        if (r.rows().isEmpty()) {
            return Answer.of(say.get("noAnswer"));
        }
        boolean vi = "vi".equals(q.lang());
        List<Content> cited = new ArrayList<>();
        Map<Integer, String> quotes = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(vi ? "| # | Tỉnh | Giá trị | Năm | Nguồn |\n|---|---|---|---|---|" : "| # | Province | Value | Year | Source |\n|---|---|---|---|---|");
        List<String> leaders = new ArrayList<>();
        for (Analysis.RankRow row : r.rows().subList(0, Math.min(TABLE_ROWS, r.rows().size()))) {
            Analysis.FigureCell cell = row.cell();
            int n = cite(cell, cited, quotes);
            String value = value(cell) + (cell.conflicting() ? " ⚠" : "");
            table.append("\n| ").append(row.rank()).append(row.tied() ? "=" : "").append(" | ").append(cell.province()).append(" | ")
                .append(value).append(" | ").append(cell.year()).append(" | [").append(n).append("] |");
            if (row.rank() == 1) {
                leaders.add(cell.province() + " — " + value(cell) + say.get("year", "year", Integer.toString(cell.year())) + " [" + n + "]");
            }
        }
        String metric = vi ? r.metric().vi() : r.metric().name();
        String lead = String.join("; ", leaders) + (leaders.size() > 1 ? (vi ? " (đồng hạng)" : " (tied)") : "");
        String scope = vi ? metric + (q.ascending() ? ", thấp nhất trước" : ", cao nhất trước") + ": có số liệu của "
                + r.provincesWithFigure() + "/" + r.provincesTotal() + " tỉnh" + (year == null ? " (năm gần nhất của mỗi tỉnh)." : ", năm " + year + ".")
            : metric + (q.ascending() ? ", lowest first" : ", highest first") + ": figures for " + r.provincesWithFigure() + " of "
                + r.provincesTotal() + " provinces" + (year == null ? " (each province's latest year)." : " in " + year + ".");
        boolean conflicts = r.rows().stream().anyMatch(x -> x.cell().conflicting());
        String note = conflicts ? (vi ? "\n⚠ Các bài viết nêu số liệu khác nhau cho ô này (xem /api/conflicts)." : "\n⚠ Articles report different values for this cell (see /api/conflicts).") : "";
        return new Answer(lead + "\n" + scope + "\n" + table + note, quotes, cited);
    }

    private Answer trend(Question q, String metricId) throws IOException {
        Integer from = q.years().size() >= 2 ? q.years().get(0) : null;
        Integer to = q.years().size() >= 2 ? q.years().get(q.years().size() - 1) : null;
        Analysis.Trend t = analytics.trend(metricId, q.provinces(), from, to);
        AnswerPhrases say = new AnswerPhrases(q.lang());
        boolean vi = "vi".equals(q.lang());
        List<Content> cited = new ArrayList<>();
        Map<Integer, String> quotes = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Analysis.TrendSeries series : t.series()) {
            if (series.points().isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(series.province()).append(": ");
            List<String> points = new ArrayList<>();
            for (Analysis.FigureCell cell : series.points()) {
                points.add(value(cell) + " (" + cell.year() + ") [" + cite(cell, cited, quotes) + "]");
            }
            line.append(String.join(" → ", points));
            if (series.overall() != null) {
                Analysis.Change c = series.overall();
                line.append(vi ? "; thay đổi " : "; change ").append(signed(c.difference())).append(vi ? " điểm" : " points")
                    .append(c.percent() == null ? "" : " (" + signed(c.percent()) + "%)");
            }
            lines.add(line.toString());
        }
        if (lines.isEmpty()) {
            return Answer.of(say.get("noAnswerFor", "places", String.join(", ", q.provinces())));
        }
        String metric = vi ? t.metric().vi() : t.metric().name();
        return new Answer(metric + ":\n" + String.join("\n", lines), quotes, cited);
    }

    private static int cite(Analysis.FigureCell cell, List<Content> cited, Map<Integer, String> quotes) {
        Analysis.Report f = cell.figure();
        for (int i = 0; i < cited.size(); i++) {
            if (f.url() != null && f.url().equals(Contents.get(cited.get(i), "url"))) {
                return i + 1;
            }
        }
        Contents.Origin origin = new Contents.Origin(null, f.url(), f.title(), f.source(), null, cell.province(), null, f.published(),
            null, null, cell.year(), cell.province() == null ? List.of() : List.of(cell.province()));
        cited.add(Contents.of(f.articleId() + "-" + cell.year(), f.text() == null ? "" : f.text(), origin, "fact"));
        quotes.put(cited.size(), f.text());
        return cited.size();
    }

    private static String value(Analysis.FigureCell cell) {
        Analysis.Report f = cell.figure();
        if (f.raw() != null && !f.raw().isBlank()) {
            return f.raw();
        }
        return QuestionQueryTransformer.vietnameseNumber(f.value()) + (f.unit() == null ? "" : "%".equals(f.unit()) ? "%" : " " + f.unit());
    }

    private static String signed(double v) {
        String s = QuestionQueryTransformer.vietnameseNumber(Math.abs(v));
        return (v < 0 ? "−" : "+") + s;
    }
}
