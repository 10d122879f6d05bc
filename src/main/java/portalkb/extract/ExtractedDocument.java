package portalkb.extract;

import java.util.List;

/**
 * What the parse step read from a document (PDF, Word, Excel): its title, date and author from the
 * file's metadata or first heading, its text part by part — a PDF page ({@code page}), a spreadsheet
 * sheet ({@code sheet}), a Word file as one part — and the figures of its tables. {@code unreadable}
 * says why nothing could be read (encrypted, broken, scanned images only, legacy font without a
 * meaning, too slow); then there is no text. {@code notes}: what was left out (pages past the limit).
 */
public record ExtractedDocument(DocumentType type, String title, String author, String published, List<Part> parts,
                                List<DocumentFigure> tableFigures, int pageCount, String unreadable, List<String> notes) {

    /**
     * One page or sheet: {@code prose} is its running text (figures are read from it sentence by
     * sentence); {@code tables} its tables written as sentences, one per row (their figures are the
     * {@link DocumentFigure}s, cell by cell).
     */
    public record Part(Integer page, String sheet, String prose, String tables) {
        public String text() {
            return tables.isEmpty() ? prose : prose.isEmpty() ? tables : prose + "\n" + tables;
        }
    }

    public static ExtractedDocument unreadable(DocumentType type, String reason) {
        return new ExtractedDocument(type, null, null, null, List.of(), List.of(), 0, reason, List.of());
    }

    public boolean readable() {
        return unreadable == null;
    }

    /** All text, parts in order. */
    public String body() {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            String t = p.text();
            if (!t.isBlank()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(t);
            }
        }
        return out.toString();
    }
}
