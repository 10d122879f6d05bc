package portalkb.figures;

import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MetricCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hand-labelled sentences (sentence TAB metric=value;… or "-" [TAB tag]) scored against the extractor: a
 * figure counts when metric and value are right; figures of metric "other" are not scored.
 */
final class LabelledFigures {

    record Line(String sentence, Set<String> expected, String tag) {
    }

    record Score(int truePositives, int extracted, int expected, List<String> misses) {
        double precision() {
            return extracted == 0 ? 0 : (double) truePositives / extracted;
        }

        double recall() {
            return expected == 0 ? 0 : (double) truePositives / expected;
        }

        String describe(String name) {
            return String.format("%s: precision %.3f (%d/%d), recall %.3f (%d/%d)", name, precision(), truePositives, extracted,
                recall(), truePositives, expected);
        }
    }

    private LabelledFigures() {
    }

    static List<Line> read(String resource) throws IOException {
        try (InputStream in = LabelledFigures.class.getResourceAsStream(resource)) {
            List<Line> lines = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\t");
                Set<String> want = new HashSet<>();
                if (!parts[1].equals("-")) {
                    for (String pair : parts[1].split(";")) {
                        String[] kv = pair.split("=");
                        want.add(kv[0] + "=" + Double.parseDouble(kv[1]));
                    }
                }
                lines.add(new Line(parts[0], want, parts.length > 2 ? parts[2] : ""));
            }
            return lines;
        }
    }

    static Score score(FigureExtractor extractor, List<Line> lines, Predicate<Line> which) {
        int truePositives = 0;
        int extracted = 0;
        int expected = 0;
        List<String> misses = new ArrayList<>();
        for (Line line : lines) {
            if (!which.test(line)) {
                continue;
            }
            Set<String> got = new HashSet<>();
            // These sets label catalogued levels of the province: what rankings read (role result, level province).
            for (Figure f : extractor.extract(line.sentence(), 2020)) {
                if (MetricCatalogue.get().byId(f.metric()).isPresent() && f.isProvinceResult()) {
                    got.add(f.metric() + "=" + f.value());
                }
            }
            expected += line.expected().size();
            extracted += got.size();
            Set<String> hit = new HashSet<>(got);
            hit.retainAll(line.expected());
            truePositives += hit.size();
            if (!got.equals(line.expected())) {
                misses.add((line.tag().isEmpty() ? "" : line.tag() + " ") + line.sentence() + " → got " + got + ", want " + line.expected());
            }
        }
        return new Score(truePositives, extracted, expected, misses);
    }
}
