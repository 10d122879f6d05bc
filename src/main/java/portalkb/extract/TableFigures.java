package portalkb.extract;

import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.core.PlaceWords;
import portalkb.figures.MeasureKeys;
import portalkb.figures.MetricCatalogue;
import portalkb.figures.Role;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    static final Pattern NUMBER = Pattern.compile("^[-+]?\\d[\\d.,]*\\s*%?$");

    private final TableColumnReader columnReader;
    private final PlaceLabels places = PlaceLabels.get();

    public TableFigures() {
        this(MetricCatalogue.get());
    }

    public TableFigures(MetricCatalogue catalogue) {
        this.columnReader = new TableColumnReader(catalogue);
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
        Integer tableYear = TableColumnReader.year(table.caption()).orElse(documentYear);
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            columns.add(columnReader.column(c, table.header().get(c), table.caption(), tableYear));
        }
        List<DocumentFigure> figures = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        if (table.caption() != null && !table.caption().isBlank()) {
            sentences.add(Text.collapseSpaces(table.caption()));
        }
        List<PlaceLabels.Place> rowPlaces = new ArrayList<>();
        boolean oneYear = columns.stream().filter(TableColumn::indicator).map(TableColumn::year).distinct().count() <= 1;
        boolean totals = placeColumn >= 0 && totalIsTheDocumentsProvince(table, placeColumn);
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            PlaceLabels.Place place = placeColumn < 0 ? null
                : places.read(cell(row, placeColumn), table.header().get(placeColumn)).orElse(null);
            rowPlaces.add(place);
            String sentence = TableSentences.sentence(row, place, placeColumn, columns, tableYear, oneYear);
            if (sentence.isBlank()) {
                continue;
            }
            sentences.add(sentence);
            if (place == null || place.level() == PlaceLabels.Level.TOTAL && !totals) {
                continue;
            }
            for (TableColumn col : columns) {
                String raw = cell(row, col.index());
                if (col.index() == placeColumn || !col.indicator() || !NUMBER.matcher(raw).matches()) {
                    continue;
                }
                String unit = col.unit() == null ? col.metric().unit() : col.unit();
                // a column the catalogue does not know is an open measure named by its header ("Số trẻ dưới 1 tuổi")
                String metric = col.metric() != null ? col.metric().id() : openMeasure(col.header(), unit);
                String written = TableSentences.written(raw, col.unit());
                Figure f = new Figure(metric, value(raw), unit, written, col.year(), sentence, r, raw, col.header(), Role.RESULT,
                    levelOf(place), place.level() == PlaceLabels.Level.PROVINCE ? null : place.name());
                if (f.unit() != null) {
                    figures.add(new DocumentFigure(f, table.page(), table.sheet(), place.province(),
                        place.level() == PlaceLabels.Level.DISTRICT ? place.name() : null,
                        place.level() == PlaceLabels.Level.COMMUNE ? place.name() : null));
                }
            }
        }
        sentences.addAll(TableSentences.extremes(table, columns, rowPlaces, placeColumn, documentTitle));
        return new Result(figures, sentences);
    }

    private static String openMeasure(String header, String unit) {
        String key = header == null ? null : MeasureKeys.key(HEADER_NOISE.matcher(header).replaceAll(" "), MeasureKeys.unitClass(unit, "%".equals(unit)));
        return key == null ? MetricCatalogue.OTHER : key;
    }

    /** What a header adds beside the measure: its year and its unit in parentheses ("Tỷ lệ (%) năm 2022"). */
    private static final Pattern HEADER_NOISE = Pattern.compile("\\([^)]*\\)|(?i)năm\\s*\\d{4}|\\d{4}");

    private static PlaceWords.Level levelOf(PlaceLabels.Place place) {
        return switch (place.level()) {
            case DISTRICT -> PlaceWords.Level.DISTRICT;
            case COMMUNE -> PlaceWords.Level.COMMUNE;
            default -> PlaceWords.Level.PROVINCE;
        };
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

    static double value(String raw) {
        String n = raw.replace("%", "").replace(" ", "").replaceFirst("^\\+", "");
        boolean negative = n.startsWith("-");
        double v = FigureExtractor.parse(negative ? n.substring(1) : n);
        return negative ? -v : v;
    }

    static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }
}
