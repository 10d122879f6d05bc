package portalkb.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of file PortalKB reads besides HTML, told by the bytes first (the magic number; an Office
 * Open XML zip by its parts), then by the content type and the file name. {@link #facet()} is the
 * {@code type} facet of the index: pdf, doc (Word), xls (Excel); HTML articles are {@code html}.
 */
public enum DocumentType {
    PDF("pdf"), DOC("doc"), DOCX("doc"), XLS("xls"), XLSX("xls");

    /** File names and URL paths that name a document (a download link, an attachment). */
    private static final Pattern NAME = Pattern.compile("(?i).*\\.(pdf|docx?|xlsx?)(?:$|[?#&;\"'\\s])");

    private final String facet;

    DocumentType(String facet) {
        this.facet = facet;
    }

    public String facet() {
        return facet;
    }

    /** Whether a response should be read as a document: its content type says so, or a generic binary type with a document's name. */
    public static boolean announced(String contentType, String url, String contentDisposition) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("pdf") || type.contains("msword") || type.contains("ms-excel") || type.contains("wordprocessingml")
            || type.contains("spreadsheetml")) {
            return true;
        }
        boolean generic = type.isBlank() || type.startsWith("application/octet-stream") || type.contains("download")
            || type.startsWith("application/x-") || type.startsWith("binary/");
        return generic && (namesDocument(url) || namesDocument(contentDisposition));
    }

    /** "…/bao-cao-2023.pdf", "DownloadFile.aspx?f=ke-hoach.docx", "attachment; filename=\"so-lieu.xlsx\"". */
    public static boolean namesDocument(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** The type of {@code body}, or null when it is none of these (an HTML page, an image, a zip of something else). */
    public static DocumentType sniff(byte[] body) {
        if (body == null || body.length < 8) {
            return null;
        }
        if (startsWith(body, 0, "%PDF-") || indexOf(body, "%PDF-", 1024) >= 0) {
            return PDF;
        }
        // OLE2 compound file (Word 97–2003, Excel 97–2003): which one is told by its streams.
        if ((body[0] & 0xff) == 0xD0 && (body[1] & 0xff) == 0xCF && (body[2] & 0xff) == 0x11 && (body[3] & 0xff) == 0xE0) {
            return indexOfUtf16(body, "Workbook") >= 0 || indexOfUtf16(body, "Book") >= 0 ? XLS
                : indexOfUtf16(body, "WordDocument") >= 0 ? DOC : null;
        }
        if (body[0] == 'P' && body[1] == 'K') {
            // Office Open XML: the zip's entry names are stored uncompressed in its headers.
            if (indexOf(body, "word/", body.length) >= 0) {
                return DOCX;
            }
            if (indexOf(body, "xl/", body.length) >= 0) {
                return XLSX;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (at + p.length > body.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (body[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, String needle, int within) {
        int end = Math.min(body.length, within);
        for (int i = 0; i < end; i++) {
            if (startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfUtf16(byte[] body, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + n.length <= body.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (body[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What a skipped response was: pdf, doc or xls for documents (by content type or file name), image, else binary. */
    public static String kindOf(String contentType, String url) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        String name = DocumentType.namesDocument(url) ? url.toLowerCase() : "";
        if (type.contains("pdf") || name.matches(".*\\.pdf\\b.*")) {
            return "pdf";
        }
        if (type.contains("msword") || type.contains("wordprocessingml") || name.matches(".*\\.docx?\\b.*")) {
            return "doc";
        }
        if (type.contains("ms-excel") || type.contains("spreadsheetml") || name.matches(".*\\.xlsx?\\b.*")) {
            return "xls";
        }
        if (type.startsWith("image/")) {
            return "image";
        }
        return "binary";
    }
}
