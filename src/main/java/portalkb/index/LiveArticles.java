package portalkb.index;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks up the live (indexed) version of articles by id: the fields a rewrite compares, one mget per batch. */
final class LiveArticles {

    private static final List<String> LIVE_FIELDS = List.of("url", "contentHash", "passageCount", "factCount", "title", "body",
        "fetchedAt", "simhash", "template", "duplicateOf",
        // what a line that leaves them out keeps (ArticleInput.keeping)
        "source", "sourceName", "province", "district", "provinceEvidence", "published", "author", "lang", "type", "fileName",
        "pages", "sheets", "linkedFrom", "documents");

    private final Elastic elastic;
    private final Batcher<String, Article> liveVersions = new Batcher<>(64, this::existing);

    LiveArticles(Elastic elastic) {
        this.elastic = elastic;
    }

    /** One article from the last refreshed view, its lookup batched with other threads'; null when there is none. */
    Article batched(String id) throws IOException {
        return liveVersions.call(id);
    }

    private List<Article> existing(List<String> ids) throws IOException {
        Map<String, Article> found = existingById(ids, false);
        return ids.stream().map(found::get).toList();
    }

    Map<String, Article> existingById(List<String> ids) throws IOException {
        return existingById(ids, true);
    }

    /** Only {@link #LIVE_FIELDS} are read: the other components of each article are null. */
    Map<String, Article> existingById(List<String> ids, boolean realtime) throws IOException {
        MgetResponse<Article> response = elastic.client().mget(m -> m.index(elastic.names().articles()).realtime(realtime)
            .ids(ids.stream().distinct().toList()).sourceIncludes(LIVE_FIELDS), Article.class);
        Map<String, Article> found = new LinkedHashMap<>();
        for (MultiGetResponseItem<Article> item : response.docs()) {
            if (item.isResult() && item.result().found()) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }
}
