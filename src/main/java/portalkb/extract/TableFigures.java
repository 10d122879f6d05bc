package portalkb.extract;

import portalkb.core.Figure;
import portalkb.core.FigureExtractor;
import portalkb.core.MetricCatalogue.Metric;
import portalkb.core.MetricCatalogue;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's figures: each row that names a place (province, district, commune; {@link PlaceLabels})
 * gives one figure per number in an indicator column, with the row's place, the column's metric (its
 * header read against the catalogue, or the caption's when the header is only a year) and unit, and the
 * year of the column, the caption, or the document. The table is also written out as sentences, one per
 * row ("Năm 2023, huyện Mường Tè: tỷ lệ tiêm chủng đầy đủ 89,5%."), and for each indicator its highest
 * and lowest place, so that search and the reader find in words what the table shows.
 */
public final class TableFigures {

    /** The table's figures and its sentences (one per line). */
    public record Result(List<DocumentFigure> figures, List<String> sentences) {
    }

    /** {@code skipped}: a column that is no indicator and no text to repeat (row numbers, notes). */
    private record Column(int index, String header, Metric metric, String unit, Integer year, boolean skipped) {
        boolean indicator() {
            return metric != null || unit != null;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("^[-+]?\\d[\\d.,]*\\s*%?$");
    private static final Pattern YEAR_NAMED = Pattern.compile("(?iu)năm\\s*((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/])((?:19|20)\\d{2})(?![\\d/])");
    private static final Pattern BARE_YEAR = Pattern.compile("^(?:năm\\s*)?((?:19|20)\\d{2})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT_IN_PARENS = Pattern.compile("\\(([^()]{1,20})\\)\\s*$");
    private static final Pattern NOT_INDICATOR = Pattern.compile("^(stt|tt|so tt|so thu tu|ma|ma so|ghi chu|don vi tinh|dvt)$");
    private static final Pattern LEVEL_WORD = Pattern.compile("(?:Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Tỉnh|Thành phố|Toàn tỉnh)(?=\\s)");
    private static final Pattern SHARE = Pattern.compile("%|\\bty le\\b|\\bphan tram\\b");

    private final MetricCatalogue catalogue;
    private final PlaceLabels places = PlaceLabels.get();

    public TableFigures() {
        this(MetricCatalogue.get());
    }

    public TableFigures(MetricCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** As {@link #read(DocumentTable, Integer, String)} for a table of a document without a title. */
    public Result read(DocumentTable table, Integer documentYear) {
        return read(table, documentYear, null);
    }

    /**
     * {@code documentYear}: the year of the file (its title, its date) when neither header nor caption gives one; may be null.
     * {@code documentTitle}: the file's title, which the sentences naming each indicator's highest and lowest place cite; may be null.
     */
    public Result read(DocumentTable table, Integer documentYear, String documentTitle) {
        int placeColumn = placeColumn(table);
        Integer tableYear = year(table.caption()).orElse(documentYear);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            columns.add(column(c, table.header().get(c), table.caption(), tableYear));
        }
        List<DocumentFigure> figures = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        if (table.caption() != null && !table.caption().isBlank()) {
            sentences.add(Text.collapseSpaces(table.caption()));
        }
        List<PlaceLabels.Place> rowPlaces = new ArrayList<>();
        boolean oneYear = columns.stream().filter(Column::indicator).map(Column::year).distinct().count() <= 1;
        boolean totals = placeColumn >= 0 && totalIsTheDocumentsProvince(table, placeColumn);
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            PlaceLabels.Place place = placeColumn < 0 ? null
                : places.read(cell(row, placeColumn), table.header().get(placeColumn)).orElse(null);
            rowPlaces.add(place);
            String sentence = sentence(row, place, placeColumn, columns, tableYear, oneYear);
            if (sentence.isBlank()) {
                continue;
            }
            sentences.add(sentence);
            if (place == null || place.level() == PlaceLabels.Level.TOTAL && !totals) {
                continue;
            }
            for (Column col : columns) {
                String raw = cell(row, col.index());
                if (col.index() == placeColumn || !col.indicator() || !NUMBER.matcher(raw).matches()) {
                    continue;
                }
                Figure f = new Figure(col.metric() == null ? MetricCatalogue.OTHER : col.metric().id(), value(raw),
                    col.unit() == null ? col.metric().unit() : col.unit(), written(raw, col.unit()), col.year(), sentence, r);
                if (f.unit() != null) {
                    figures.add(new DocumentFigure(f, table.page(), table.sheet(), place.province(),
                        place.level() == PlaceLabels.Level.DISTRICT ? place.name() : null,
                        place.level() == PlaceLabels.Level.COMMUNE ? place.name() : null));
                }
            }
        }
        sentences.addAll(extremes(table, columns, rowPlaces, placeColumn, documentTitle));
        return new Result(figures, sentences);
    }

    /**
     * A total row ("Toàn tỉnh", "Tổng cộng") is the document's province only in a table of its districts;
     * under provinces it is a region's total, under communes a district's.
     */
    private boolean totalIsTheDocumentsProvince(DocumentTable table, int placeColumn) {
        long districts = 0;
        long others = 0;
        for (List<String> row : table.rows()) {
            PlaceLabels.Place p = places.read(cell(row, placeColumn), table.header().get(placeColumn)).orElse(null);
            if (p != null && p.level() == PlaceLabels.Level.DISTRICT) {
                districts++;
            } else if (p != null && p.level() != PlaceLabels.Level.TOTAL) {
                others++;
            }
        }
        return districts > others;
    }

    /** The column whose cells name the most places (at least two rows); -1 when none does. */
    private int placeColumn(DocumentTable table) {
        int best = -1;
        int bestCount = 1;
        for (int c = 0; c < table.header().size(); c++) {
            int count = 0;
            for (List<String> row : table.rows()) {
                Optional<PlaceLabels.Place> p = places.read(cell(row, c), table.header().get(c));
                if (p.isPresent() && p.get().level() != PlaceLabels.Level.TOTAL) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private Column column(int index, String header, String caption, Integer tableYear) {
        String text = Text.collapseSpaces(header == null ? "" : header);
        String folded = Text.fold(text);
        if (text.isEmpty() || NOT_INDICATOR.matcher(folded).matches()) {
            return new Column(index, text, null, null, null, NOT_INDICATOR.matcher(folded).matches());
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
        return new Column(index, onlyYear ? Text.collapseSpaces(caption == null ? text : caption + " " + text) : text, metric, unit, year, false);
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

    /** "Năm 2023, huyện Mường Tè: tỷ lệ tiêm chủng đầy đủ 89,5%; số trẻ được tiêm 1.245 trẻ." */
    private static String sentence(List<String> row, PlaceLabels.Place place, int placeColumn, List<Column> columns, Integer year, boolean oneYear) {
        List<String> parts = new ArrayList<>();
        for (Column col : columns) {
            String raw = cell(row, col.index());
            if (col.index() == placeColumn || raw.isBlank() || col.skipped()) {
                continue;
            }
            String header = lowerFirst(UNIT_IN_PARENS.matcher(col.header()).replaceFirst("").strip());
            String yearNote = !oneYear && col.year() != null && !col.header().contains(col.year().toString()) ? " năm " + col.year() : "";
            String value = NUMBER.matcher(raw).matches() ? written(raw, col.unit()) : raw;
            parts.add((header.isEmpty() ? "" : header + yearNote + " ") + value);
        }
        if (parts.isEmpty()) {
            return "";
        }
        String label = place != null ? placeName(place) : placeColumn >= 0 ? cell(row, placeColumn) : "";
        Integer shared = oneYear ? columns.stream().filter(Column::indicator).map(Column::year).filter(y -> y != null).findFirst().orElse(year) : null;
        String lead = (shared != null ? "Năm " + shared + ", " : "") + (label.isBlank() ? "" : (shared != null ? lowerLevelWord(label) : label) + ": ");
        return lead + String.join("; ", parts) + ".";
    }

    /** For each indicator, the place highest and the place lowest in it (same level of place, three places or more). */
    private static List<String> extremes(DocumentTable table, List<Column> columns, List<PlaceLabels.Place> rowPlaces, int placeColumn,
                                         String documentTitle) {
        List<String> out = new ArrayList<>();
        if (placeColumn < 0) {
            return out;
        }
        for (Column col : columns) {
            if (col.index() == placeColumn || !col.indicator()) {
                continue;
            }
            int max = -1;
            int min = -1;
            double maxValue = 0;
            double minValue = 0;
            int count = 0;
            PlaceLabels.Level level = null;
            for (int r = 0; r < table.rows().size(); r++) {
                PlaceLabels.Place p = rowPlaces.get(r);
                String raw = cell(table.rows().get(r), col.index());
                if (p == null || p.level() == PlaceLabels.Level.TOTAL || !NUMBER.matcher(raw).matches() || level != null && p.level() != level) {
                    continue;
                }
                level = p.level();
                count++;
                double v = value(raw);
                if (max < 0 || v > maxValue) {
                    max = r;
                    maxValue = v;
                }
                if (min < 0 || v < minValue) {
                    min = r;
                    minValue = v;
                }
            }
            if (count < 3 || maxValue == minValue) {
                continue;
            }
            String header = lowerFirst(UNIT_IN_PARENS.matcher(col.header()).replaceFirst("").strip());
            // "Theo báo cáo kết quả … năm 2023, tỷ lệ … cao nhất là …": said as the document says it, with its year.
            String source = documentTitle == null || documentTitle.isBlank() ? "" : "Theo " + lowerFirst(Text.collapseSpaces(documentTitle)) + ", ";
            boolean yearSaid = col.year() == null || header.contains(col.year().toString()) || source.contains(col.year().toString());
            String lead = source + (yearSaid ? "" : (source.isEmpty() ? "Năm " : "năm ") + col.year() + ", ") + header;
            out.add(upperFirst(lead) + " cao nhất là " + placeName(rowPlaces.get(max)) + " (" + written(cell(table.rows().get(max), col.index()), col.unit()) + ").");
            out.add(upperFirst(lead) + " thấp nhất là " + placeName(rowPlaces.get(min)) + " (" + written(cell(table.rows().get(min), col.index()), col.unit()) + ").");
        }
        return out;
    }

    /** "huyện Mường Tè", "xã Bản Lang", "TP. Lai Châu", "Lạng Sơn": as written when the label has its level word. */
    private static String placeName(PlaceLabels.Place p) {
        if (!p.label().equals(p.name()) || p.level() == PlaceLabels.Level.TOTAL) {
            return lowerLevelWord(p.label());
        }
        return switch (p.level()) {
            case DISTRICT -> "huyện " + p.name();
            case COMMUNE -> "xã " + p.name();
            case PROVINCE -> "tỉnh " + p.name();
            case TOTAL -> p.label();
        };
    }

    private static String lowerLevelWord(String label) {
        return LEVEL_WORD.matcher(label).lookingAt() ? lowerFirst(label) : label;
    }

    private static Optional<Integer> year(String text) {
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

    static double value(String raw) {
        String n = raw.replace("%", "").replace(" ", "").replaceFirst("^\\+", "");
        boolean negative = n.startsWith("-");
        double v = FigureExtractor.parse(negative ? n.substring(1) : n);
        return negative ? -v : v;
    }

    /** The number as the file writes it, with its unit: "89,5%", "1.245 trẻ". */
    private static String written(String raw, String unit) {
        String n = raw.strip().replaceAll("\\s*%$", "");
        if (unit == null) {
            return n;
        }
        return unit.equals("%") ? n + "%" : n + " " + unit;
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
