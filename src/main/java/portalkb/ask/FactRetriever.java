package portalkb.ask;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The figures index: a question naming a metric or a number hits the exact fact (value within
 * rounding, metric, province, year), and its sentence becomes the passage.
 */
public final class FactRetriever implements ContentRetriever {

    private final Elastic elastic;
    private final QuestionAnalyzer analyzer;
    private final int size;

    public FactRetriever(Elastic elastic, QuestionAnalyzer analyzer, int size) {
        this.elastic = elastic;
        this.analyzer = analyzer;
        this.size = size;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Content> retrieve(Query query) {
        Question q = analyzer.analyze(query.text());
        if (q.metric() == null && q.numbers().isEmpty()) {
            return List.of();
        }
        BoolQuery.Builder b = new BoolQuery.Builder();
        List<FieldValue> metrics = q.metrics().stream().map(FieldValue::of).toList();
        if (!metrics.isEmpty()) {
            b.should(s -> s.terms(t -> t.field("metric").terms(v -> v.value(metrics)).boost(3f)));
        }
        for (Question.AskedNumber n : q.numbers()) {
            double tolerance = 0.5 * Math.pow(10, -n.decimals());
            b.should(s -> s.range(r -> r.number(x -> x.field("value").gte(n.value() - tolerance).lte(n.value() + tolerance).boost(6f))));
        }
        if (!q.provinces().isEmpty()) {
            List<FieldValue> values = q.provinces().stream().map(FieldValue::of).toList();
            b.should(s -> s.terms(t -> t.field("province").terms(v -> v.value(values)).boost(2f)));
            b.should(s -> s.terms(t -> t.field("provinceToday").terms(v -> v.value(values)).boost(1f)));
        }
        for (Integer y : q.years()) {
            b.should(s -> s.term(t -> t.field("year").value(y).boost(1f)));
        }
        if (!metrics.isEmpty() && q.numbers().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("metric").terms(v -> v.value(metrics))));
        } else {
            b.minimumShouldMatch("1");
        }
        try {
            SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(size)
                .query(x -> x.bool(b.build())), Map.class);
            return Contents.fromHits(response, "fact");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
