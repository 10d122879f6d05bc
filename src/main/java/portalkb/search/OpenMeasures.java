package portalkb.search;

import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import portalkb.store.Elastic;
import portalkb.store.Fact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open measures the knowledge base holds (figures whose measure the catalogue lacks), most frequent first, each
 * with how many figures and provinces state it and a few examples: what `./kb metrics --discover` shows, so the
 * catalogue (index-config/metrics.yaml) grows from what crawls find.
 */
public final class OpenMeasures {

    /** One open measure: its key, how often it is stated, in how many provinces, and examples. */
    public record Found(String key, long figures, long provinces, List<Example> examples) {
    }

    /** A figure of it: the phrase and number as written, the province, and the sentence. */
    public record Example(String measure, String raw, String province, Integer year, String role, String text) {
    }

    private final Elastic elastic;

    public OpenMeasures(Elastic elastic) {
        this.elastic = elastic;
    }

    /** The {@code limit} most frequent open measures, with {@code examples} figures each. */
    public List<Found> discover(int limit, int examples) throws IOException {
        SearchResponse<Void> r = elastic.client().search(s -> s.index(elastic.names().facts()).size(0)
            .query(q -> q.exists(e -> e.field("measureWords")))
            .aggregations("metric", a -> a.terms(t -> t.field("metric").size(limit))
                .aggregations("provinces", p -> p.cardinality(c -> c.field("province")))
                .aggregations("examples", x -> x.topHits(h -> h.size(examples)
                    .source(src -> src.filter(f -> f.includes("measure", "raw", "province", "year", "role", "text")))))), Void.class);
        List<Found> out = new ArrayList<>();
        for (StringTermsBucket b : r.aggregations().get("metric").sterms().buckets().array()) {
            List<Example> shown = new ArrayList<>();
            b.aggregations().get("examples").topHits().hits().hits().forEach(h -> {
                Fact f = h.source().to(Fact.class);
                shown.add(new Example(f.measure(), f.raw(), f.province(), f.year(), f.role(), f.text()));
            });
            out.add(new Found(b.key().stringValue(), b.docCount(), b.aggregations().get("provinces").cardinality().value(), shown));
        }
        return out;
    }
}
