package portalkb.eval;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import portalkb.core.UrlNormalizer;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Province attribution on a devset: the province each loaded article was stored under, against the province its file
 * states. An article stored without a province is wrong (never right by chance).
 */
public final class ProvinceScoring {

    /** One article: the expected province, the stored one (null: none confident) and whether they are the same. */
    public record Row(Devset.Article article, String expected, String stored, boolean right, String split) {
    }

    /** Right articles of a split: dev, test or all. */
    public record Tally(String split, int articles, int right) {
        public double accuracy() {
            return articles == 0 ? 0 : (double) right / articles;
        }
    }

    private ProvinceScoring() {
    }

    public static List<Row> score(Elastic elastic, Devset devset) throws IOException {
        Map<String, Devset.Article> byId = new HashMap<>();
        for (Devset.Article a : devset.articles()) {
            byId.put(UrlNormalizer.id(UrlNormalizer.normalize(a.url()).orElseThrow()), a);
        }
        MgetResponse<Article> response = elastic.client().mget(m -> m.index(elastic.names().articles())
            .ids(List.copyOf(byId.keySet())).sourceIncludes("province"), Article.class);
        Map<String, String> stored = new HashMap<>();
        for (MultiGetResponseItem<Article> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                stored.put(item.result().id(), item.result().source().province());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Devset.Article> e : byId.entrySet()) {
            Devset.Article a = e.getValue();
            String got = stored.get(e.getKey());
            String split = a.number() <= devset.devLast() ? "dev" : "test";
            rows.add(new Row(a, a.province(), got, DevsetEval.sameProvince(a.province(), got), split));
        }
        rows.sort((x, y) -> Integer.compare(x.article().number(), y.article().number()));
        return rows;
    }

    public static List<Tally> tallies(List<Row> rows) {
        List<Tally> out = new ArrayList<>();
        for (String split : List.of("dev", "test", "all")) {
            List<Row> in = rows.stream().filter(r -> split.equals("all") || r.split().equals(split)).toList();
            out.add(new Tally(split, in.size(), (int) in.stream().filter(Row::right).count()));
        }
        return out;
    }
}
