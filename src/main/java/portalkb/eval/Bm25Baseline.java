package portalkb.eval;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.StringReader;

/**
 * The bar an answerer has to clear: the same articles in a plain BM25 index (standard tokenizer,
 * lowercase, ASCII folding; title and body), the question as one match query, and the top hit taken
 * as the answer. Its province is the article's true province, so the baseline is if anything favoured.
 */
public final class Bm25Baseline {

    public record TopHit(String province, String text) {
    }

    /** A document of the baseline's own index: a devset article's province, title and body. */
    record BaselineArticle(String province, String title, String body) {
    }

    private static final String SETTINGS = """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
          "analysis": {"analyzer": {"plain": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}},
         "mappings": {"properties": {
           "province": {"type": "keyword"},
           "title": {"type": "text", "analyzer": "plain"},
           "body": {"type": "text", "analyzer": "plain"}}}}""";

    private final Elastic elastic;
    private final String index;

    private Bm25Baseline(Elastic elastic) {
        this.elastic = elastic;
        this.index = elastic.names().alias("bm25-baseline");
    }

    public static Bm25Baseline build(Elastic elastic, Devset devset) throws IOException {
        Bm25Baseline baseline = new Bm25Baseline(elastic);
        String index = baseline.index;
        if (elastic.client().indices().exists(e -> e.index(index)).value()) {
            elastic.client().indices().delete(d -> d.index(index));
        }
        elastic.client().indices().create(c -> c.index(index).withJson(new StringReader(SETTINGS)));
        for (Devset.Article a : devset.articles()) {
            elastic.client().index(i -> i.index(index).id(a.file())
                .document(new BaselineArticle(a.province(), a.title(), a.body())));
        }
        elastic.client().indices().refresh(r -> r.index(index));
        return baseline;
    }

    public TopHit answer(String question) throws IOException {
        SearchResponse<BaselineArticle> response = elastic.client().search(s -> s.index(index).size(1)
            .query(q -> q.multiMatch(m -> m.query(question).fields("title", "body"))), BaselineArticle.class);
        if (response.hits().hits().isEmpty()) {
            return null;
        }
        BaselineArticle top = response.hits().hits().get(0).source();
        return new TopHit(top.province(), top.title() + "\n" + top.body());
    }
}
