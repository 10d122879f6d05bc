package portalkb.web;

import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV download: UTF-8 with a byte-order mark (so spreadsheets read the Vietnamese), a header row, and
 * text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * neutralised with a leading apostrophe. Numbers are written as numbers.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(Context ctx, String filename, List<String> columns, List<List<Object>> rows) throws IOException {
        try (CSVPrinter csv = open(ctx, filename, columns)) {
            for (List<Object> row : rows) {
                for (Object cell : row) {
                    csv.print(cell(cell));
                }
                csv.println();
            }
        }
    }

    static CSVPrinter open(Context ctx, String filename, List<String> columns) throws IOException {
        headers(ctx, filename);
        return printer(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), columns);
    }

    /** A CSV written to {@code writer} (the byte-order mark, then the header row); print each value through {@link #cell}. */
    static CSVPrinter printer(Writer writer, List<String> columns) throws IOException {
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
    }

    /** A CSV written beforehand to {@code file}, sent whole. */
    static void send(Context ctx, String filename, java.nio.file.Path file) throws IOException {
        headers(ctx, filename);
        try (var out = ctx.outputStream()) {
            java.nio.file.Files.copy(file, out);
        }
    }

    private static void headers(Context ctx, String filename) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    static Object cell(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean ? value : neutralise(value.toString());
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
