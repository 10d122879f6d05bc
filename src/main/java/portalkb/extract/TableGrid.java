package portalkb.extract;

import portalkb.core.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables in a grid of cells (a sheet, a Word table, the aligned lines of a PDF page): runs of data
 * rows — a label and numbers — under up to three header rows, with the caption above them (a row of one
 * cell: the sheet's title, "Bảng 2. …") or the text before the grid.
 */
public final class TableGrid {

    static final Pattern NUMBER = Pattern.compile("^[-+]?\\d[\\d.,]*\\s*%?$");
    private static final Pattern YEAR = Pattern.compile("^(?:(?:năm|Năm|NĂM)\\s*)?(?:19|20)\\d{2}$");
    /** "(1)", "(2)" … under a header: column numbers, not words. */
    private static final Pattern COLUMN_NUMBER = Pattern.compile("^\\(?\\d{1,2}\\)?$|^\\([A-Za-z]\\)$");
    private static final int MAX_HEADER_ROWS = 4;

    private enum Kind { EMPTY, DATA, TEXT }

    private TableGrid() {
    }

    public static List<DocumentTable> find(List<List<String>> grid, Integer page, String sheet, String captionBefore) {
        return find(grid, page, sheet, captionBefore, new HashSet<>());
    }

    /** As {@link #find(List, Integer, String, String)}; {@code used} receives the indices of the rows the tables took (caption, header, data). */
    public static List<DocumentTable> find(List<List<String>> grid, Integer page, String sheet, String captionBefore, Set<Integer> used) {
        List<DocumentTable> tables = new ArrayList<>();
        List<Kind> kinds = grid.stream().map(TableGrid::kind).toList();
        int r = 0;
        while (r < grid.size()) {
            if (kinds.get(r) != Kind.DATA) {
                r++;
                continue;
            }
            int start = r;
            List<List<String>> rows = new ArrayList<>();
            // A row of one cell inside the run (a group title such as "Vùng cao") does not end the table.
            while (r < grid.size() && (kinds.get(r) == Kind.DATA || kinds.get(r) == Kind.TEXT && filled(grid.get(r)) == 1
                && r + 1 < grid.size() && kinds.get(r + 1) == Kind.DATA)) {
                if (kinds.get(r) == Kind.DATA) {
                    rows.add(grid.get(r));
                }
                r++;
            }
            if (rows.size() < 2) {
                continue;
            }
            int headerTop = start;
            while (headerTop > 0 && start - headerTop < MAX_HEADER_ROWS && kinds.get(headerTop - 1) == Kind.TEXT
                && (filled(grid.get(headerTop - 1)) >= 2 || continuesHeader(grid, kinds, headerTop - 1))) {
                headerTop--;
            }
            String caption = captionBefore;
            if (headerTop > 0 && kinds.get(headerTop - 1) == Kind.TEXT && filled(grid.get(headerTop - 1)) == 1) {
                caption = firstFilled(grid.get(headerTop - 1));
                used.add(headerTop - 1);
            }
            for (int k = headerTop; k < r; k++) {
                used.add(k);
            }
            int columns = 0;
            for (int i = headerTop; i < r; i++) {
                columns = Math.max(columns, grid.get(i).size());
            }
            List<String> header = header(grid.subList(headerTop, start), columns);
            int width = columns;
            List<List<String>> padded = rows.stream().map(row -> pad(row, width)).toList();
            tables.add(new DocumentTable(page, sheet, caption, header, padded));
        }
        return tables;
    }

    /** Header rows joined per column; a group cell above (merged: its text in the first column only) spans the empty cells right of it. */
    private static List<String> header(List<List<String>> headerRows, int columns) {
        List<StringBuilder> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            out.add(new StringBuilder());
        }
        for (int h = 0; h < headerRows.size(); h++) {
            List<String> row = pad(headerRows.get(h), columns);
            String group = null;
            for (int c = 0; c < columns; c++) {
                String cell = COLUMN_NUMBER.matcher(row.get(c).strip()).matches() ? "" : row.get(c).strip();
                boolean lastRow = h == headerRows.size() - 1;
                if (cell.isEmpty() && !lastRow && group != null && !pad(headerRows.get(headerRows.size() - 1), columns).get(c).isBlank()) {
                    cell = group;
                } else if (!cell.isEmpty()) {
                    group = cell;
                }
                if (!cell.isEmpty()) {
                    out.get(c).append(out.get(c).isEmpty() ? "" : " ").append(cell);
                }
            }
        }
        return out.stream().map(b -> Text.collapseSpaces(b.toString())).toList();
    }

    /** A row of one cell under a header row of several: the wrapped end of one header cell ("gia về y tế (xã)"). */
    private static boolean continuesHeader(List<List<String>> grid, List<Kind> kinds, int row) {
        return filled(grid.get(row)) == 1 && row > 0 && kinds.get(row - 1) == Kind.TEXT && filled(grid.get(row - 1)) >= 2;
    }

    private static Kind kind(List<String> row) {
        int numbers = 0;
        int texts = 0;
        for (String cell : row) {
            String c = cell == null ? "" : cell.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (NUMBER.matcher(c).matches() && !YEAR.matcher(c).matches()) {
                numbers++;
            } else {
                texts++;
            }
        }
        if (numbers == 0 && texts == 0) {
            return Kind.EMPTY;
        }
        return numbers >= 1 && texts >= 1 ? Kind.DATA : Kind.TEXT;
    }

    private static int filled(List<String> row) {
        return (int) row.stream().filter(c -> c != null && !c.isBlank()).count();
    }

    private static String firstFilled(List<String> row) {
        return row.stream().filter(c -> c != null && !c.isBlank()).findFirst().orElse("").strip();
    }

    private static List<String> pad(List<String> row, int columns) {
        List<String> out = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            out.add(c < row.size() && row.get(c) != null ? row.get(c) : "");
        }
        return out;
    }
}
