package portalkb.bench;

import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.index.VectorFiller;
import portalkb.store.BulkIndexer;
import portalkb.store.BulkLoad;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** The benchmark corpus: the first N articles of {@link ArticleGenerator} (seed 42) through our writer, then refreshed. */
public final class GeneratedCorpus {

    public static final long SEED = 42;

    private GeneratedCorpus() {
    }

    /**
     * Indexes the articles in batches of 500; {@code progress} hears the count after every 10,000. {@code vectors}: fills the
     * passages' vectors afterwards; null for none.
     */
    public static void write(Elastic elastic, int docs, VectorFiller vectors, IntConsumer progress) throws IOException, InterruptedException {
        ArticleGenerator generator = new ArticleGenerator(SEED);
        try (BulkLoad load = BulkLoad.start(elastic, BulkLoad.articleIndices(elastic.names()));
             BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk);
            List<ArticleInput> batch = new ArrayList<>();
            for (int i = 0; i < docs; i++) {
                batch.add(generator.next(i));
                if (batch.size() == 500 || i == docs - 1) {
                    writer.write(batch, true); // generated URLs are all new: no lookup of earlier versions
                    batch.clear();
                }
                if ((i + 1) % 10_000 == 0) {
                    progress.accept(i + 1);
                }
            }
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        if (vectors != null) {
            vectors.fillPending(n -> { });
        }
    }
}
