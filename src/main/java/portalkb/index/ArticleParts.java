package portalkb.index;

import portalkb.core.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An article's passages and facts, as stored: positional ids, shared fields; a document's by {@link DocumentParts}. */
final class ArticleParts {

    private static final int PASSAGE_CHARS = 600;

    private ArticleParts() {
    }

    /** Without vectors: {@link VectorFiller} adds them after the passages are indexed. */
    static List<Map<String, Object>> passages(PreparedArticle article) {
        Map<String, Object> doc = article.document();
        if (article.isDocument()) {
            return DocumentParts.passages(doc, article.parts());
        }
        List<String> texts = Passages.split((String) doc.get("body"), PASSAGE_CHARS);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> p = common(doc);
            p.put("position", i);
            p.put("title", doc.get("title"));
            p.put("text", texts.get(i));
            out.add(p);
        }
        return out;
    }

    /** One fact per figure of the article's text (a file's: {@link DocumentParts#facts}). */
    static List<Map<String, Object>> facts(PreparedArticle article) {
        Map<String, Object> doc = article.document();
        if (article.isDocument()) {
            return DocumentParts.facts(doc, article.documentFigures());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Figure f : article.figures()) {
            Map<String, Object> fact = common(doc);
            fact.put("title", doc.get("title"));
            fact.put("district", doc.get("district"));
            putFigure(fact, f);
            out.add(fact);
        }
        return out;
    }

    /** A fact document's figure fields (one place for their names: articles' and documents' facts alike). */
    static void putFigure(Map<String, Object> fact, Figure f) {
        fact.put("metric", f.metric());
        fact.put("value", f.value());
        fact.put("unit", f.unit());
        fact.put("raw", f.raw());
        fact.put("year", f.year());
        fact.put("text", f.sentence());
        fact.put("sentenceOffset", f.sentenceOffset());
    }

    static Map<String, Object> common(Map<String, Object> doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articleId", doc.get("id"));
        m.put("url", doc.get("url"));
        m.put("source", doc.get("source"));
        m.put("sourceName", doc.get("sourceName"));
        m.put("province", doc.get("province"));
        m.put("provinceToday", doc.get("provinceToday"));
        m.put("published", doc.get("published"));
        m.put("year", doc.get("year"));
        return m;
    }

    static int count(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
