package portalkb.extract;

import portalkb.figures.FigureExtractor;
import portalkb.figures.MetricCatalogue.Metric;
import portalkb.figures.MetricCatalogue;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a table's header cells (and caption) into {@link TableColumn}s: metric against the catalogue, unit, year. */
final class TableColumnReader {

    private static final Pattern YEAR_NAMED = Pattern.compile("(?iu)năm\\s*((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/])((?:19|20)\\d{2})(?![\\d/])");
    private static final Pattern BARE_YEAR = Pattern.compile("^(?:năm\\s*)?((?:19|20)\\d{2})$", Pattern.CASE_INSENSITIVE);
    static final Pattern UNIT_IN_PARENS = Pattern.compile("\\(([^()]{1,20})\\)\\s*$");
    private static final Pattern NOT_INDICATOR = Pattern.compile("^(stt|tt|so tt|so thu tu|ma|ma so|ghi chu|don vi tinh|dvt)$");
    private static final Pattern SHARE = Pattern.compile("%|\\bty le\\b|\\bphan tram\\b");

    private final MetricCatalogue catalogue;

    TableColumnReader(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    TableColumn column(int index, String header, String caption, Integer tableYear) {
        String text = Text.collapseSpaces(header == null ? "" : header);
        String folded = Text.fold(text);
        if (text.isEmpty() || NOT_INDICATOR.matcher(folded).matches()) {
            return new TableColumn(index, text, null, null, null, NOT_INDICATOR.matcher(folded).matches());
        }
        Matcher bareYear = BARE_YEAR.matcher(text);
        boolean onlyYear = bareYear.matches();
        Integer year = onlyYear ? Integer.valueOf(bareYear.group(1)) : year(text).orElse(tableYear);
        // A column headed by a year alone measures what the caption names.
        String about = onlyYear ? (caption == null ? "" : Text.fold(caption)) : folded;
        Metric metric = metric(about);
        String unit = unit(text, folded, about, metric);
        if (metric != null && unit != null) {
            // "Số xã đạt …": the count variant of a share; "Số trẻ được tiêm chủng": a count beside a rate, no metric
            metric = catalogue.forUnit(metric, unit).orElse(null);
        }
        return new TableColumn(index, onlyYear ? Text.collapseSpaces(caption == null ? text : caption + " " + text) : text, metric, unit, year, false);
    }

    /** The catalogue metric a header names: its "before" cue anywhere, or its "after" cue at the start of the header's noun. */
    private Metric metric(String folded) {
        Metric best = null;
        int bestEnd = -1;
        for (Metric m : catalogue.metrics()) {
            Pattern before = m.beforePattern();
            if (before != null) {
                Matcher b = before.matcher(folded);
                while (b.find()) {
                    if (b.end() > bestEnd) {
                        best = m;
                        bestEnd = b.end();
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        String noun = folded.replaceFirst("^(so|ty le|tong so)\\s+", "");
        for (Metric m : catalogue.metrics()) {
            Pattern after = m.afterPattern();
            if (after != null && after.matcher(noun).find()) {
                return m;
            }
        }
        return null;
    }

    private static String unit(String text, String folded, String about, Metric metric) {
        Matcher parens = UNIT_IN_PARENS.matcher(text);
        if (parens.find()) {
            String inside = parens.group(1).strip();
            return inside.equals("%") ? "%" : Text.nfc(inside);
        }
        if (SHARE.matcher(folded).find() || SHARE.matcher(about).find()) {
            return "%";
        }
        if (metric != null && metric.unit() != null) {
            return metric.unit();
        }
        String noun = folded.replaceFirst("^(so|tong so)\\s+", "");
        return noun.equals(folded) ? null : FigureExtractor.unitWord(noun);
    }

    static Optional<Integer> year(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher named = YEAR_NAMED.matcher(text);
        Integer found = null;
        while (named.find()) {
            found = Integer.valueOf(named.group(1));
        }
        if (found != null) {
            return Optional.of(found);
        }
        Matcher bare = YEAR.matcher(text);
        List<Integer> years = new ArrayList<>();
        while (bare.find()) {
            years.add(Integer.valueOf(bare.group(1)));
        }
        return years.size() == 1 ? Optional.of(years.get(0)) : Optional.empty(); // "2021-2025" is a period, not a year
    }
}
