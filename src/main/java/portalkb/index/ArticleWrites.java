package portalkb.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import portalkb.index.ArticleWriter.Write;
import portalkb.store.Article;
import portalkb.store.Elastic;
import portalkb.store.Fact;
import portalkb.store.Json;
import portalkb.store.Passage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lays an article out as its writes: the article, then its passages ({@code id-pN}) and facts ({@code id-fN}), each to its index. */
final class ArticleWrites {

    /** The article as stored (with its passage and fact counts) and every write of it, the article's first. */
    record Laid(Article article, List<Write> writes) {
    }

    private final Elastic elastic;

    ArticleWrites(Elastic elastic) {
        this.elastic = elastic;
    }

    /** The article written at {@code now} ({@code changed}: replacing a live version), a copy of {@code duplicateOf} or null. */
    Laid of(PreparedArticle prepared, Instant now, boolean changed, String duplicateOf) {
        String id = prepared.id();
        List<Passage> passages = ArticleParts.passages(prepared);
        List<Fact> facts = ArticleParts.facts(prepared);
        Article article = prepared.article().stored(now, changed, duplicateOf, passages.size(), facts.size());
        List<Write> writes = new ArrayList<>(1 + passages.size() + facts.size());
        writes.add(new Write(elastic.names().articles(), id, source(article, prepared)));
        for (int i = 0; i < passages.size(); i++) {
            writes.add(new Write(elastic.names().passages(), id + "-p" + i, passages.get(i)));
        }
        for (int i = 0; i < facts.size(); i++) {
            writes.add(new Write(elastic.names().facts(), id + "-f" + i, facts.get(i)));
        }
        return new Laid(article, writes);
    }

    /** The article's source: the record, with an imported line's extra fields beside its own (never over them). */
    private static Object source(Article article, PreparedArticle prepared) {
        if (prepared.extra() == null || prepared.extra().isEmpty()) {
            return article;
        }
        ObjectNode source = Json.MAPPER.valueToTree(article);
        prepared.extra().forEach(source::putIfAbsent);
        return source;
    }
}
