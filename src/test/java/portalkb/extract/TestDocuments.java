package portalkb.extract;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * Real documents the tests write themselves: PDFs with text and tables (PDFBox, a Unicode font that has
 * every Vietnamese letter), encrypted, broken, image-only and legacy-font PDFs, Excel workbooks and Word
 * files (POI). Nothing here is read back by the code that writes it.
 */
public final class TestDocuments {

    /** A table as the file shows it: caption above, header cells, rows. */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    /** A PDF page: lines of text and tables, top to bottom. */
    public record Page(List<Object> content) {
        public static Page of(Object... content) {
            return new Page(List.of(content));
        }
    }

    private static final float MARGIN = 50;
    private static final float LEADING = 16;

    private TestDocuments() {
    }

    /** The font PDFBox ships (Liberation Sans), which has all Vietnamese letters. */
    private static PDFont unicodeFont(PDDocument document) throws IOException {
        try (InputStream in = TestDocuments.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return PDType0Font.load(document, in);
        }
    }

    /** A PDF whose metadata has {@code metadataTitle} (may be null) and whose pages hold lines (String) and tables (Table). */
    public static byte[] pdf(String metadataTitle, List<Page> pages) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = unicodeFont(document);
            for (Page page : pages) {
                PDPage p = new PDPage(PDRectangle.A4);
                document.addPage(p);
                try (PDPageContentStream out = new PDPageContentStream(document, p)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    for (Object item : page.content()) {
                        if (item instanceof Table t) {
                            y = table(out, font, t, y);
                        } else {
                            String line = item.toString();
                            float size = line.startsWith("#") ? 16 : 11;
                            y = text(out, font, size, MARGIN, y, line.replaceFirst("^#\\s*", "")) - (size > 11 ? 8 : 0);
                        }
                    }
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            if (metadataTitle != null) {
                info.setTitle(metadataTitle);
            }
            Calendar created = Calendar.getInstance();
            created.set(2024, Calendar.JANUARY, 15, 9, 0, 0);
            info.setCreationDate(created);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float text(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
        return y - LEADING;
    }

    /** A ruled table: the caption, a header whose long cells wrap onto a second line, then the rows; numbers right-aligned. */
    private static float table(PDPageContentStream out, PDFont font, Table t, float y) throws IOException {
        if (t.caption() != null) {
            y = text(out, font, 11, MARGIN, y, t.caption()) - 4;
        }
        int columns = t.header().size();
        float[] widths = new float[columns];
        float total = PDRectangle.A4.getWidth() - 2 * MARGIN;
        boolean numbered = t.header().get(0).matches("(?i)stt|tt"); // a narrow first column of row numbers
        float label = 130;
        for (int c = 0; c < columns; c++) {
            widths[c] = numbered ? (c == 0 ? 30 : c == 1 ? label : (total - 30 - label) / (columns - 2))
                : (c == 0 ? label : (total - label) / (columns - 1));
        }
        float size = 9;
        // Header: wrapped to the column's width.
        List<List<String>> wrapped = new ArrayList<>();
        int headerLines = 1;
        for (int c = 0; c < columns; c++) {
            List<String> lines = wrap(font, size, t.header().get(c), widths[c] - 8);
            wrapped.add(lines);
            headerLines = Math.max(headerLines, lines.size());
        }
        float top = y + 11;
        for (int l = 0; l < headerLines; l++) {
            float x = MARGIN;
            for (int c = 0; c < columns; c++) {
                if (l < wrapped.get(c).size()) {
                    String s = wrapped.get(c).get(l);
                    float w = font.getStringWidth(s) / 1000 * size;
                    text(out, font, size, x + (widths[c] - w) / 2, y, s);
                }
                x += widths[c];
            }
            y -= 12;
        }
        rule(out, MARGIN, y + 9, total);
        for (List<String> row : t.rows()) {
            y -= 3;
            float x = MARGIN;
            for (int c = 0; c < columns; c++) {
                String s = c < row.size() ? row.get(c) : "";
                float w = font.getStringWidth(s) / 1000 * size;
                boolean number = s.matches("[-\\d.,%\\s]+");
                text(out, font, size, number ? x + widths[c] - 4 - w : x + 4, y, s);
                x += widths[c];
            }
            y -= 13;
            rule(out, MARGIN, y + 9, total);
        }
        float x = MARGIN;
        for (int c = 0; c <= columns; c++) {
            out.moveTo(x, top);
            out.lineTo(x, y + 9);
            out.stroke();
            x += c < columns ? widths[c] : 0;
        }
        return y - 12;
    }

    private static void rule(PDPageContentStream out, float x, float y, float width) throws IOException {
        out.moveTo(x, y);
        out.lineTo(x + width, y);
        out.stroke();
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A PDF only its user password opens. */
    public static byte[] encryptedPdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                text(out, unicodeFont(document), 11, MARGIN, 700, text);
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hostile PDF: one page holding {@code runs} separate text runs. Small on the wire (its content stream
     * compresses well), but reading its one page takes seconds and hundreds of megabytes of heap, all before a
     * reader's between-page checks get a say.
     */
    public static byte[] heavyOnePagePdf(int runs) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                for (int i = 0; i < runs; i++) {
                    out.beginText();
                    out.setFont(font, 6);
                    out.newLineAtOffset(20 + (i * 37) % 500, 20 + (i * 13) % 780);
                    out.showText("tinh " + i % 97);
                    out.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hostile Word file written by hand: {@code paragraphs} distinct paragraphs in one document.xml. A few
     * megabytes compressed; read as POI reads a .docx (the whole XML as a tree), it needs a heap many times that.
     */
    public static byte[] hugeDocx(int paragraphs) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                for (int i = 0; i < paragraphs; i++) {
                    xml.append("<w:p><w:r><w:t>Đoạn ").append(i).append(": toàn tỉnh có ").append(i * 7919 % 100_000)
                        .append(" hộ nghèo, ").append(i * 104_729 % 1000).append(" xã đạt chuẩn.</w:t></w:r></w:p>");
                    if (xml.length() > 1 << 20) {
                        zip.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        xml.setLength(0);
                    }
                }
                xml.append("</w:body></w:document>");
                zip.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scan: pages that are one image each, no text layer. */
    public static byte[] imageOnlyPdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            BufferedImage scan = new BufferedImage(400, 560, BufferedImage.TYPE_INT_RGB);
            var g = scan.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 400, 560);
            g.setColor(java.awt.Color.BLACK);
            for (int line = 0; line < 20; line++) {
                g.fillRect(30, 40 + line * 24, 300 + line % 3 * 20, 6); // lines of "text" as pixels
            }
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.drawImage(image, 40, 100, 500, 700);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF typed in a legacy Vietnamese font encoding: {@code lines} are the font's codes as Latin-1
     * characters, written with a standard font whose encoding maps them the same way (WinAnsi), which is
     * what such files give when read.
     */
    public static byte[] legacyFontPdf(List<String> lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = 780;
                for (String line : lines) {
                    y = text(out, font, 12, MARGIN, y, line);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook (xlsx, or xls when {@code legacy}); each sheet's rows of String or Number cells (Double: one decimal; Integer: grouped thousands, years plain). */
    public static byte[] workbook(boolean legacy, Map<String, List<List<Object>>> sheets, String metadataTitle) {
        try (Workbook workbook = legacy ? new HSSFWorkbook() : new XSSFWorkbook()) {
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            boolean year = v instanceof Integer i && i >= 1900 && i <= 2100; // years in the General format, as sheets hold them
                            if (!year) {
                                cell.setCellStyle(v instanceof Double ? decimal : grouped);
                            }
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            if (metadataTitle != null && workbook instanceof XSSFWorkbook x) {
                x.getProperties().getCoreProperties().setTitle(metadataTitle);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx: a Title-styled heading, paragraphs, then a table. */
    public static byte[] docx(String heading, List<String> paragraphs, Table table) {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph title = document.createParagraph();
            title.setStyle("Title");
            title.createRun().setText(heading);
            for (String p : paragraphs) {
                document.createParagraph().createRun().setText(p);
            }
            if (table != null) {
                if (table.caption() != null) {
                    document.createParagraph().createRun().setText(table.caption());
                }
                XWPFTable t = document.createTable(table.rows().size() + 1, table.header().size());
                for (int c = 0; c < table.header().size(); c++) {
                    t.getRow(0).getCell(c).setText(table.header().get(c));
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    for (int c = 0; c < table.header().size(); c++) {
                        t.getRow(r + 1).getCell(c).setText(table.rows().get(r).get(c));
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vaccination table of a district report (Lai Châu's districts; figures of our own making). */
    public static Table laiChauVaccination() {
        return new Table("Bảng 2. Kết quả tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi theo huyện năm 2023",
            List.of("STT", "Huyện, thành phố", "Số trẻ dưới 1 tuổi (trẻ)", "Số trẻ được tiêm chủng đầy đủ (trẻ)", "Tỷ lệ tiêm chủng đầy đủ (%)"),
            List.of(
                List.of("1", "Thành phố Lai Châu", "1.524", "1.490", "97,8"),
                List.of("2", "Tam Đường", "1.102", "1.061", "96,3"),
                List.of("3", "Phong Thổ", "1.689", "1.560", "92,4"),
                List.of("4", "Sìn Hồ", "1.876", "1.702", "90,7"),
                List.of("5", "Mường Tè", "1.215", "1.034", "85,1"),
                List.of("6", "Nậm Nhùn", "598", "541", "90,5"),
                List.of("7", "Than Uyên", "1.311", "1.295", "98,8"),
                List.of("8", "Tân Uyên", "1.047", "1.010", "96,5"),
                List.of("", "Toàn tỉnh", "10.362", "9.693", "93,5")));
    }
}
