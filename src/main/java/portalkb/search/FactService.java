package portalkb.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.core.BadParameterException;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.figures.MetricCatalogue;
import portalkb.core.Provinces;
import portalkb.store.Elastic;
import portalkb.store.Fact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures behind the text: fact rows, one value per province and year for comparisons, and
 * province overviews — aggregations over the facts and articles indices.
 */
public final class FactService {

    public static final int MAX_ROWS = 1000;

    private final Elastic elastic;

    public FactService(Elastic elastic) {
        this.elastic = elastic;
    }

    public static String metric(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String m = value.strip();
        if (!m.equals("other") && MetricCatalogue.get().describe(m).isEmpty()) {
            throw new BadParameterException(parameter, "unknown metric '" + m + "' (known: "
                + String.join(", ", MetricCatalogue.get().metrics().stream().map(MetricCatalogue.Metric::id).toList()) + ", other)");
        }
        return m;
    }

    public List<FactRow> facts(String metric, List<String> provinces, Integer year, int size) throws IOException {
        Query query = filter(metric, provinces, year);
        SearchResponse<Fact> response = elastic.client().search(s -> s.index(elastic.names().facts()).query(query)
            .size(Math.min(size, MAX_ROWS))
            .sort(o -> o.field(f -> f.field("year").order(SortOrder.Desc).missing("_last")))
            .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc).missing("_last"))), Fact.class);
        List<FactRow> rows = new ArrayList<>();
        for (Hit<Fact> hit : response.hits().hits()) {
            rows.add(new FactRow(hit.source(), hit.id(), null));
        }
        return rows;
    }

    /**
     * All 63 provinces (as they were) and the 34 of today, with article counts: an article about several provinces counts
     * for each (one stored before its provinces were read, for its one province).
     */
    public ProvinceOverview.All provinces() throws IOException {
        SearchResponse<Void> response = elastic.client().search(s -> s.index(elastic.names().articles()).size(0)
            .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicateOf")))))
            .aggregations("province", a -> a.terms(t -> t.field("provinces").size(100)))
            .aggregations("today", a -> a.terms(t -> t.field("provincesToday").size(100)))
            .aggregations("legacy", a -> a.filter(f -> f.bool(x -> x.mustNot(n -> n.exists(e -> e.field("provinces")))))
                .aggregations("province", t -> t.terms(x -> x.field("province").size(100)))
                .aggregations("today", t -> t.terms(x -> x.field("provinceToday").size(100)))), Void.class);
        Map<String, Long> then = counts(response.aggregations().get("province"));
        Map<String, Long> today = counts(response.aggregations().get("today"));
        Aggregate legacy = response.aggregations().get("legacy");
        counts(legacy.filter().aggregations().get("province")).forEach((k, v) -> then.merge(k, v, Long::sum));
        counts(legacy.filter().aggregations().get("today")).forEach((k, v) -> today.merge(k, v, Long::sum));
        Gazetteer g = Gazetteer.get();
        List<ProvinceOverview.Row> before = new ArrayList<>();
        for (Province p : g.provinces()) {
            before.add(new ProvinceOverview.Row(p.id(), p.name(), g.today(p).name(), then.getOrDefault(p.name(), 0L)));
        }
        List<ProvinceOverview.Row> now = new ArrayList<>();
        for (Province p : g.provincesToday()) {
            now.add(new ProvinceOverview.Row(p.id(), p.name(), p.name(), today.getOrDefault(p.name(), 0L)));
        }
        return new ProvinceOverview.All(before, now);
    }

    /**
     * A province's page: its article counts by year and sources, and its cards — the latest figure of each catalogued
     * metric as {@link FactAnalytics#latestOf} chooses it (what Rankings shows for the province).
     */
    public ProvinceOverview province(String idOrName, FactAnalytics analytics) throws IOException {
        String name = Provinces.resolve("id", List.of(idOrName)).get(0);
        Province p = Gazetteer.get().resolve(name).orElseThrow();
        List<ProvinceOverview.LatestFigure> latest = analytics.latestOf(name).stream().map(ProvinceOverview.LatestFigure::of).toList();
        SearchResponse<Void> articles = elastic.client().search(s -> s.index(elastic.names().articles()).size(0)
            .query(q -> q.bool(b -> b.filter(ArticleQuery.provinceFilter(List.of(name))).mustNot(m -> m.exists(e -> e.field("duplicateOf")))))
            .aggregations("year", a -> a.terms(t -> t.field("year").size(100)))
            .aggregations("source", a -> a.terms(t -> t.field("source").size(50))), Void.class);
        return new ProvinceOverview(p.id(), p.name(), Gazetteer.get().today(p).name(),
            articles.hits().total() == null ? 0 : articles.hits().total().value(), latest,
            SearchService.buckets(articles.aggregations().get("year")), SearchService.buckets(articles.aggregations().get("source")));
    }

    /** The one fact of a top_hits aggregation of size 1. */
    static Fact latest(Aggregate topHits) {
        return topHits.topHits().hits().hits().get(0).source().to(Fact.class);
    }

    private Query filter(String metric, List<String> provinces, Integer year) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        if (metric != null) {
            b.filter(f -> f.term(t -> t.field("metric").value(metric)));
        }
        if (!provinces.isEmpty()) {
            List<FieldValue> values = provinces.stream().map(FieldValue::of).toList();
            b.filter(f -> f.bool(x -> x.should(s -> s.terms(t -> t.field("province").terms(v -> v.value(values))))
                .should(s -> s.terms(t -> t.field("provinceToday").terms(v -> v.value(values)))).minimumShouldMatch("1")));
        }
        if (year != null) {
            b.filter(f -> f.term(t -> t.field("year").value(year)));
        }
        return Query.of(q -> q.bool(b.build()));
    }

    private static Map<String, Long> counts(Aggregate a) {
        Map<String, Long> m = new LinkedHashMap<>();
        SearchService.buckets(a).forEach(b -> m.put(b.value(), b.count()));
        return m;
    }
}
