package portalkb.extract;

import portalkb.core.Text;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableIterator;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Word file through POI: .docx (XWPF) paragraphs and tables in document order, .doc (HWPF) paragraphs
 * and tables. Word files have no fixed pages, so the file is one part; its title is the metadata's, the
 * first paragraph styled Title or Heading, or the first paragraph past the state header.
 */
final class WordReader {

    /** Paragraphs and tables in order: a table is a grid, with the paragraph before it as its caption. */
    private record Content(List<String> paragraphs, List<List<List<String>>> grids, List<String> captions, String heading, String metadataTitle,
                           String author) {
    }

    private WordReader() {
    }

    static ExtractedDocument read(byte[] body, DocumentType type, DocumentExtractor.Limits limits, long deadline) throws DocumentExtractor.Unreadable {
        Content content;
        try {
            content = type == DocumentType.DOCX ? docx(body) : doc(body);
        } catch (EncryptedDocumentException e) {
            throw new DocumentExtractor.Unreadable("encrypted Word file: a password is needed to open it; not read");
        } catch (IOException | RuntimeException e) {
            throw new DocumentExtractor.Unreadable("broken Word file: " + DocumentExtractor.describe(e));
        }
        DocumentExtractor.checkTime(deadline, limits);
        StringBuilder sample = new StringBuilder();
        content.paragraphs().stream().limit(400).forEach(p -> sample.append(p).append(' '));
        content.grids().stream().limit(5).forEach(g -> g.forEach(row -> row.forEach(c -> sample.append(c).append(' '))));
        LegacyVietnamese.Encoding encoding = DocumentExtractor.encoding(sample.toString());
        List<DocumentTable> tables = new ArrayList<>();
        for (int t = 0; t < content.grids().size(); t++) {
            List<List<String>> grid = content.grids().get(t).stream()
                .map(row -> row.stream().map(c -> convert(c, encoding)).toList()).toList();
            tables.addAll(TableGrid.find(grid, null, null, convert(content.captions().get(t), encoding)));
        }
        List<String> paragraphs = content.paragraphs().stream().map(p -> convert(p, encoding)).filter(p -> !p.isBlank()).toList();
        String heading = content.heading() != null ? convert(content.heading(), encoding) : DocumentTitles.firstParagraph(paragraphs);
        String title = DocumentTitles.choose(convert(content.metadataTitle(), encoding), heading);
        List<ExtractedDocument.Part> parts = List.of(new ExtractedDocument.Part(null, null, String.join("\n", paragraphs), ""));
        return DocumentExtractor.assemble(type, title, content.author(), null, parts, tables, 1, List.of(), limits);
    }

    private static Content docx(byte[] body) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body))) {
            List<String> paragraphs = new ArrayList<>();
            List<List<List<String>>> grids = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            String heading = null;
            String previous = null;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = Text.collapseSpaces(p.getText());
                    String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(Locale.ROOT);
                    if (heading == null && !text.isEmpty() && (style.startsWith("title") || style.startsWith("heading"))) {
                        heading = text;
                    }
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                        previous = text;
                    }
                } else if (element instanceof XWPFTable table) {
                    List<List<String>> grid = new ArrayList<>();
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(Text.collapseSpaces(cell.getText()));
                        }
                        grid.add(cells);
                    }
                    grids.add(grid);
                    captions.add(previous);
                }
            }
            var core = document.getProperties().getCoreProperties();
            return new Content(paragraphs, grids, captions, heading, core.getTitle(), core.getCreator());
        }
    }

    private static Content doc(byte[] body) throws IOException {
        try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(body))) {
            Range range = document.getRange();
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph p = range.getParagraph(i);
                if (!p.isInTable()) {
                    String text = Text.collapseSpaces(p.text().replaceAll("[\\u0000-\\u001f]", " "));
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
            }
            List<List<List<String>>> grids = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            TableIterator tables = new TableIterator(range);
            while (tables.hasNext()) {
                Table table = tables.next();
                List<List<String>> grid = new ArrayList<>();
                for (int r = 0; r < table.numRows(); r++) {
                    TableRow row = table.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.numCells(); c++) {
                        cells.add(Text.collapseSpaces(row.getCell(c).text().replaceAll("[\\u0000-\\u001f]", " ")));
                    }
                    grid.add(cells);
                }
                grids.add(grid);
                captions.add(null);
            }
            var info = document.getSummaryInformation();
            return new Content(paragraphs, grids, captions, null, info == null ? null : info.getTitle(), info == null ? null : info.getAuthor());
        }
    }

    private static String convert(String text, LegacyVietnamese.Encoding encoding) {
        return text == null ? null : LegacyVietnamese.convert(Text.nfc(text), encoding);
    }
}
