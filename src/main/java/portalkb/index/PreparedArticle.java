package portalkb.index;

import portalkb.core.Figure;
import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;

import java.util.List;
import java.util.Map;

/**
 * An article ready to store: the article document, and beside it (never inside it) what becomes its
 * facts and passages: the figures of its text, or for a file ({@code parts} not null) each part and the
 * figures located on its pages, sheets and table rows.
 */
record PreparedArticle(Map<String, Object> document, List<Figure> figures, List<DocumentFigure> documentFigures,
                       List<ExtractedDocument.Part> parts) {

    String id() {
        return (String) document.get("id");
    }

    boolean isDocument() {
        return parts != null;
    }
}
