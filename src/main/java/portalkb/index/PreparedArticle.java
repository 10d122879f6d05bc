package portalkb.index;

import com.fasterxml.jackson.databind.JsonNode;
import portalkb.figures.Figure;
import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.store.Article;

import java.util.List;
import java.util.Map;

/**
 * An article ready to store: the article, and beside it (never inside it) what becomes its facts and
 * passages: the figures of its text, or for a file ({@code parts} not null) each part and the figures
 * located on its pages, sheets and table rows. {@code extra}: an imported line's fields no stored field
 * takes (null for none), written into the article's source as given.
 */
record PreparedArticle(Article article, List<Figure> figures, List<DocumentFigure> documentFigures,
                       List<ExtractedDocument.Part> parts, Map<String, JsonNode> extra) {

    String id() {
        return article.id();
    }

    boolean isDocument() {
        return parts != null;
    }
}
