package portalkb.ask.retrieve;

import portalkb.ask.question.Question;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import portalkb.store.Elastic;
import portalkb.store.Passage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * BM25 over passages with the Vietnamese analysis; the question's numbers (every reading), places, years and
 * provinces boost.
 */
public final class PassageRetriever implements ContentRetriever {

    private final Elastic elastic;
    private final int size;
    private final boolean withinAskedProvinces;

    public PassageRetriever(Elastic elastic, int size) {
        this(elastic, size, false);
    }

    /**
     * {@code withinAskedProvinces}: search only the articles of the provinces the question names (then or
     * today), so that one province's passages are not crowded out by other provinces' on the same topic;
     * a question naming none gets nothing from this retriever.
     */
    public PassageRetriever(Elastic elastic, int size, boolean withinAskedProvinces) {
        this.elastic = elastic;
        this.size = size;
        this.withinAskedProvinces = withinAskedProvinces;
    }

    @Override
    public List<Content> retrieve(Query query) {
        Question q = QuestionMetadata.question(query);
        if (withinAskedProvinces && q.provinces().isEmpty()) {
            return List.of();
        }
        BoolQuery.Builder b = new BoolQuery.Builder();
        b.should(s -> s.multiMatch(m -> m.query(query.text()).fields("text", "text.folded", "title^2")));
        for (Question.AskedNumber n : q.numbers()) {
            for (double reading : n.readings()) {
                for (String number : QuestionQueryTransformer.writtenForms(reading)) {
                    b.should(s -> s.match(m -> m.field("text").query(number).boost(5f)));
                }
            }
        }
        for (String place : q.places()) {
            b.should(s -> s.matchPhrase(m -> m.field("text.folded").query(place).boost(2f)));
        }
        for (Integer year : q.years()) {
            b.should(s -> s.match(m -> m.field("text").query(Integer.toString(year)).boost(1f)));
        }
        if (!q.provinces().isEmpty()) {
            List<FieldValue> values = q.provinces().stream().map(FieldValue::of).toList();
            // every province the article reports on (passages stored before they were read have only their province)
            b.should(s -> s.constantScore(cs -> cs.boost(3f).filter(fl -> fl.bool(o -> o
                .should(x -> x.terms(t -> t.field("provinces").terms(v -> v.value(values))))
                .should(x -> x.terms(t -> t.field("province").terms(v -> v.value(values))))))));
            if (withinAskedProvinces) {
                b.filter(f -> f.bool(o -> {
                    for (String field : List.of("provinces", "provincesToday", "province", "provinceToday")) {
                        o.should(x -> x.terms(t -> t.field(field).terms(v -> v.value(values))));
                    }
                    return o.minimumShouldMatch("1");
                }));
            }
        }
        b.minimumShouldMatch("1");
        try {
            SearchResponse<Passage> response = elastic.client().search(s -> s.index(elastic.names().passages()).size(size)
                .query(x -> x.bool(b.build())).source(src -> src.filter(f -> f.excludes("vector"))), Passage.class);
            return Retrieved.passages(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
