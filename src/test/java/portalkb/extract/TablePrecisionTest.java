package portalkb.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures from tables, scored against labels written before the extractor first ran on them
 * (labelled-tables.yaml): each table written into a PDF (PDFBox) and into a workbook (POI), read back
 * through {@link DocumentExtractor}, every figure found compared with the labelled facts — place, metric,
 * value, unit, year all right, or it counts as wrong. Precision and recall go to docs/BENCHMARKS.md.
 */
class TablePrecisionTest {

    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(new DocumentExtractor.Limits(500, 2_000_000, 60_000, 20_000));

    private record Score(int found, int right, int labelled) {
        Score plus(Score o) {
            return new Score(found + o.found, right + o.right, labelled + o.labelled);
        }

        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        double recall() {
            return labelled == 0 ? 1 : (double) right / labelled;
        }
    }

    @Test
    void tableFiguresArePreciseOnLabelledTables() throws Exception {
        JsonNode tables;
        try (InputStream in = getClass().getResourceAsStream("/portalkb/extract/labelled-tables.yaml")) {
            tables = new ObjectMapper(new YAMLFactory()).readTree(in).get("tables");
        }
        Score pdf = new Score(0, 0, 0);
        Score xlsx = new Score(0, 0, 0);
        Score heldOut = new Score(0, 0, 0);
        StringBuilder report = new StringBuilder();
        for (JsonNode table : tables) {
            List<List<String>> rows = new ArrayList<>();
            table.get("rows").forEach(r -> {
                List<String> row = new ArrayList<>();
                r.forEach(c -> row.add(c.asText()));
                rows.add(row);
            });
            Set<String> labels = new LinkedHashSet<>();
            table.get("facts").forEach(f -> labels.add(normalise(f.asText())));
            String title = table.get("title").asText();
            String caption = table.get("caption").asText();
            if (!table.has("pdf") || table.get("pdf").asBoolean()) {
                byte[] file = TestDocuments.pdf(null, List.of(TestDocuments.Page.of("# " + title, "Nội dung báo cáo như sau.",
                    new TestDocuments.Table(caption, rows.get(0), rows.subList(1, rows.size())))));
                Score s = score(EXTRACTOR.extract(file, DocumentType.PDF), labels, table.get("id").asText() + " (pdf)", report);
                pdf = pdf.plus(s);
                heldOut = table.has("heldOut") ? heldOut.plus(s) : heldOut;
            }
            Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
            List<List<Object>> sheet = new ArrayList<>();
            sheet.add(List.of(caption));
            rows.forEach(r -> sheet.add(r.stream().map(TablePrecisionTest::cell).toList()));
            sheets.put("Bảng", sheet);
            byte[] workbook = TestDocuments.workbook(false, sheets, title);
            Score s = score(EXTRACTOR.extract(workbook, DocumentType.XLSX), labels, table.get("id").asText() + " (xlsx)", report);
            xlsx = xlsx.plus(s);
            heldOut = table.has("heldOut") ? heldOut.plus(s) : heldOut;
        }
        report.append(String.format(Locale.ROOT, "PDF: %d found, %d right of %d labelled: precision %.3f, recall %.3f%n",
            pdf.found(), pdf.right(), pdf.labelled(), pdf.precision(), pdf.recall()));
        report.append(String.format(Locale.ROOT, "XLSX: %d found, %d right of %d labelled: precision %.3f, recall %.3f%n",
            xlsx.found(), xlsx.right(), xlsx.labelled(), xlsx.precision(), xlsx.recall()));
        report.append(String.format(Locale.ROOT, "held-out tables (PDF and XLSX): %d found, %d right of %d labelled: precision %.3f, recall %.3f%n",
            heldOut.found(), heldOut.right(), heldOut.labelled(), heldOut.precision(), heldOut.recall()));
        System.out.println(report);
        assertTrue(pdf.precision() >= 0.95 && xlsx.precision() >= 0.95, report.toString());
        assertTrue(pdf.recall() >= 0.9 && xlsx.recall() >= 0.9, report.toString());
    }

    private static Score score(ExtractedDocument doc, Set<String> labels, String id, StringBuilder report) {
        assertTrue(doc.readable(), id + ": " + doc.unreadable());
        Set<String> found = new LinkedHashSet<>();
        for (DocumentFigure f : doc.tableFigures()) {
            String place = f.commune() != null ? "commune:" + f.commune() : f.district() != null ? "district:" + f.district()
                : f.province() != null ? "province:" + f.province() : "total:";
            // the labels name catalogued metrics; a column the catalogue lacks is labelled "other" (it keeps an open measure)
            String metric = portalkb.figures.MeasureKeys.isOpen(f.figure().metric()) ? "other" : f.figure().metric();
            found.add(normalise(place + "|" + metric + "|" + f.figure().value() + "|" + f.figure().unit() + "|" + f.figure().year()));
        }
        Set<String> right = new LinkedHashSet<>(found);
        right.retainAll(labels);
        Set<String> wrong = new LinkedHashSet<>(found);
        wrong.removeAll(labels);
        Set<String> missed = new LinkedHashSet<>(labels);
        missed.removeAll(found);
        report.append(id).append(": ").append(right.size()).append('/').append(found.size()).append(" right, ")
            .append(missed.size()).append(" missed").append(wrong.isEmpty() ? "" : "; wrong " + wrong)
            .append(missed.isEmpty() ? "" : "; missed " + missed).append('\n');
        return new Score(found.size(), right.size(), labels.size());
    }

    /** "place|metric|value|unit|year" with the value as a number (93.0 = 93). */
    private static String normalise(String fact) {
        String[] p = fact.split("\\|");
        return p[0] + "|" + p[1] + "|" + new java.math.BigDecimal(p[2]).stripTrailingZeros().toPlainString() + "|" + p[3] + "|" + p[4];
    }

    /** A workbook cell as a spreadsheet holds it: numbers as numbers ("92,1" → 92.1 with one decimal, "3.120" → 3120). */
    private static Object cell(String text) {
        if (text.matches("\\d{1,3}(\\.\\d{3})+|\\d+")) {
            return Integer.parseInt(text.replace(".", ""));
        }
        if (text.matches("\\d+,\\d+")) {
            return Double.parseDouble(text.replace(',', '.'));
        }
        return text;
    }
}
