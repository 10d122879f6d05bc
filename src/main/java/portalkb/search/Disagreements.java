package portalkb.search;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.figures.MetricCatalogue;
import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.Report;
import portalkb.search.Analysis.StatedValue;
import portalkb.store.Elastic;
import portalkb.store.Fact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles cells whose facts hold more than one value: each article's report (its largest count, or the
 * first share or rate it states), then the distinct values across articles. Two values from one article
 * are no conflict; two articles reporting different values are.
 */
final class Disagreements {

    record Key(String metric, String province, int year) {
    }

    /** {@code complete}: false when the facts to read passed analytics.conflictFacts and some were left unread. */
    record Settled(Map<Key, FigureCell> cells, boolean complete) {
    }

    private static final int KEYS_PER_SEARCH = 100;

    private final Elastic elastic;
    private final int maxFacts;

    Disagreements(Elastic elastic, int maxFacts) {
        this.elastic = elastic;
        this.maxFacts = maxFacts;
    }

    Settled settle(Query filter, Collection<Key> keys) throws IOException {
        Map<Key, List<Fact>> facts = new LinkedHashMap<>();
        List<Key> all = List.copyOf(keys);
        int budget = maxFacts;
        boolean complete = true;
        for (int i = 0; i < all.size(); i += KEYS_PER_SEARCH) {
            if (budget <= 0) {
                complete = false;
                break;
            }
            List<Key> batch = all.subList(i, Math.min(all.size(), i + KEYS_PER_SEARCH));
            int size = budget;
            SearchResponse<Fact> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(size)
                .trackTotalHits(t -> t.enabled(true)).query(q -> q.bool(b -> b.filter(filter).filter(anyOf(batch))))
                .sort(ReportCells.reportOrder(false)), Fact.class);
            for (Hit<Fact> hit : response.hits().hits()) {
                Fact f = hit.source();
                facts.computeIfAbsent(new Key(f.metric(), f.province(), f.year()), k -> new ArrayList<>()).add(f);
            }
            budget -= response.hits().hits().size();
            complete &= response.hits().total() == null || response.hits().total().value() <= size;
        }
        Map<Key, FigureCell> cells = new LinkedHashMap<>();
        facts.forEach((key, list) -> cells.put(key, cell(list)));
        return new Settled(cells, complete);
    }

    /** {@code facts}: one cell's facts, latest article first. */
    static FigureCell cell(List<Fact> facts) {
        boolean counts = MetricCatalogue.get().describe(facts.get(0).metric())
            .map(m -> m.quantity() == MetricCatalogue.Kind.COUNT).orElse(false);
        Map<String, Fact> byArticle = new LinkedHashMap<>();
        for (Fact f : facts) {
            byArticle.merge(f.articleId(), f, (kept, other) -> better(kept, other, counts));
        }
        Map<Double, List<Report>> byValue = new LinkedHashMap<>();
        byArticle.values().forEach(f -> byValue.computeIfAbsent(f.value(), v -> new ArrayList<>()).add(Report.of(f)));
        Report chosen = Report.of(byArticle.values().iterator().next());
        List<StatedValue> values = new ArrayList<>();
        byValue.forEach((value, reports) -> values.add(new StatedValue(value, reports.size(), reports.get(0))));
        values.sort(Comparator.comparing((StatedValue v) -> v.value() != chosen.value()).thenComparing(v -> -v.articles()));
        return new FigureCell(chosen.metric(), chosen.province(), chosen.provinceToday(), null, chosen.year(), chosen, values);
    }

    private static Fact better(Fact kept, Fact other, boolean counts) {
        if (counts) {
            return other.value() > kept.value() ? other : kept;
        }
        int a = kept.sentenceOffset() == null ? Integer.MAX_VALUE : kept.sentenceOffset();
        int b = other.sentenceOffset() == null ? Integer.MAX_VALUE : other.sentenceOffset();
        return b < a ? other : kept;
    }

    private static Query anyOf(List<Key> keys) {
        BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1");
        for (Key k : keys) {
            any.should(s -> s.bool(b -> b.filter(f -> f.term(t -> t.field("metric").value(k.metric())))
                .filter(f -> f.term(t -> t.field("province").value(k.province())))
                .filter(f -> f.term(t -> t.field("year").value(k.year())))));
        }
        return Query.of(q -> q.bool(any.build()));
    }
}
