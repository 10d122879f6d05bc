package portalkb.index;

import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.core.Figure;
import portalkb.core.FigureExtractor;
import portalkb.core.Gazetteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document's passages and facts, as stored: each with the page (PDF) or sheet it stands on, and for a
 * PDF a {@code url} that opens the file at that page ({@code …/bao-cao.pdf#page=3}), which is what a
 * citation links to. Table figures carry their row's place (district, commune, or another province).
 */
final class DocumentParts {

    private static final int PASSAGE_CHARS = 600;

    private DocumentParts() {
    }

    /** A file's parts as the crawler hands them over ({@code parts} of the raw article), or null for an article. */
    @SuppressWarnings("unchecked")
    static List<ExtractedDocument.Part> parts(Map<String, Object> raw) {
        return (List<ExtractedDocument.Part>) raw.get("parts");
    }

    /** The figures of a document's running text, part by part, then of its tables; a figure without a year takes {@code reportYear}. */
    @SuppressWarnings("unchecked")
    static List<DocumentFigure> figures(List<ExtractedDocument.Part> parts, Object tables, FigureExtractor extractor, Integer reportYear) {
        List<DocumentFigure> out = new ArrayList<>();
        for (ExtractedDocument.Part part : parts) {
            for (Figure f : extractor.extract(part.prose(), reportYear)) {
                out.add(new DocumentFigure(f, part.page(), part.sheet(), null, null, null));
            }
        }
        for (DocumentFigure f : tables == null ? List.<DocumentFigure>of() : (List<DocumentFigure>) tables) {
            Figure figure = f.figure();
            if (figure.year() == null && reportYear != null) {
                figure = new Figure(figure.metric(), figure.value(), figure.unit(), figure.raw(), reportYear, figure.sentence(), figure.sentenceOffset());
            }
            out.add(new DocumentFigure(figure, f.page(), f.sheet(), f.province(), f.district(), f.commune()));
        }
        return out;
    }

    /** Each part's text in passages of about 600 characters. */
    static List<Map<String, Object>> passages(Map<String, Object> doc, List<ExtractedDocument.Part> parts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExtractedDocument.Part part : parts) {
            for (String text : Passages.split(part.text(), PASSAGE_CHARS)) {
                Map<String, Object> p = located(doc, part.page(), part.sheet());
                p.put("position", out.size());
                p.put("title", doc.get("title"));
                p.put("text", text);
                out.add(p);
            }
        }
        return out;
    }

    /** One fact per figure, at its page or sheet, with its row's place. */
    static List<Map<String, Object>> facts(Map<String, Object> doc, List<DocumentFigure> figures) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DocumentFigure located : figures) {
            Figure f = located.figure();
            Map<String, Object> fact = located(doc, located.page(), located.sheet());
            fact.put("title", doc.get("title"));
            fact.put("district", located.district() != null ? located.district() : located.commune() != null ? null : doc.get("district"));
            if (located.commune() != null) {
                fact.put("commune", located.commune());
            }
            if (located.province() != null && !located.province().equals(doc.get("province"))) {
                // A row of another province (a national table): the figure is that province's.
                Gazetteer.get().resolve(located.province()).ifPresent(p -> {
                    fact.put("province", p.name());
                    fact.put("provinceToday", Gazetteer.get().today(p).name());
                });
            }
            ArticleParts.putFigure(fact, f);
            out.add(fact);
        }
        return out;
    }

    private static Map<String, Object> located(Map<String, Object> doc, Integer page, String sheet) {
        Map<String, Object> m = ArticleParts.common(doc);
        if (page != null) {
            m.put("page", page);
            if ("pdf".equals(doc.get("type"))) {
                m.put("url", doc.get("url") + "#page=" + page); // a PDF viewer opens the file at this page
            }
        }
        if (sheet != null) {
            m.put("sheet", sheet);
        }
        return m;
    }
}
