package portalkb.ask.read;

import portalkb.ask.question.Question;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;
import portalkb.core.PlaceWords.Level;
import portalkb.core.Text;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MeasureKeys;
import portalkb.figures.MetricCatalogue;
import portalkb.figures.Role;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the figure reader makes of a candidate number, compared with what the question asks: the measure it
 * names (the asked measure's words it holds, the catalogued metric), its role (a result, a target, a change),
 * the level of place it is about and the year. Passages are read whole, once per question, so a sentence's
 * figures keep what earlier sentences told the reader.
 */
final class FigureFit {

    private final Question q;
    private final FigureExtractor extractor = new FigureExtractor();
    private final Map<Retrieved, List<Figure>> byPassage = new HashMap<>();
    private final Set<String> askedWords;

    FigureFit(Question q) {
        this.q = q;
        this.askedWords = new HashSet<>(q.measure().words());
    }

    /** The figures the reader finds in the sentence. */
    List<Figure> read(Sentence s) {
        List<Figure> all = byPassage.computeIfAbsent(s.source(), this::readPassage);
        List<Figure> own = all.stream().filter(f -> s.text().equals(f.sentence())).toList();
        return own.isEmpty() && !s.source().text().contains(s.text()) ? extractor.extractSentence(s.text(), 0, s.year()) : own;
    }

    private List<Figure> readPassage(Retrieved r) {
        Origin o = r.origin();
        Integer published = o.published() != null && o.published().matches("\\d{4}.*") ? Integer.valueOf(o.published().substring(0, 4)) : null;
        // the year the index gives a figure whose sentence names none: the report's ("… năm 2019" in the title), as Sentence reads it
        Integer reportYear = o.title() == null ? o.year() : portalkb.index.ArticleWriter.reportYear(o.title(), o.year());
        return extractor.extract(r.text(), reportYear, published, o.province(), null);
    }

    /** The figure read at this number as written ("97,9", "272/706"), or null. */
    Figure find(List<Figure> read, String written) {
        for (Figure f : read) {
            if (written.equals(f.written())) {
                return f;
            }
        }
        return null;
    }

    void features(Map<String, Double> f, Figure figure) {
        f.put("figureRead", figure == null ? 0.0 : 1.0);
        f.put("measureOverlap", figure == null ? 0.0 : measureOverlap(figure));
        f.put("metricMatch", figure == null ? 0.0 : metricMatch(figure));
        Role role = figure == null ? null : figure.role();
        f.put("roleTarget", role == Role.TARGET ? 1.0 : 0.0);
        f.put("roleChange", role == Role.CHANGE ? 1.0 : 0.0);
        f.put("roleComparison", role == Role.COMPARISON ? 1.0 : 0.0);
        Level level = figure == null ? null : figure.level();
        boolean lowerAsked = !q.places().isEmpty();
        boolean lower = level == Level.DISTRICT || level == Level.COMMUNE || level == Level.FACILITY;
        f.put("levelFits", level == null ? 0.0 : lowerAsked == lower ? 1.0 : 0.0);
        f.put("levelAway", level == Level.NATIONAL || level == Level.OTHER_PROVINCE ? 1.0 : 0.0);
        f.put("placeNamed", figure != null && figure.place() != null && namesAskedPlace(figure.place()) ? 1.0 : 0.0);
        f.put("figureYear", figure == null || figure.year() == null || q.years().isEmpty() ? 0.0 : q.years().contains(figure.year()) ? 1.0 : -1.0);
        boolean percent = figure != null && "%".equals(figure.unit());
        f.put("shareAsked", q.measure().share() ? percent ? 1.0 : -1.0 : 0.0);
    }

    /** The share of the asked measure's words the figure's measure and unit hold (0 when nothing is asked). */
    private double measureOverlap(Figure figure) {
        if (askedWords.isEmpty()) {
            return 0;
        }
        Set<String> words = new HashSet<>(MeasureKeys.words(Text.fold((figure.measure() == null ? "" : figure.measure()) + " "
            + (figure.unit() == null ? "" : figure.unit()))));
        MetricCatalogue.get().byId(figure.metric()).ifPresentOrElse(m -> words.addAll(MeasureKeys.words(Text.fold(m.vi()))),
            () -> words.addAll(MeasureKeys.wordsOf(figure.metric())));
        long held = askedWords.stream().filter(words::contains).count();
        return (double) held / askedWords.size();
    }

    /** +1 when the figure is of the catalogued metric asked, -1 when of another catalogued one, else 0. */
    private double metricMatch(Figure figure) {
        if (q.metrics().isEmpty()) {
            return 0;
        }
        if (q.metrics().contains(figure.metric())) {
            return 1;
        }
        return MetricCatalogue.get().byId(figure.metric()).isPresent() ? -1 : 0;
    }

    private boolean namesAskedPlace(String place) {
        String folded = Text.fold(place);
        return q.places().stream().anyMatch(folded::contains);
    }
}
