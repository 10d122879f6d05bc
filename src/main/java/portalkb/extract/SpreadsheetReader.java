package portalkb.extract;

import portalkb.core.Text;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An Excel workbook (.xls, .xlsx) through POI: each sheet a part named by the sheet, its cells as a
 * Vietnamese reader sees them (the cell's number format with Vietnamese separators, "89,5", "1.245";
 * formulas by their stored result), its tables found by {@link TableGrid}.
 */
final class SpreadsheetReader {

    private static final int MAX_COLUMNS = 100;

    private SpreadsheetReader() {
    }

    static ExtractedDocument read(byte[] body, DocumentType type, DocumentExtractor.Limits limits, long deadline) throws DocumentExtractor.Unreadable {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("vi-VN"));
            formatter.setUseCachedValuesForFormulaCells(true);
            List<String> notes = new ArrayList<>();
            List<List<List<String>>> grids = new ArrayList<>();
            StringBuilder sample = new StringBuilder();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                DocumentExtractor.checkTime(deadline, limits);
                Sheet sheet = workbook.getSheetAt(s);
                List<List<String>> grid = new ArrayList<>();
                for (Row row : sheet) {
                    if (grid.size() >= limits.maxSheetRows()) {
                        notes.add("sheet '" + sheet.getSheetName() + "': read the first " + limits.maxSheetRows() + " rows (crawler.documents.maxSheetRows)");
                        break;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.min(MAX_COLUMNS, Math.max(0, row.getLastCellNum())); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : Text.collapseSpaces(formatter.formatCellValue(cell)));
                    }
                    while (grid.size() < row.getRowNum() - firstRow(sheet) && grid.size() < limits.maxSheetRows()) {
                        grid.add(List.of()); // empty rows keep tables apart
                    }
                    grid.add(cells);
                    if (sample.length() < 20_000) {
                        cells.forEach(t -> sample.append(t).append(' '));
                    }
                }
                grids.add(grid);
            }
            LegacyVietnamese.Encoding encoding = DocumentExtractor.encoding(sample.toString());
            List<ExtractedDocument.Part> parts = new ArrayList<>();
            List<DocumentTable> tables = new ArrayList<>();
            String firstHeading = null;
            for (int s = 0; s < grids.size(); s++) {
                String name = workbook.getSheetName(s);
                List<List<String>> grid = grids.get(s).stream()
                    .map(row -> row.stream().map(t -> LegacyVietnamese.convert(Text.nfc(t), encoding)).toList()).toList();
                Set<Integer> used = new HashSet<>();
                tables.addAll(TableGrid.find(grid, null, name, null, used));
                StringBuilder prose = new StringBuilder();
                for (int r = 0; r < grid.size(); r++) {
                    String line = String.join(" | ", grid.get(r).stream().filter(t -> !t.isBlank()).toList());
                    if (!used.contains(r) && !line.isBlank()) {
                        prose.append(line).append(line.matches(".*[.:;!?]$") ? "\n" : ".\n");
                    }
                    long filled = grid.get(r).stream().filter(t -> !t.isBlank()).count();
                    if (firstHeading == null && s == 0 && r < 5 && filled == 1) {
                        firstHeading = line; // a title row above the table
                    }
                }
                parts.add(new ExtractedDocument.Part(null, name, prose.toString(), ""));
            }
            String title = DocumentTitles.choose(metadataTitle(workbook), firstHeading == null ? null : DocumentTitles.sentenceCase(firstHeading));
            return DocumentExtractor.assemble(type, title, null, null, parts, tables, workbook.getNumberOfSheets(), notes, limits);
        } catch (EncryptedDocumentException e) {
            throw new DocumentExtractor.Unreadable("encrypted spreadsheet: a password is needed to open it; not read");
        } catch (IOException | RuntimeException e) {
            throw new DocumentExtractor.Unreadable("broken spreadsheet: " + DocumentExtractor.describe(e));
        }
    }

    private static int firstRow(Sheet sheet) {
        return Math.max(0, sheet.getFirstRowNum());
    }

    private static String metadataTitle(Workbook workbook) {
        if (workbook instanceof XSSFWorkbook x) {
            return x.getProperties().getCoreProperties().getTitle();
        }
        if (workbook instanceof HSSFWorkbook h && h.getSummaryInformation() != null) {
            return h.getSummaryInformation().getTitle();
        }
        return null;
    }
}
