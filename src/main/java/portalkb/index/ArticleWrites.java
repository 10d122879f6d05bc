package portalkb.index;

import portalkb.index.ArticleWriter.Write;
import portalkb.store.Elastic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays an article out as its writes: the article, then its passages ({@code id-pN}) and facts ({@code id-fN}), each to its index. */
final class ArticleWrites {

    private final Elastic elastic;

    ArticleWrites(Elastic elastic) {
        this.elastic = elastic;
    }

    /** The article, its passages and its facts as writes; sets the article's passage and fact counts. */
    List<Write> of(PreparedArticle article) {
        Map<String, Object> doc = article.document();
        String id = article.id();
        List<Map<String, Object>> passages = ArticleParts.passages(article);
        List<Map<String, Object>> facts = ArticleParts.facts(article);
        doc.put("passageCount", passages.size());
        doc.put("factCount", facts.size());
        List<Write> writes = new ArrayList<>(1 + passages.size() + facts.size());
        writes.add(new Write(elastic.names().articles(), id, doc));
        for (int i = 0; i < passages.size(); i++) {
            writes.add(new Write(elastic.names().passages(), id + "-p" + i, passages.get(i)));
        }
        for (int i = 0; i < facts.size(); i++) {
            writes.add(new Write(elastic.names().facts(), id + "-f" + i, facts.get(i)));
        }
        return writes;
    }
}
