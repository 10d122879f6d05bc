package portalkb.ask.retrieve;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import portalkb.store.Fact;
import portalkb.store.Passage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a retriever found, typed: a passage of an article, or a fact (one figure and its sentence). Both are
 * LangChain4j {@link Content}s, so they pass through its retrieval augmentor and rank fusion unchanged; later
 * steps read their fields, never string-keyed metadata. {@code key}: the index id, one per passage or fact.
 */
public sealed interface Retrieved extends Content permits Retrieved.PassageHit, Retrieved.FactHit {

    String key();

    String text();

    Origin origin();

    @Override
    default TextSegment textSegment() {
        return TextSegment.from(text());
    }

    @Override
    default Map<ContentMetadata, Object> metadata() {
        return Map.of();
    }

    /** A passage of an article's text. */
    record PassageHit(String key, String text, Origin origin) implements Retrieved {
    }

    /** A figure of the facts index: its sentence is the text; {@code metric} and {@code unit} as the figure reader read them. */
    record FactHit(String key, String text, Origin origin, String metric, String unit) implements Retrieved {
    }

    static List<Content> passages(SearchResponse<Passage> response) {
        List<Content> out = new ArrayList<>();
        for (Hit<Passage> hit : response.hits().hits()) {
            Passage p = hit.source();
            out.add(new PassageHit(hit.id(), String.valueOf(p.text()), Origin.of(p)));
        }
        return out;
    }

    static List<Content> facts(SearchResponse<Fact> response) {
        List<Content> out = new ArrayList<>();
        for (Hit<Fact> hit : response.hits().hits()) {
            Fact f = hit.source();
            out.add(new FactHit(hit.id(), String.valueOf(f.text()), Origin.of(f), f.metric(), f.unit()));
        }
        return out;
    }

    /** The retrieved items among LangChain4j contents (every content PortalKB's retrievers return is one). */
    static List<Retrieved> of(List<Content> contents) {
        List<Retrieved> out = new ArrayList<>(contents.size());
        for (Content c : contents) {
            if (c instanceof Retrieved r) {
                out.add(r);
            }
        }
        return out;
    }
}
