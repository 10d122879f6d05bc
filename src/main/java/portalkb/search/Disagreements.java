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

    /** {@code complete}: false when the facts to read passed analytics.conflictFacts and some cells were left unread. */
    record Settled(Map<Key, FigureCell> cells, boolean complete) {
    }

    private static final int KEYS_PER_SEARCH = 100;

    private final Elastic elastic;
    private final int maxFacts;

    Disagreements(Elastic elastic, int maxFacts) {
        this.elastic = elastic;
        this.maxFacts = maxFacts;
    }

    /**
     * {@code candidates}: each cell with how many facts it holds (under {@code filter}). Whole cells only, fewest facts first:
     * a cell read in part could look settled either way, and the small ones let the budget check the most cells; the cells
     * past the budget stay as aggregated, and the result says so.
     */
    Settled settle(Query filter, Map<Key, Long> candidates) throws IOException {
        List<Map.Entry<Key, Long>> read = new ArrayList<>();
        long facts = 0;
        for (Map.Entry<Key, Long> cell : candidates.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            if (facts + cell.getValue() > maxFacts) {
                break; // and no later cell, with as many facts or more, fits either
            }
            read.add(cell);
            facts += cell.getValue();
        }
        boolean complete = read.size() == candidates.size();
        Map<Key, List<Fact>> byCell = new LinkedHashMap<>();
        for (int i = 0; i < read.size(); i += KEYS_PER_SEARCH) {
            List<Map.Entry<Key, Long>> batch = read.subList(i, Math.min(read.size(), i + KEYS_PER_SEARCH));
            complete &= read(filter, batch.stream().map(Map.Entry::getKey).toList(), (int) batch.stream().mapToLong(Map.Entry::getValue).sum(), byCell);
        }
        Map<Key, FigureCell> cells = new LinkedHashMap<>();
        byCell.forEach((key, list) -> cells.put(key, cell(list)));
        return new Settled(cells, complete);
    }

    /** The facts of {@code keys}, {@code size} of them; false when the index holds more now (written since the aggregation). */
    private boolean read(Query filter, List<Key> keys, int size, Map<Key, List<Fact>> into) throws IOException {
        SearchResponse<Fact> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(size)
            .trackTotalHits(t -> t.enabled(true)).query(q -> q.bool(b -> b.filter(filter).filter(anyOf(keys))))
            .sort(ReportCells.reportOrder(false)), Fact.class);
        for (Hit<Fact> hit : response.hits().hits()) {
            Fact f = hit.source();
            into.computeIfAbsent(new Key(f.metric(), f.province(), f.year()), k -> new ArrayList<>()).add(f);
        }
        return response.hits().total() == null || response.hits().total().value() <= size;
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
