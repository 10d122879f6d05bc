package portalkb.index;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.core.UrlNormalizer;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles that link a document: the page the crawler found it on (as this writer just wrote it, or
 * read in real time) and every stored article whose {@code documents} list it.
 */
final class DocumentLinks {

    private static final int MAX = 20;
    /** The fields of {@link Article.Link}, read straight into it. */
    private static final List<String> FIELDS = List.of("url", "title", "published");

    private final Elastic elastic;

    DocumentLinks(Elastic elastic) {
        this.elastic = elastic;
    }

    List<Article.Link> of(String url, String referrer, Article.Link referrerJustWritten) throws IOException {
        Map<String, Article.Link> found = new LinkedHashMap<>();
        if (referrerJustWritten != null) {
            found.put(UrlNormalizer.id(referrer), referrerJustWritten);
        } else if (referrer != null) {
            MgetResponse<Article.Link> got = elastic.client().mget(m -> m.index(elastic.names().articles()).realtime(true)
                .ids(UrlNormalizer.id(referrer)).sourceIncludes(FIELDS), Article.Link.class);
            for (MultiGetResponseItem<Article.Link> item : got.docs()) {
                if (item.isResult() && item.result().found()) {
                    found.put(item.result().id(), item.result().source());
                }
            }
        }
        SearchResponse<Article.Link> linking = elastic.client().search(s -> s.index(elastic.names().articles()).size(MAX)
            .source(x -> x.filter(f -> f.includes(FIELDS)))
            .query(q -> q.term(t -> t.field("documents").value(url))), Article.Link.class);
        for (Hit<Article.Link> hit : linking.hits().hits()) {
            found.putIfAbsent(hit.id(), hit.source());
        }
        return new ArrayList<>(found.values());
    }
}
