package portalkb.bench;

import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MeasureKeys;
import portalkb.core.Language;
import portalkb.figures.MetricCatalogue;
import portalkb.eval.Devset;
import portalkb.eval.FigureLabel;
import portalkb.eval.FigureScoring;
import portalkb.eval.FigureTally;
import portalkb.eval.ReadFigure;
import portalkb.index.ArticleWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./kb bench figures DIR [--labels FILE] [--misses]}: reads every figure of a devset's articles (those the
 * labels name) as the indexer does, and prints precision and recall against the labels per language, level and
 * role, and the share of read figures with a usable measure. {@code --misses}: each article's unpaired labels and
 * figures, for the development half only.
 */
final class FiguresBench {

    private final Path devsetDir;
    private final Path labelsFile;
    private final boolean misses;

    FiguresBench(Path devsetDir, Path labelsFile, boolean misses) {
        this.devsetDir = devsetDir;
        this.labelsFile = labelsFile;
        this.misses = misses;
    }

    int run(PrintStream out) throws IOException {
        Devset devset = Devset.load(devsetDir);
        List<FigureLabel> labels = FigureLabel.load(labelsFile);
        Set<String> files = new LinkedHashSet<>(labels.stream().map(FigureLabel::file).toList());
        FigureExtractor extractor = new FigureExtractor();
        List<FigureScoring.Outcome> outcomes = new ArrayList<>();
        for (Devset.Article a : devset.articles()) {
            if (!files.contains(a.file())) {
                continue;
            }
            String lang = Language.detect(a.body());
            List<ReadFigure> read = read(extractor, a);
            outcomes.add(FigureScoring.score(a.file(), lang, labels.stream().filter(l -> l.file().equals(a.file())).toList(), read));
        }
        out.printf("%d articles, %d labelled figures (%s)%n%n", outcomes.size(), labels.size(), labelsFile);
        out.printf("%-22s %7s %7s %9s %9s %7s %9s %9s%n", "part", "labels", "read", "found", "recall", "right", "precision", "measured");
        for (FigureTally t : FigureTally.of(outcomes)) {
            out.printf("%-22s %7d %7d %8.1f%% %8.1f%% %7d %8.1f%% %8.1f%%%n", t.part(), t.labels(), t.read(), 100 * t.foundRecall(),
                100 * t.recall(), t.rightLabels(), 100 * t.precision(), 100 * t.measured());
        }
        if (misses) {
            printMisses(out, outcomes);
        }
        return 0;
    }

    /** The figures the indexer stores for an article, in the labels' terms. */
    static List<ReadFigure> read(FigureExtractor extractor, Devset.Article a) {
        Integer year = a.published() == null ? null : Integer.valueOf(a.published().substring(0, 4));
        List<ReadFigure> out = new ArrayList<>();
        for (Figure f : extractor.extract(a.body(), ArticleWriter.reportYear(a.title(), year), year, a.province())) {
            var metric = MetricCatalogue.get().byId(f.metric());
            boolean measured = !f.metric().equals(MetricCatalogue.OTHER);
            // an English measure is also judged by the Vietnamese the reader keys it with
            String vi = metric.map(MetricCatalogue.Metric::vi).orElse(measured && "en".equals(Language.detect(a.body()))
                ? MeasureKeys.vietnamese(f.measure()) : null);
            out.add(new ReadFigure(f.written(), f.unit(), f.metric(), vi,
                metric.map(MetricCatalogue.Metric::name).orElse(null), measured ? f.measure() : null, f.year(), f.level().id(),
                f.place(), f.role().id(), f.sentence()));
        }
        return out;
    }

    private static void printMisses(PrintStream out, List<FigureScoring.Outcome> outcomes) {
        for (FigureScoring.Outcome o : outcomes) {
            out.printf("%n== %s (%s)%n", o.file(), o.lang());
            for (FigureScoring.Pair p : o.pairs()) {
                FigureLabel l = p.label();
                if (p.right()) {
                    continue;
                }
                if (!p.found()) {
                    out.printf("  MISSED %s %s [%s] %s/%s · %s%n", l.value(), l.unit(), l.measureVi(), l.level(), l.role(), shorten(l.evidence()));
                } else {
                    ReadFigure r = p.read();
                    out.printf("  WRONG  %s %s [%s | read: %s]%s%s%n", l.value(), l.unit(), l.measureVi(), describe(r),
                        p.level() ? "" : " level " + l.level() + "≠" + r.level(), p.role() ? "" : " role " + l.role() + "≠" + r.role());
                }
            }
            for (ReadFigure r : o.unpaired()) {
                out.printf("  EXTRA  %s %s [%s] %s/%s · %s%n", r.value(), r.unit(), describe(r),
                    r.level(), r.role(), shorten(r.sentence()));
            }
        }
    }

    private static String describe(ReadFigure r) {
        return (r.measureVi() != null ? r.measureVi() + " = " : "") + r.measurePhrase() + " {" + r.measureId() + "}";
    }

    private static String shorten(String s) {
        return s.length() <= 140 ? s : s.substring(0, 137) + "…";
    }
}
