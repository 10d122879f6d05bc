package portalkb.extract;

import portalkb.core.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's bytes → {@link ExtractedDocument}, one reader per type (as StormCrawler has a parser per
 * content type): {@link PdfReader} (PDFBox), {@link SpreadsheetReader} and {@link WordReader} (POI).
 * Within the limits of crawler.documents (pages, characters, time); a file that cannot be read comes
 * back {@link ExtractedDocument#unreadable} with the reason, never as an exception.
 */
public final class DocumentExtractor implements DocumentReader {

    /** {@code maxPages}: PDF pages read; {@code maxChars}: text kept; {@code timeoutMs}: reading time; {@code maxSheetRows}: rows per sheet. */
    public record Limits(int maxPages, int maxChars, long timeoutMs, int maxSheetRows) {
    }

    /** Why a document cannot be read; its message is what the crawl state records. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    private static final Pattern TITLE_YEAR = Pattern.compile("(?iu)năm\\s+((?:19|20)\\d{2})");

    private final Limits limits;

    public DocumentExtractor(Limits limits) {
        this.limits = limits;
    }

    @Override
    public ExtractedDocument extract(byte[] body, DocumentType type) {
        long deadline = System.nanoTime() + limits.timeoutMs() * 1_000_000L;
        try {
            return switch (type) {
                case PDF -> PdfReader.read(body, limits, deadline);
                case XLS, XLSX -> SpreadsheetReader.read(body, type, limits, deadline);
                case DOC, DOCX -> WordReader.read(body, type, limits, deadline);
            };
        } catch (Unreadable e) {
            return ExtractedDocument.unreadable(type, e.getMessage());
        }
    }

    static void checkTime(long deadline, Limits limits) throws Unreadable {
        if (System.nanoTime() > deadline) {
            throw new Unreadable("reading took longer than " + limits.timeoutMs() + " ms (crawler.documents.timeoutMs): not indexed");
        }
    }

    /** How a sample of the document's text is written; unreadable text ends the reading. */
    static LegacyVietnamese.Encoding encoding(String sample) throws Unreadable {
        LegacyVietnamese.Encoding encoding = LegacyVietnamese.read(sample).encoding();
        if (encoding == LegacyVietnamese.Encoding.UNREADABLE) {
            throw new Unreadable("text in a font without a Unicode map (its codes are no letters): unreadable, not indexed");
        }
        return encoding;
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }

    /**
     * The document from what a reader found: text cut at {@code maxChars}; each table's figures read
     * ({@link TableFigures}) with the year of the title (else of the file's date), and its sentences
     * added to the page or sheet it stands on.
     */
    static ExtractedDocument assemble(DocumentType type, String title, String author, String published, List<ExtractedDocument.Part> parts,
                                      List<DocumentTable> tables, int pageCount, List<String> notes, Limits limits) {
        Integer year = year(title, published);
        TableFigures reader = new TableFigures();
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        List<DocumentFigure> figures = new ArrayList<>();
        for (DocumentTable table : tables) {
            TableFigures.Result result = reader.read(table, year, title);
            figures.addAll(result.figures());
            sentences.computeIfAbsent(table.page() + "/" + table.sheet(), k -> new ArrayList<>()).addAll(result.sentences());
        }
        List<ExtractedDocument.Part> out = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        int chars = 0;
        for (ExtractedDocument.Part p : parts) {
            String tableText = String.join("\n", sentences.getOrDefault(p.page() + "/" + p.sheet(), List.of()));
            ExtractedDocument.Part full = new ExtractedDocument.Part(p.page(), p.sheet(), p.prose().strip(), tableText);
            int length = full.text().length();
            if (chars + length > limits.maxChars()) {
                allNotes.add("text cut at " + limits.maxChars() + " characters (crawler.documents.maxChars)");
                break;
            }
            chars += length;
            out.add(full);
        }
        if (out.size() < parts.size()) {
            // Figures of pages past the cut are left out with their text.
            Set<String> kept = new HashSet<>();
            out.forEach(p -> kept.add(p.page() + "/" + p.sheet()));
            figures.removeIf(f -> !kept.contains(f.page() + "/" + f.sheet()));
        }
        if (out.isEmpty() || out.stream().allMatch(p -> p.text().isBlank())) {
            return ExtractedDocument.unreadable(type, "no text in the file");
        }
        return new ExtractedDocument(type, title == null ? null : Text.collapseSpaces(title), blankToNull(author), published, out, figures,
            pageCount, null, allNotes);
    }

    /** The year a document is about: "năm 2023" in its title, else the year of its date. */
    static Integer year(String title, String published) {
        if (title != null) {
            Matcher m = TITLE_YEAR.matcher(title);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return published != null && published.matches("^\\d{4}.*") ? Integer.valueOf(published.substring(0, 4)) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : Text.collapseSpaces(s);
    }
}
