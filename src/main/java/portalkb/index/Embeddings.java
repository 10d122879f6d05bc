package portalkb.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/** all-MiniLM-L6-v2 (quantised, 384 dims) run in-process: passage vectors at ingest, query vectors at ask. */
public final class Embeddings {

    private static volatile EmbeddingModel model;

    private Embeddings() {
    }

    public static EmbeddingModel model() {
        if (model == null) {
            synchronized (Embeddings.class) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model;
    }

    public static List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    public static float[] embed(String text) {
        return model().embed(text).content().vector();
    }
}
