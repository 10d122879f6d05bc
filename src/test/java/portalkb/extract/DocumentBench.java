package portalkb.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extraction speed of documents (docs/BENCHMARKS.md): generated PDFs (text pages and district tables)
 * and workbooks (sheets of district rows) read by {@link DocumentExtractor} on one thread, as one crawl
 * worker reads them; documents and MB per second, and the peak heap of the JVM.
 * {@code java -Xmx512m -cp "target/classes:target/test-classes:target/lib/*" portalkb.extract.DocumentBench [pdfs] [pages] [workbooks] [rows]}
 */
public final class DocumentBench {

    private DocumentBench() {
    }

    public static void main(String[] args) {
        int pdfs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int workbooks = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        List<byte[]> pdfFiles = new ArrayList<>();
        for (int i = 0; i < pdfs; i++) {
            pdfFiles.add(pdf(i, pages));
        }
        List<byte[]> xlsxFiles = new ArrayList<>();
        for (int i = 0; i < workbooks; i++) {
            xlsxFiles.add(workbook(i, rows));
        }
        DocumentExtractor extractor = new DocumentExtractor(new DocumentExtractor.Limits(300, 1_000_000, 60_000, 20_000));
        // Warm-up: the JIT and PDFBox's font caches, as in a crawl that has run a while.
        for (int i = 0; i < Math.min(10, pdfs); i++) {
            extractor.extract(pdfFiles.get(i), DocumentType.PDF);
            extractor.extract(xlsxFiles.get(i), DocumentType.XLSX);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        double pdfOurs = run("PDF (" + pages + " pages, a table every other page)", pdfFiles, DocumentType.PDF, extractor);
        double pdfPlain = baseline("  baseline: PDFBox's plain PDFTextStripper, same files", pdfFiles, DocumentBench::plainPdfText);
        double xlsxOurs = run("XLSX (3 sheets × " + rows + " rows)", xlsxFiles, DocumentType.XLSX, extractor);
        double xlsxPlain = baseline("  baseline: POI reading every cell with DataFormatter, same files", xlsxFiles, DocumentBench::plainCells);
        System.out.printf(Locale.ROOT, "ours / plain library read: PDF %.2f, XLSX %.2f%n", pdfOurs / pdfPlain, xlsxOurs / xlsxPlain);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "peak heap (sum of heap pools' peaks) %.0f MB of max %.0f MB%n", peak / 1e6,
            Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** Documents per second of a plain library read (text only: no layout, tables, figures or limits). */
    private static double baseline(String name, List<byte[]> files, java.util.function.ToIntFunction<byte[]> read) {
        long chars = 0;
        long start = System.nanoTime();
        for (byte[] file : files) {
            chars += read.applyAsInt(file);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.2f s — %.1f documents/s (%d characters)%n", name, seconds, files.size() / seconds, chars);
        return files.size() / seconds;
    }

    private static int plainPdfText(byte[] file) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).length();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int plainCells(byte[] file) {
        org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
        int chars = 0;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        chars += format.formatCellValue(cell).length();
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return chars;
    }

    private static double run(String name, List<byte[]> files, DocumentType type, DocumentExtractor extractor) {
        long bytes = files.stream().mapToLong(f -> f.length).sum();
        int figures = 0;
        long start = System.nanoTime();
        for (byte[] file : files) {
            ExtractedDocument doc = extractor.extract(file, type);
            if (!doc.readable()) {
                throw new IllegalStateException(doc.unreadable());
            }
            figures += doc.tableFigures().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d files, %.1f MB in %.2f s — %.1f documents/s, %.2f MB/s, %d table figures%n",
            name, files.size(), bytes / 1e6, seconds, files.size() / seconds, bytes / 1e6 / seconds, figures);
        return files.size() / seconds;
    }

    private static byte[] pdf(int seed, int pages) {
        List<TestDocuments.Page> content = new ArrayList<>();
        TestDocuments.Table table = TestDocuments.laiChauVaccination();
        for (int p = 0; p < pages; p++) {
            List<Object> items = new ArrayList<>();
            items.add(p == 0 ? "# Báo cáo kết quả công tác y tế năm " + (2015 + seed % 10) : "Phần " + (p + 1));
            for (int l = 0; l < (p % 2 == 0 ? 30 : 8); l++) {
                items.add("Trong kỳ báo cáo, ngành y tế tỉnh đã triển khai " + (seed + l) + " đợt kiểm tra, tỷ lệ bao phủ bảo hiểm y tế đạt "
                    + (90 + l % 9) + "," + (l % 10) + "% dân số;");
            }
            if (p % 2 == 1) {
                items.add(table);
            }
            content.add(new TestDocuments.Page(items));
        }
        return TestDocuments.pdf(null, content);
    }

    private static byte[] workbook(int seed, int rows) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        String[] districts = {"Tam Đường", "Mường Tè", "Sìn Hồ", "Phong Thổ", "Than Uyên", "Tân Uyên", "Nậm Nhùn"};
        for (int s = 0; s < 3; s++) {
            List<List<Object>> sheet = new ArrayList<>();
            sheet.add(List.of("SỐ LIỆU Y TẾ THEO ĐƠN VỊ NĂM " + (2015 + seed % 10)));
            sheet.add(List.of("Huyện", "Số trẻ dưới 1 tuổi", "Tỷ lệ tiêm chủng đầy đủ (%)", "Tỷ lệ bao phủ BHYT (%)"));
            for (int r = 0; r < rows; r++) {
                sheet.add(List.of(districts[r % districts.length], 1000 + r, 85.0 + r % 14, 90.0 + r % 9));
            }
            sheets.put("Biểu " + (s + 1), sheet);
        }
        return TestDocuments.workbook(false, sheets, null);
    }
}
