package portalkb.extract;

import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static portalkb.extract.TableColumnReader.UNIT_IN_PARENS;
import static portalkb.extract.TableFigures.NUMBER;
import static portalkb.extract.TableFigures.cell;
import static portalkb.extract.TableFigures.value;

/** Writes a table out in words: one sentence per row, and each indicator's highest and lowest place. */
final class TableSentences {

    private static final Pattern LEVEL_WORD = Pattern.compile("(?:Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Tỉnh|Thành phố|Toàn tỉnh)(?=\\s)");

    private TableSentences() {
    }

    /** "Năm 2023, huyện Mường Tè: tỷ lệ tiêm chủng đầy đủ 89,5%; số trẻ được tiêm 1.245 trẻ." */
    static String sentence(List<String> row, PlaceLabels.Place place, int placeColumn, List<TableColumn> columns, Integer year, boolean oneYear) {
        List<String> parts = new ArrayList<>();
        for (TableColumn col : columns) {
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
        Integer shared = oneYear ? columns.stream().filter(TableColumn::indicator).map(TableColumn::year).filter(y -> y != null).findFirst().orElse(year) : null;
        String lead = (shared != null ? "Năm " + shared + ", " : "") + (label.isBlank() ? "" : (shared != null ? lowerLevelWord(label) : label) + ": ");
        return lead + String.join("; ", parts) + ".";
    }

    /** For each indicator, the place highest and the place lowest in it (same level of place, three places or more). */
    static List<String> extremes(DocumentTable table, List<TableColumn> columns, List<PlaceLabels.Place> rowPlaces, int placeColumn,
                                         String documentTitle) {
        List<String> out = new ArrayList<>();
        if (placeColumn < 0) {
            return out;
        }
        for (TableColumn col : columns) {
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

    /** The number as the file writes it, with its unit: "89,5%", "1.245 trẻ". */
    static String written(String raw, String unit) {
        String n = raw.strip().replaceAll("\\s*%$", "");
        if (unit == null) {
            return n;
        }
        return unit.equals("%") ? n + "%" : n + " " + unit;
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
