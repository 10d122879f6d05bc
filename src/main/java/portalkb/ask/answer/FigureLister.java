package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Retrieved;
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

    private record Found(Figure figure, Retrieved source, String province) {
    }

    Answer list(Question q, List<Retrieved> contents, AnswerPhrases say) {
        Map<String, Found> perProvince = new LinkedHashMap<>();
        for (Retrieved c : contents) {
            String province = c.origin().province();
            if (province == null) {
                continue;
            }
            for (Figure f : extractor.extract(c.text(), c.origin().year())) {
                if (!q.metrics().contains(f.metric()) || q.threshold() != null
                    && (q.above() ? f.value() <= q.threshold() : f.value() >= q.threshold())
                    || !q.years().isEmpty() && f.year() != null && !q.years().contains(f.year())) {
                    continue;
                }
                Found held = perProvince.get(province);
                if (held == null || year(f) > year(held.figure())) {
                    perProvince.put(province, new Found(f, c, province));
                }
            }
        }
        if (perProvince.isEmpty()) {
            return Answer.message(say.get("noAnswer"));
        }
        List<Found> sorted = new ArrayList<>(perProvince.values());
        sorted.sort(Comparator.comparingDouble((Found f) -> f.figure().value()).reversed());
        Answer.Builder answer = new Answer.Builder();
        for (Found f : sorted.subList(0, Math.min(MAX_LINES, sorted.size()))) {
            String metric = MetricCatalogue.get().byId(f.figure().metric()).map(m -> "vi".equals(q.lang()) ? m.vi() : m.name()).orElse("");
            String value = f.figure().raw() != null ? f.figure().raw() : Double.toString(f.figure().value());
            answer.line(Answer.Line.plain("- " + f.province() + " — " + metric + ": " + value
                + (f.figure().year() == null ? "" : say.get("year", "year", Integer.toString(f.figure().year()))), f.source())
                .quoting(f.figure().sentence()));
            answer.figure(new Answer.StatedFigure(f.figure().value(), f.figure().unit(), f.figure().metric(), f.figure().year(), f.source()));
        }
        return answer.build();
    }

    private static int year(Figure f) {
        return f.year() == null ? 0 : f.year();
    }
}
