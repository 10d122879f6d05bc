package portalkb.ask;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import portalkb.store.Fact;
import portalkb.store.Passage;

import java.util.ArrayList;
import java.util.List;

/** Retrieved text with the article facts citations need (url, title, source, province, date). */
final class Contents {

    static final String KEY = "key";

    private Contents() {
    }

    /** The article fields a citation shows, of a passage, a fact or an analytics figure. */
    /** {@code province}: the article's (a fact's: its own); {@code provinces}: every province the article reports on. */
    record Origin(String articleId, String url, String title, String source, String sourceName, String province,
                  String provinceToday, String published, String metric, String unit, Integer year, List<String> provinces) {
        static Origin of(Passage p) {
            List<String> all = p.provinces() != null && !p.provinces().isEmpty() ? p.provinces()
                : p.province() == null ? List.of() : List.of(p.province());
            return new Origin(p.articleId(), p.url(), p.title(), p.source(), p.sourceName(), p.province(), p.provinceToday(),
                p.published(), null, null, p.year(), all);
        }

        static Origin of(Fact f) {
            return new Origin(f.articleId(), f.url(), f.title(), f.source(), f.sourceName(), f.province(), f.provinceToday(),
                f.published(), f.metric(), f.unit(), f.year(), f.province() == null ? List.of() : List.of(f.province()));
        }
    }

    private static final String LIST_SEPARATOR = "|";

    static Content of(String key, String text, Origin origin, String kind) {
        Metadata meta = new Metadata().put(KEY, key).put("kind", kind);
        put(meta, "articleId", origin.articleId());
        put(meta, "url", origin.url());
        put(meta, "title", origin.title());
        put(meta, "source", origin.source());
        put(meta, "sourceName", origin.sourceName());
        put(meta, "province", origin.province());
        put(meta, "provinceToday", origin.provinceToday());
        if (origin.provinces() != null && !origin.provinces().isEmpty()) {
            meta.put("provinces", String.join(LIST_SEPARATOR, origin.provinces()));
        }
        put(meta, "published", origin.published());
        put(meta, "metric", origin.metric());
        put(meta, "unit", origin.unit());
        if (origin.year() != null) {
            meta.put("year", origin.year());
        }
        return Content.from(TextSegment.from(text, meta));
    }

    private static void put(Metadata meta, String key, String value) {
        if (value != null) {
            meta.put(key, value);
        }
    }

    /** Hits of the passages index as contents. */
    static List<Content> fromPassages(SearchResponse<Passage> response) {
        List<Content> out = new ArrayList<>();
        for (Hit<Passage> hit : response.hits().hits()) {
            out.add(of(hit.id(), String.valueOf(hit.source().text()), Origin.of(hit.source()), "passage"));
        }
        return out;
    }

    /** Hits of the facts index as contents: the fact's sentence is the text. */
    static List<Content> fromFacts(SearchResponse<Fact> response) {
        List<Content> out = new ArrayList<>();
        for (Hit<Fact> hit : response.hits().hits()) {
            out.add(of(hit.id(), String.valueOf(hit.source().text()), Origin.of(hit.source()), "fact"));
        }
        return out;
    }

    /** Every province the content's article reports on (its one province when only that is known). */
    static List<String> provinces(Content c) {
        String all = get(c, "provinces");
        if (all != null) {
            return List.of(all.split(java.util.regex.Pattern.quote(LIST_SEPARATOR)));
        }
        String one = get(c, "province");
        return one == null ? List.of() : List.of(one);
    }

    static String get(Content c, String key) {
        return c.textSegment().metadata().getString(key);
    }

    static Integer year(Content c) {
        return c.textSegment().metadata().getInteger("year");
    }
}
