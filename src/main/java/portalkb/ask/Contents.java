package portalkb.ask;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;

import java.util.LinkedHashMap;
import java.util.Map;

/** Retrieved text with the article facts citations need (url, title, source, province, date). */
final class Contents {

    static final String KEY = "key";

    private Contents() {
    }

    static Content of(String key, String text, Map<?, ?> source, String kind) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(KEY, key);
        meta.put("kind", kind);
        for (String field : new String[]{"articleId", "url", "title", "source", "sourceName", "province", "provinceToday", "published", "metric", "unit"}) {
            Object v = source.get(field);
            if (v != null) {
                meta.put(field, v.toString());
            }
        }
        Object year = source.get("year");
        if (year instanceof Number n) {
            meta.put("year", n.intValue());
        }
        return Content.from(TextSegment.from(text, Metadata.from(meta)));
    }

    static String get(Content c, String key) {
        return c.textSegment().metadata().getString(key);
    }

    static Integer year(Content c) {
        return c.textSegment().metadata().getInteger("year");
    }
}
