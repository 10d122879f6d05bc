package portalkb.ask.retrieve;

import portalkb.ask.question.Question;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import portalkb.store.Elastic;
import portalkb.store.Fact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The figures index: a question naming a metric or a number hits the exact fact (value within
 * rounding, metric, province, year), and its sentence becomes the passage.
 */
public final class FactRetriever implements ContentRetriever {

    private final Elastic elastic;
    private final int size;

    public FactRetriever(Elastic elastic, int size) {
        this.elastic = elastic;
        this.size = size;
    }

    @Override
    public List<Content> retrieve(Query query) {
        Question q = QuestionMetadata.question(query);
        // The facts query reads only the analysed question, so the question's other renderings would repeat it.
        if (q.metric() == null && q.numbers().isEmpty() || !query.text().equals(q.text())) {
            return List.of();
        }
        BoolQuery.Builder b = new BoolQuery.Builder();
        List<FieldValue> metrics = q.metrics().stream().map(FieldValue::of).toList();
        if (!metrics.isEmpty()) {
            b.should(s -> s.terms(t -> t.field("metric").terms(v -> v.value(metrics)).boost(3f)));
        }
        for (Question.AskedNumber n : q.numbers()) {
            for (double reading : n.readings()) {
                // The written precision: 97.9 is 97,9 or 97,90, never 97,92.
                double tolerance = 1e-9 * Math.max(1, Math.abs(reading));
                b.should(s -> s.range(r -> r.number(x -> x.field("value").gte(reading - tolerance).lte(reading + tolerance).boost(6f))));
            }
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
            SearchResponse<Fact> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(size)
                .query(x -> x.bool(b.build())), Fact.class);
            return Retrieved.facts(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
