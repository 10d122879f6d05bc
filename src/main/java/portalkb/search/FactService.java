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
import co.elastic.clients.json.JsonData;
import portalkb.core.BadParameterException;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.core.MetricCatalogue;
import portalkb.core.Provinces;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
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
        if (!m.equals("other") && MetricCatalogue.get().byId(m).isEmpty()) {
            throw new BadParameterException(parameter, "unknown metric '" + m + "' (known: "
                + String.join(", ", MetricCatalogue.get().metrics().stream().map(MetricCatalogue.Metric::id).toList()) + ", other)");
        }
        return m;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Map<String, Object>> facts(String metric, List<String> provinces, Integer year, int size) throws IOException {
        Query query = filter(metric, provinces, year);
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().facts()).query(query)
            .size(Math.min(size, MAX_ROWS))
            .sort(o -> o.field(f -> f.field("year").order(SortOrder.Desc).missing("_last")))
            .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc).missing("_last"))), Map.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> row = new LinkedHashMap<>(hit.source());
            row.put("id", hit.id());
            rows.add(row);
        }
        return rows;
    }

    /** One value per province and year: the fact from the most recently published article. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Map<String, Object> compare(String metric, List<String> provinces) throws IOException {
        if (metric == null) {
            throw new BadParameterException("metric", "required");
        }
        if (provinces.isEmpty()) {
            throw new BadParameterException("provinces", "name at least one province");
        }
        Query query = filter(metric, provinces, null);
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().facts()).query(query).size(0)
            .aggregations("province", a -> a.terms(t -> t.field("province").size(100))
                .aggregations("year", y -> y.terms(t -> t.field("year").size(100))
                    .aggregations("latest", l -> l.topHits(h -> h.size(1)
                        .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc))))))), Map.class);
        Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
        provinces.forEach(p -> series.put(p, new ArrayList<>()));
        for (StringTermsBucket p : response.aggregations().get("province").sterms().buckets().array()) {
            List<Map<String, Object>> points = series.computeIfAbsent(p.key().stringValue(), k -> new ArrayList<>());
            for (LongTermsBucket y : p.aggregations().get("year").lterms().buckets().array()) {
                Hit<JsonData> top = y.aggregations().get("latest").topHits().hits().hits().get(0);
                Map<String, Object> fact = top.source().to(Map.class);
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("year", y.key());
                point.put("value", fact.get("value"));
                point.put("unit", fact.get("unit"));
                point.put("text", fact.get("text"));
                point.put("articleId", fact.get("articleId"));
                point.put("url", fact.get("url"));
                point.put("title", fact.get("title"));
                point.put("source", fact.get("source"));
                point.put("published", fact.get("published"));
                points.add(point);
            }
            points.sort((a, b) -> Long.compare(((Number) a.get("year")).longValue(), ((Number) b.get("year")).longValue()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", metric);
        out.put("name", MetricCatalogue.get().byId(metric).map(MetricCatalogue.Metric::name).orElse(metric));
        List<Map<String, Object>> list = new ArrayList<>();
        series.forEach((province, points) -> list.add(Map.of("province", province, "points", points)));
        out.put("series", list);
        return out;
    }

    /** All 63 provinces (as they were) and the 34 of today, with article counts. */
    public Map<String, Object> provinces() throws IOException {
        SearchResponse<Void> response = elastic.client().search(s -> s.index(elastic.names().articles()).size(0)
            .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicateOf")))))
            .aggregations("province", a -> a.terms(t -> t.field("province").size(100)))
            .aggregations("today", a -> a.terms(t -> t.field("provinceToday").size(100))), Void.class);
        Map<String, Long> then = counts(response.aggregations().get("province"));
        Map<String, Long> today = counts(response.aggregations().get("today"));
        Gazetteer g = Gazetteer.get();
        List<Map<String, Object>> before = new ArrayList<>();
        for (Province p : g.provinces()) {
            before.add(row(p, then.getOrDefault(p.name(), 0L), g.today(p).name()));
        }
        List<Map<String, Object>> now = new ArrayList<>();
        for (Province p : g.provincesToday()) {
            now.add(row(p, today.getOrDefault(p.name(), 0L), p.name()));
        }
        return Map.of("provinces", before, "today", now);
    }

    private static Map<String, Object> row(Province p, long count, String today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("today", today);
        m.put("articles", count);
        return m;
    }

    /** Latest figure per metric, article counts by year, sources. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Map<String, Object> province(String idOrName) throws IOException {
        String name = Provinces.resolve("id", List.of(idOrName)).get(0);
        Province p = Gazetteer.get().resolve(name).orElseThrow();
        Query byProvince = Query.of(q -> q.bool(b -> b.should(s -> s.term(t -> t.field("province").value(name)))
            .should(s -> s.term(t -> t.field("provinceToday").value(name))).minimumShouldMatch("1")));
        SearchResponse<Map> facts = elastic.client().search(s -> s.index(elastic.names().facts()).size(0)
            .query(q -> q.bool(b -> b.filter(byProvince).mustNot(m -> m.term(t -> t.field("metric").value("other")))))
            .aggregations("metric", a -> a.terms(t -> t.field("metric").size(50))
                .aggregations("latest", l -> l.topHits(h -> h.size(1)
                    .sort(o -> o.field(f -> f.field("year").order(SortOrder.Desc).missing("_last")))
                    .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc)))))), Map.class);
        List<Map<String, Object>> latest = new ArrayList<>();
        for (StringTermsBucket b : facts.aggregations().get("metric").sterms().buckets().array()) {
            Map<String, Object> fact = new LinkedHashMap<>(b.aggregations().get("latest").topHits().hits().hits().get(0).source().to(Map.class));
            fact.put("name", MetricCatalogue.get().byId(b.key().stringValue()).map(MetricCatalogue.Metric::name).orElse(b.key().stringValue()));
            latest.add(fact);
        }
        SearchResponse<Void> articles = elastic.client().search(s -> s.index(elastic.names().articles()).size(0)
            .query(q -> q.bool(b -> b.filter(byProvince).mustNot(m -> m.exists(e -> e.field("duplicateOf")))))
            .aggregations("year", a -> a.terms(t -> t.field("year").size(100)))
            .aggregations("source", a -> a.terms(t -> t.field("source").size(50))), Void.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("today", Gazetteer.get().today(p).name());
        out.put("articles", articles.hits().total() == null ? 0 : articles.hits().total().value());
        out.put("latestFigures", latest);
        out.put("articlesByYear", SearchService.buckets(articles.aggregations().get("year")));
        out.put("sources", SearchService.buckets(articles.aggregations().get("source")));
        return out;
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
