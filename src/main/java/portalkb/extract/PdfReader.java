package portalkb.extract;

import portalkb.core.Text;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * A PDF through PDFBox: the words of each page with their positions ({@link PdfLayout} makes lines,
 * paragraphs and tables of them), legacy Vietnamese fonts converted ({@link LegacyVietnamese}), the
 * title, author and date from the file's metadata. Encrypted, broken and image-only files are
 * {@link DocumentExtractor.Unreadable} with the reason.
 */
final class PdfReader {

    /** A page with less text than this, and an image, is a scanned page. */
    private static final int MIN_PAGE_CHARS = 20;

    /** Collects each word PDFBox finds (it calls {@code writeString} once per word), in reading order. */
    private static final class WordCollector extends PDFTextStripper {
        private final List<PdfLayout.Word> words = new ArrayList<>();

        WordCollector() {
            setSortByPosition(true);
        }

        List<PdfLayout.Word> words(PDDocument document, int page) throws IOException {
            words.clear();
            setStartPage(page);
            setEndPage(page);
            getText(document);
            return List.copyOf(words);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            words.add(new PdfLayout.Word(text.strip(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), first.getYDirAdj(),
                first.getFontSizeInPt() > 0 ? first.getFontSizeInPt() : first.getHeightDir()));
        }
    }

    private PdfReader() {
    }

    static ExtractedDocument read(byte[] body, DocumentExtractor.Limits limits, long deadline) throws DocumentExtractor.Unreadable {
        try (PDDocument document = Loader.loadPDF(body)) {
            int pageCount = document.getNumberOfPages();
            int reading = Math.min(pageCount, limits.maxPages());
            WordCollector collector = new WordCollector();
            List<List<PdfLayout.Word>> pages = new ArrayList<>();
            StringBuilder sample = new StringBuilder();
            int withText = 0;
            for (int p = 1; p <= reading; p++) {
                DocumentExtractor.checkTime(deadline, limits);
                List<PdfLayout.Word> words = collector.words(document, p);
                pages.add(words);
                int chars = words.stream().mapToInt(w -> w.text().length()).sum();
                if (chars >= MIN_PAGE_CHARS) {
                    withText++;
                }
                if (sample.length() < 20_000) {
                    words.forEach(w -> sample.append(w.text()).append(' '));
                }
            }
            if (withText == 0) {
                throw new DocumentExtractor.Unreadable(imagePages(document, reading) > 0
                    ? "image-only PDF (" + pageCount + " page(s) of scanned images, no text layer): OCR is not done"
                    : "PDF without text (" + pageCount + " page(s))");
            }
            LegacyVietnamese.Encoding encoding = DocumentExtractor.encoding(sample.toString());
            List<ExtractedDocument.Part> parts = new ArrayList<>();
            List<DocumentTable> tables = new ArrayList<>();
            List<PdfLayout.Line> firstPageLines = List.of();
            for (int p = 0; p < pages.size(); p++) {
                DocumentExtractor.checkTime(deadline, limits);
                List<PdfLayout.Word> words = pages.get(p).stream()
                    .map(w -> new PdfLayout.Word(LegacyVietnamese.convert(Text.nfc(w.text()), encoding), w.x0(), w.x1(), w.y(), w.fontSize()))
                    .toList();
                PdfLayout.Page page = PdfLayout.read(words, p + 1);
                if (p == 0) {
                    firstPageLines = page.lines();
                }
                tables.addAll(page.tables());
                parts.add(new ExtractedDocument.Part(p + 1, null, page.prose(), ""));
            }
            List<String> notes = new ArrayList<>();
            if (reading < pageCount) {
                notes.add("read the first " + reading + " of " + pageCount + " pages (crawler.documents.maxPages)");
            }
            if (withText < reading) {
                notes.add((reading - withText) + " page(s) without text (scanned images are not read: no OCR)");
            }
            if (encoding != LegacyVietnamese.Encoding.UNICODE) {
                notes.add("text in the legacy " + encoding + " font encoding, converted to Unicode");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            String metadataTitle = info.getTitle() == null ? null : LegacyVietnamese.convert(Text.nfc(info.getTitle()), encoding);
            String title = DocumentTitles.choose(metadataTitle, DocumentTitles.firstHeading(firstPageLines));
            return DocumentExtractor.assemble(DocumentType.PDF, title, info.getAuthor(), date(info), parts, tables, pageCount, notes, limits);
        } catch (InvalidPasswordException e) {
            throw new DocumentExtractor.Unreadable("encrypted PDF: a password is needed to open it; not read");
        } catch (IOException | RuntimeException e) {
            throw new DocumentExtractor.Unreadable("broken PDF: " + DocumentExtractor.describe(e));
        }
    }

    private static int imagePages(PDDocument document, int pages) {
        int count = 0;
        for (int p = 0; p < pages; p++) {
            PDPage page = document.getPage(p);
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                try {
                    if (resources.getXObject(name) instanceof PDImageXObject) {
                        count++;
                        break;
                    }
                } catch (IOException e) {
                    // an unreadable image still is an image
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static String date(PDDocumentInformation info) {
        Calendar c = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
        return c == null ? null : c.toInstant().toString();
    }
}
