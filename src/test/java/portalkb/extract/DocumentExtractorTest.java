package portalkb.extract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents the test writes itself (PDFBox, POI), read back: text by page and sheet, titles, tables, and every way a file can be unreadable. */
class DocumentExtractorTest {

    private static final DocumentExtractor.Limits LIMITS = new DocumentExtractor.Limits(500, 2_000_000, 60_000, 20_000);
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(LIMITS);

    static byte[] vaccinationReport() {
        return TestDocuments.pdf("Microsoft Word - BC TCMR 2023.docx", List.of(
            TestDocuments.Page.of("UBND TỈNH LAI CHÂU", "SỞ Y TẾ", "Số: 125/BC-SYT",
                "# BÁO CÁO", "# Kết quả tiêm chủng mở rộng năm 2023",
                "Năm 2023, ngành y tế tỉnh Lai Châu tiếp tục triển khai chương trình tiêm chủng mở rộng tại",
                "tất cả các xã, phường, thị trấn trên địa bàn tỉnh.",
                "Toàn tỉnh có 106 xã, phường, thị trấn triển khai tiêm chủng thường xuyên hằng tháng."),
            TestDocuments.Page.of("II. KẾT QUẢ THỰC HIỆN THEO ĐỊA BÀN", TestDocuments.laiChauVaccination(),
                "Các huyện vùng cao còn gặp khó khăn do địa bàn rộng, giao thông đi lại khó khăn.")));
    }

    @Test
    void aPdfKeepsItsPagesItsTitleFromTheFirstHeadingAndItsTableFiguresWithPlaces() {
        ExtractedDocument doc = EXTRACTOR.extract(vaccinationReport(), DocumentType.sniff(vaccinationReport()));
        assertTrue(doc.readable(), doc.unreadable());
        assertEquals(DocumentType.PDF, doc.type());
        assertEquals("Báo cáo kết quả tiêm chủng mở rộng năm 2023", doc.title(), "metadata title is a file name: the first heading wins");
        assertEquals(2, doc.pageCount());
        assertEquals(List.of(1, 2), doc.parts().stream().map(ExtractedDocument.Part::page).toList());
        String first = doc.parts().get(0).text();
        assertTrue(first.contains("tiêm chủng mở rộng tại tất cả các xã"), "lines broken mid-sentence are joined: " + first);
        String second = doc.parts().get(1).text();
        assertTrue(second.contains("huyện Mường Tè: số trẻ dưới 1 tuổi 1.215 trẻ; số trẻ được tiêm chủng đầy đủ 1.034 trẻ; tỷ lệ tiêm chủng đầy đủ 85,1%"),
            second);
        assertTrue(second.contains("Theo báo cáo kết quả tiêm chủng mở rộng năm 2023, tỷ lệ tiêm chủng đầy đủ cao nhất là huyện Than Uyên (98,8%)."), second);
        assertTrue(second.contains("thấp nhất là huyện Mường Tè (85,1%)"), second);
        assertFalse(second.contains("1.034 85,1"), "table cells are not left as a run of numbers: " + second);

        List<DocumentFigure> rates = doc.tableFigures().stream().filter(f -> f.figure().metric().equals("full_immunisation")).toList();
        assertEquals(8, rates.stream().filter(f -> f.district() != null).count(), rates.toString());
        DocumentFigure muongTe = rates.stream().filter(f -> "Mường Tè".equals(f.district())).findFirst().orElseThrow();
        assertEquals(85.1, muongTe.figure().value(), 1e-9);
        assertEquals("%", muongTe.figure().unit());
        assertEquals(2023, muongTe.figure().year());
        assertEquals(2, muongTe.page());
        assertEquals("Lai Châu", muongTe.province());
        assertTrue(doc.tableFigures().stream().anyMatch(f -> f.figure().unit().equals("trẻ") && f.figure().value() == 1034 && "Mường Tè".equals(f.district())),
            "count columns are figures too, with the unit of their header");
        assertEquals("2024-01-15", doc.published().substring(0, 10));
    }

    @Test
    void encryptedBrokenAndImageOnlyPdfsAreUnreadableWithTheReason() {
        ExtractedDocument encrypted = EXTRACTOR.extract(TestDocuments.encryptedPdf("Báo cáo mật"), DocumentType.PDF);
        assertFalse(encrypted.readable());
        assertTrue(encrypted.unreadable().startsWith("encrypted PDF"), encrypted.unreadable());

        byte[] whole = vaccinationReport();
        ExtractedDocument broken = EXTRACTOR.extract(Arrays.copyOf(whole, 400), DocumentType.PDF);
        assertFalse(broken.readable());
        assertTrue(broken.unreadable().startsWith("broken PDF") || broken.unreadable().startsWith("PDF without text"), broken.unreadable());
        ExtractedDocument garbage = EXTRACTOR.extract("%PDF-1.4\n% fixture\n%%EOF\n".getBytes(), DocumentType.PDF);
        assertTrue(garbage.unreadable().startsWith("broken PDF"), garbage.unreadable());

        ExtractedDocument scanned = EXTRACTOR.extract(TestDocuments.imageOnlyPdf(3), DocumentType.PDF);
        assertFalse(scanned.readable());
        assertTrue(scanned.unreadable().startsWith("image-only PDF (3 page(s)"), scanned.unreadable());
        assertTrue(scanned.unreadable().contains("OCR is not done"));
    }

    @Test
    void legacyFontPdfsAreConvertedToUnicodeNeverIndexedAsMojibake() {
        ExtractedDocument tcvn3 = EXTRACTOR.extract(TestDocuments.legacyFontPdf(List.of(
            "B¸o c¸o tæng kÕt c«ng t¸c y tÕ n¨m 2023",
            "Tû lÖ bao phñ b¶o hiÓm y tÕ ®¹t 97,9% d©n sè.",
            "C¸c tr-êng häc ®Òu cã phßng y tÕ.")), DocumentType.PDF);
        assertTrue(tcvn3.readable(), tcvn3.unreadable());
        String text = tcvn3.body();
        assertTrue(text.contains("Báo cáo tổng kết công tác y tế năm 2023"), text);
        assertTrue(text.contains("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số."), text);
        assertTrue(text.contains("Các trường học đều có phòng y tế."), "TCVN3 ư that the font's encoding turned into a hyphen: " + text);
        assertTrue(tcvn3.notes().stream().anyMatch(n -> n.contains("TCVN3")), tcvn3.notes().toString());

        ExtractedDocument vni = EXTRACTOR.extract(TestDocuments.legacyFontPdf(List.of(
            "Baùo caùo toång keát coâng taùc y teá naêm 2023",
            "Tyû leä bao phuû baûo hieåm y teá ñaït 97,9% daân soá.")), DocumentType.PDF);
        assertTrue(vni.body().contains("Báo cáo tổng kết công tác y tế năm 2023"), vni.body());
        assertTrue(vni.body().contains("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số."), vni.body());
    }

    @Test
    void textWithoutMeaningIsUnreadableAndUnicodeVietnameseIsLeftAlone() {
        String glyphCodes = "\ue001\ue002\ue003 \ue004\ue005 ".repeat(40);
        assertEquals(LegacyVietnamese.Encoding.UNREADABLE, LegacyVietnamese.read(glyphCodes).encoding());
        String unicode = "Năm 2023, toàn tỉnh có 98,2% trẻ em được tiêm chủng đầy đủ; xuân này huyện Mường Tè hoàn thành.";
        assertEquals(LegacyVietnamese.Encoding.UNICODE, LegacyVietnamese.read(unicode).encoding());
        assertEquals(unicode, LegacyVietnamese.read(unicode).text());
        String english = "The province reached 97.9% health insurance coverage in 2019, according to the report.";
        assertEquals(LegacyVietnamese.Encoding.UNICODE, LegacyVietnamese.read(english).encoding());
    }

    static byte[] vaccinationWorkbook(boolean legacy) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("BIỂU SỐ LIỆU TIÊM CHỦNG MỞ RỘNG NĂM 2023"));
        rows.add(Arrays.asList("STT", "Huyện", "Số trẻ dưới 1 tuổi", "Tỷ lệ tiêm chủng đầy đủ (%)"));
        TestDocuments.laiChauVaccination().rows().stream().limit(8).forEach(r -> rows.add(Arrays.asList(Integer.parseInt(r.get(0)),
            r.get(1), Integer.parseInt(r.get(2).replace(".", "")), Double.parseDouble(r.get(4).replace(',', '.')))));
        sheets.put("Tiêm chủng", rows);
        sheets.put("Ghi chú", List.of(List.of("Số liệu do Trung tâm Kiểm soát bệnh tật tỉnh tổng hợp.")));
        return TestDocuments.workbook(legacy, sheets, null);
    }

    @Test
    void spreadsheetsKeepTheirSheetNamesAndNumbersAsAVietnameseReaderSeesThem() {
        for (boolean legacy : new boolean[] {false, true}) {
            byte[] file = vaccinationWorkbook(legacy);
            DocumentType type = DocumentType.sniff(file);
            assertEquals(legacy ? DocumentType.XLS : DocumentType.XLSX, type);
            ExtractedDocument doc = EXTRACTOR.extract(file, type);
            assertTrue(doc.readable(), doc.unreadable());
            assertEquals(List.of("Tiêm chủng", "Ghi chú"), doc.parts().stream().map(ExtractedDocument.Part::sheet).toList());
            assertEquals("Biểu số liệu tiêm chủng mở rộng năm 2023", doc.title());
            String sheet = doc.parts().get(0).text();
            assertTrue(sheet.contains("huyện Mường Tè: số trẻ dưới 1 tuổi 1.215 trẻ; tỷ lệ tiêm chủng đầy đủ 85,1%"), sheet);
            DocumentFigure thanUyen = doc.tableFigures().stream()
                .filter(f -> "Than Uyên".equals(f.district()) && f.figure().metric().equals("full_immunisation")).findFirst().orElseThrow();
            assertEquals(98.8, thanUyen.figure().value(), 1e-9);
            assertEquals("Tiêm chủng", thanUyen.sheet());
            assertNull(thanUyen.page());
            assertEquals(2023, thanUyen.figure().year());
        }
    }

    @Test
    void wordFilesGiveTheirTitleParagraphsAndTables() {
        TestDocuments.Table table = TestDocuments.laiChauVaccination();
        byte[] file = TestDocuments.docx("Kế hoạch tiêm chủng mở rộng năm 2024",
            List.of("Căn cứ kết quả năm 2023, Sở Y tế xây dựng kế hoạch tiêm chủng mở rộng năm 2024.",
                "Mục tiêu: tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt trên 95%."),
            new TestDocuments.Table(table.caption(), table.header(), table.rows()));
        assertEquals(DocumentType.DOCX, DocumentType.sniff(file));
        ExtractedDocument doc = EXTRACTOR.extract(file, DocumentType.DOCX);
        assertTrue(doc.readable(), doc.unreadable());
        assertEquals("Kế hoạch tiêm chủng mở rộng năm 2024", doc.title());
        assertTrue(doc.body().contains("Mục tiêu: tỷ lệ tiêm chủng đầy đủ"), doc.body());
        DocumentFigure samHo = doc.tableFigures().stream()
            .filter(f -> "Sìn Hồ".equals(f.district()) && f.figure().metric().equals("full_immunisation")).findFirst().orElseThrow();
        assertEquals(90.7, samHo.figure().value(), 1e-9);
        assertEquals(2023, samHo.figure().year(), "the caption's year, not the title's");
    }

    @Test
    void brokenOfficeFilesAndTheLimitsAreRecordedWithTheReason() {
        byte[] workbook = vaccinationWorkbook(false);
        ExtractedDocument broken = EXTRACTOR.extract(Arrays.copyOf(workbook, workbook.length / 2), DocumentType.XLSX);
        assertTrue(broken.unreadable().startsWith("broken spreadsheet"), broken.unreadable());

        ExtractedDocument slow = new DocumentExtractor(new DocumentExtractor.Limits(500, 2_000_000, 0, 20_000))
            .extract(vaccinationReport(), DocumentType.PDF);
        assertTrue(slow.unreadable().contains("crawler.documents.timeoutMs"), slow.unreadable());

        ExtractedDocument firstPage = new DocumentExtractor(new DocumentExtractor.Limits(1, 2_000_000, 60_000, 20_000))
            .extract(vaccinationReport(), DocumentType.PDF);
        assertEquals(1, firstPage.parts().size());
        assertEquals(2, firstPage.pageCount());
        assertTrue(firstPage.notes().stream().anyMatch(n -> n.contains("first 1 of 2 pages")), firstPage.notes().toString());
        assertNotNull(firstPage.title());
    }

    @Test
    void documentTypesAreToldByTheirBytesAndLinksByTheirNames() {
        assertEquals(DocumentType.PDF, DocumentType.sniff(vaccinationReport()));
        assertNull(DocumentType.sniff("<!DOCTYPE html><html><body>x</body></html>".getBytes()));
        assertTrue(DocumentType.announced("application/pdf", "https://x.vn/a", null));
        assertTrue(DocumentType.announced("application/octet-stream", "https://x.vn/DownloadFile.aspx?f=bao-cao.xlsx", null));
        assertTrue(DocumentType.announced("application/octet-stream", "https://x.vn/download?id=3", "attachment; filename=\"so-lieu.docx\""));
        assertFalse(DocumentType.announced("application/octet-stream", "https://x.vn/video.mp4", null));
        assertFalse(DocumentType.announced("image/png", "https://x.vn/a.png", null));
    }
}
