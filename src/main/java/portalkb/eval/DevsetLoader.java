package portalkb.eval;

import portalkb.core.Gazetteer;
import portalkb.core.Text;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.index.VectorFiller;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a devset's articles as a crawl of their sites would store them: one source per host, and the
 * source's province known only for a province's own outlet (a host that spells the province, as
 * baohaugiang.com.vn does), the way a sources file names it. National outlets get no province: the
 * article's text has to tell it. {@code provinceGiven} false ({@code --no-province}): no source names a province, so
 * every article's province is read from the article alone.
 */
public final class DevsetLoader {

    private DevsetLoader() {
    }

    /** {@code vectors}: fills the passages' vectors once they are indexed; null for none. */
    public static int load(Elastic elastic, Devset devset, VectorFiller vectors) throws IOException, InterruptedException {
        return load(elastic, devset, vectors, true);
    }

    public static int load(Elastic elastic, Devset devset, VectorFiller vectors, boolean provinceGiven)
        throws IOException, InterruptedException {
        List<ArticleInput> batch = new ArrayList<>();
        for (Devset.Article a : devset.articles()) {
            String host = URI.create(a.url()).getHost().replaceFirst("^(www|m)\\.", "");
            batch.add(ArticleInput.of(a.url(), a.title(), a.body()).withPublished(a.published()).withSource(host).withSourceName(host)
                .withProvince(provinceGiven && isOwnOutlet(host, a.province()) ? a.province() : null));
        }
        int written = 0;
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            for (ArticleWriter.Result r : new ArticleWriter(elastic, bulk).write(batch)) {
                if (r.outcome() == ArticleWriter.Outcome.REJECTED) {
                    throw new IOException("devset article " + r.url() + " rejected: " + r.reason());
                }
                written++;
            }
            bulk.flush();
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        if (vectors != null) {
            vectors.fillPending(n -> { });
        }
        return written;
    }

    static boolean isOwnOutlet(String host, String province) {
        String spelled = Gazetteer.get().resolve(province).map(p -> Text.fold(p.name()).replace(" ", "")).orElse(null);
        return spelled != null && host.replace("-", "").contains(spelled);
    }
}
