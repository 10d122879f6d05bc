package portalkb.ask;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Hits of the passages or facts index (their text is in "text") as contents. */
    @SuppressWarnings("rawtypes")
    static List<Content> fromHits(SearchResponse<Map> response, String kind) {
        List<Content> out = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            out.add(of(hit.id(), String.valueOf(hit.source().get("text")), hit.source(), kind));
        }
        return out;
    }

    static String get(Content c, String key) {
        return c.textSegment().metadata().getString(key);
    }

    static Integer year(Content c) {
        return c.textSegment().metadata().getInteger("year");
    }
}
