package portalkb.ask;

import dev.langchain4j.rag.content.Content;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MetricCatalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Which provinces are above 95% coverage?": the catalogued figures of the asked metric in the retrieved
 * passages, one per province (the best fitting, then the latest), highest first, each with its citation.
 */
final class FigureLister {

    private static final int MAX_LINES = 8;

    private final FigureExtractor extractor = new FigureExtractor();

    private record Found(Figure figure, int n, String province, String source) {
    }

    Answerer.Answer list(Question q, List<Content> contents, AnswerPhrases say) {
        Map<String, Found> perProvince = new LinkedHashMap<>();
        for (int i = 0; i < contents.size(); i++) {
            Content c = contents.get(i);
            String province = Contents.get(c, "province");
            if (province == null) {
                continue;
            }
            for (Figure f : extractor.extract(c.textSegment().text(), Contents.year(c))) {
                if (!q.metrics().contains(f.metric()) || q.threshold() != null
                    && (q.above() ? f.value() <= q.threshold() : f.value() >= q.threshold())
                    || !q.years().isEmpty() && f.year() != null && !q.years().contains(f.year())) {
                    continue;
                }
                Found held = perProvince.get(province);
                if (held == null || year(f) > year(held.figure())) {
                    perProvince.put(province, new Found(f, i + 1, province, Contents.get(c, "sourceName")));
                }
            }
        }
        if (perProvince.isEmpty()) {
            return Answerer.Answer.of(say.get("noAnswer"));
        }
        List<Found> sorted = new ArrayList<>(perProvince.values());
        sorted.sort(Comparator.comparingDouble((Found f) -> f.figure().value()).reversed());
        List<String> lines = new ArrayList<>();
        Map<Integer, String> quotes = new LinkedHashMap<>();
        for (Found f : sorted.subList(0, Math.min(MAX_LINES, sorted.size()))) {
            String metric = MetricCatalogue.get().byId(f.figure().metric()).map(m -> "vi".equals(q.lang()) ? m.vi() : m.name()).orElse("");
            String value = f.figure().raw() != null ? f.figure().raw() : Double.toString(f.figure().value());
            lines.add("- " + f.province() + " — " + metric + ": " + value
                + (f.figure().year() == null ? "" : say.get("year", "year", Integer.toString(f.figure().year()))) + " [" + f.n() + "]");
            quotes.putIfAbsent(f.n(), f.figure().sentence());
        }
        return new Answerer.Answer(String.join("\n", lines), quotes);
    }

    private static int year(Figure f) {
        return f.year() == null ? 0 : f.year();
    }
}
