package portalkb.ask.retrieve;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import portalkb.index.Embeddings;
import portalkb.store.Elastic;
import portalkb.store.Passage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** kNN over passage vectors (all-MiniLM-L6-v2 in-process, the model that embedded the passages). */
public final class VectorRetriever implements ContentRetriever {

    private final Elastic elastic;
    private final int size;

    public VectorRetriever(Elastic elastic, int size) {
        this.elastic = elastic;
        this.size = size;
    }

    @Override
    public List<Content> retrieve(Query query) {
        float[] vector = Embeddings.embed(List.of(query.text())).get(0);
        List<Float> values = new ArrayList<>(vector.length);
        for (float f : vector) {
            values.add(f);
        }
        try {
            SearchResponse<Passage> response = elastic.client().search(s -> s.index(elastic.names().passages()).size(size)
                .knn(k -> k.field("vector").queryVector(values).k(size).numCandidates(Math.max(50, size * 5)))
                .source(src -> src.filter(f -> f.excludes("vector"))), Passage.class);
            return Retrieved.passages(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
