package portalkb.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationCollectMode;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import portalkb.config.AppConfig;
import portalkb.figures.MetricCatalogue;
import portalkb.search.Analysis.FigureCell;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Province × metric × year cells of the facts index: per cell the latest article's report and the distinct values
 * stated. Only cells with more than one value are read fact by fact (see {@link Disagreements}), so consistent cells
 * cost one aggregation bucket each. The cells are read a page at a time (a composite aggregation, {@code after_key}):
 * one search holds at most {@code cellsPerSearch} of them, however many there are (search.max_buckets counts every
 * cell, year and value bucket of a response).
 */
final class ReportCells {

    /**
     * What to aggregate; null means any. {@code latestYearOnly}: each province's most recent year only;
     * {@code withYears}: also every year with a figure (for a year picker).
     */
    record Request(String metric, String unit, List<String> provinces, Integer year, Integer from, Integer to, boolean latestYearOnly,
                   boolean withYears) {
    }

    /** {@code years}: with {@code withYears}, every year with a figure of the metric (whatever the year asked for), latest first. */
    record Result(List<FigureCell> cells, boolean complete, List<Integer> years) {
    }

    private final Elastic elastic;
    private final int valuesPerCell;
    private final int cellsPerSearch;
    private final Disagreements disagreements;

    ReportCells(Elastic elastic, AppConfig.Analytics limits) {
        this.elastic = elastic;
        this.valuesPerCell = limits.valuesPerCell();
        this.cellsPerSearch = limits.cellsPerSearch();
        this.disagreements = new Disagreements(elastic, limits.conflictFacts());
    }

    Result find(Request r) throws IOException {
        Query filter = filter(r);
        boolean counts = r.metric() != null && MetricCatalogue.get().describe(r.metric())
            .map(m -> m.quantity() == MetricCatalogue.Kind.COUNT).orElse(false);
        List<Integer> years = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Map<String, FieldValue> after = null;
        do {
            SearchResponse<Void> response = page(r, filter, counts, after);
            if (after == null && r.withYears()) {
                response.aggregations().get("years").global().aggregations().get("metric").filter().aggregations().get("year").lterms().buckets()
                    .array().forEach(b -> years.add((int) b.key()));
            }
            CompositeAggregate cells = response.aggregations().get("cells").composite();
            for (CompositeBucket bucket : cells.buckets().array()) {
                found(bucket, r.latestYearOnly()).ifPresent(found::add);
            }
            // A page short of full is the last; a full one may be too, and the next page comes back empty.
            after = cells.buckets().array().size() < cellsPerSearch ? null : cells.afterKey();
        } while (after != null && !after.isEmpty());
        List<FigureCell> cells = new ArrayList<>();
        Map<Disagreements.Key, Integer> at = new HashMap<>();
        Map<Disagreements.Key, Long> candidates = new LinkedHashMap<>();
        for (Found f : found) {
            cells.add(f.cell());
            if (f.disagrees()) {
                Disagreements.Key key = new Disagreements.Key(f.cell().metric(), f.cell().province(), f.cell().year());
                at.put(key, cells.size() - 1);
                candidates.put(key, f.docs());
            }
        }
        Disagreements.Settled settled = disagreements.settle(filter, candidates);
        settled.cells().forEach((key, cell) -> cells.set(at.get(key), cell));
        return new Result(cells, settled.complete(), years);
    }

    /** One page of cells after {@code after} (null: the first, which also brings the years when asked for). */
    private SearchResponse<Void> page(Request r, Query filter, boolean counts, Map<String, FieldValue> after) throws IOException {
        return elastic.client().search(s -> {
            s.index(elastic.names().facts()).size(0).requestCache(true).query(filter)
                .aggregations("cells", a -> {
                    var cells = a.composite(c -> {
                        c.size(cellsPerSearch).sources(r.latestYearOnly() ? List.of(source("metric"), source("province"))
                            : List.of(source("metric"), source("province"), source("year")));
                        return after == null ? c : c.after(after);
                    });
                    // The latest year only: a pair's years, breadth first, so the reports are read for that year's bucket alone.
                    return r.latestYearOnly()
                        ? cells.aggregations("year", y -> y.terms(t -> t.field("year").size(1).order(NamedValue.of("_key", SortOrder.Desc))
                            .collectMode(TermsAggregationCollectMode.BreadthFirst)).aggregations(perCell(counts)))
                        : cells.aggregations(perCell(counts));
                });
            if (after == null && r.withYears()) {
                s.aggregations("years", y -> y.global(g -> g)
                    .aggregations("metric", m -> m.filter(yearsFilter(r))
                        .aggregations("year", t -> t.terms(x -> x.field("year").size(200).order(NamedValue.of("_key", SortOrder.Desc))))));
            }
            return s;
        }, Void.class);
    }

    private static NamedValue<CompositeAggregationSource> source(String field) {
        return NamedValue.of(field, CompositeAggregationSource.of(x -> x.terms(t -> t.field(field))));
    }

    /** Per cell: the latest article's report, and whether more than one value is stated. */
    private Map<String, Aggregation> perCell(boolean counts) {
        return Map.of("latest", Aggregation.of(l -> l.topHits(h -> h.size(1).sort(reportOrder(counts)))),
            "values", Aggregation.of(v -> v.terms(t -> t.field("value").size(valuesPerCell))));
    }

    /** A cell as aggregated: {@code docs}, its facts. */
    private record Found(FigureCell cell, long docs, boolean disagrees) {
    }

    private static java.util.Optional<Found> found(CompositeBucket bucket, boolean latestYearOnly) {
        Map<String, Aggregate> aggregations = bucket.aggregations();
        long docs = bucket.docCount();
        if (latestYearOnly) {
            List<LongTermsBucket> latestYear = bucket.aggregations().get("year").lterms().buckets().array();
            if (latestYear.isEmpty()) { // the pair's figures have no year
                return java.util.Optional.empty();
            }
            aggregations = latestYear.get(0).aggregations();
            docs = latestYear.get(0).docCount();
        }
        Analysis.Report report = Analysis.Report.of(FactService.latest(aggregations.get("latest")));
        FigureCell cell = new FigureCell(report.metric(), report.province(), report.provinceToday(), null, report.year(), report,
            List.of(new Analysis.StatedValue(report.value(), 1, report)));
        return java.util.Optional.of(new Found(cell, docs, aggregations.get("values").dterms().buckets().array().size() > 1));
    }

    /** Share of a question's words a measure must hold, and of the measure's words the question must. */
    private static final double QUESTION_COVERED = 0.6;
    private static final double MEASURE_COVERED = 0.5;

    /** See {@link FactAnalytics#openMeasure}. */
    java.util.Optional<String> openMeasure(List<String> words, boolean share) throws IOException {
        if (words.isEmpty()) {
            return java.util.Optional.empty();
        }
        Query filter = Query.of(q -> q.bool(b -> b.filter(filter(new Request(null, null, List.of(), null, null, null, false, false)))
            .filter(f -> f.terms(t -> t.field("measureWords").terms(v -> v.value(words.stream().map(FieldValue::of).toList()))))));
        // a measure's words: an open key's own, or the words its figures' phrases write most (a catalogued metric)
        SearchResponse<Void> response = elastic.client().search(s -> s.index(elastic.names().facts()).size(0).query(filter)
            .aggregations("metric", m -> m.terms(t -> t.field("metric").size(200))
                .aggregations("words", w -> w.terms(t -> t.field("measureWords").size(12)))), Void.class);
        String best = null;
        double bestScore = 0;
        long bestCount = 0;
        for (StringTermsBucket b : response.aggregations().get("metric").sterms().buckets().array()) {
            String key = b.key().stringValue();
            boolean open = portalkb.figures.MeasureKeys.isOpen(key);
            boolean isShare = open ? portalkb.figures.MeasureKeys.unitClassOf(key).equals("pct")
                : MetricCatalogue.get().byId(key).map(m -> m.quantity() != MetricCatalogue.Kind.COUNT).orElse(false);
            if (share != isShare) {
                continue;
            }
            List<String> keyWords = open ? portalkb.figures.MeasureKeys.wordsOf(key)
                : b.aggregations().get("words").sterms().buckets().array().stream()
                    .filter(w -> w.docCount() * 2 >= b.docCount()).map(w -> w.key().stringValue()).toList();
            if (keyWords.isEmpty()) {
                continue;
            }
            long shared = keyWords.stream().filter(words::contains).count();
            double ofQuestion = (double) shared / words.size();
            double ofMeasure = (double) shared / keyWords.size();
            double score = ofQuestion * ofMeasure;
            if (ofQuestion >= QUESTION_COVERED && ofMeasure >= MEASURE_COVERED
                && (score > bestScore || score == bestScore && b.docCount() > bestCount)) {
                best = key;
                bestScore = score;
                bestCount = b.docCount();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** The latest article first; within it the largest count, or the first share or rate it states. */
    static List<SortOptions> reportOrder(boolean counts) {
        List<SortOptions> order = new ArrayList<>();
        order.add(SortOptions.of(o -> o.field(f -> f.field("published").order(SortOrder.Desc).missing("_last"))));
        order.add(SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))));
        order.add(counts ? SortOptions.of(o -> o.field(f -> f.field("value").order(SortOrder.Desc)))
            : SortOptions.of(o -> o.field(f -> f.field("sentenceOffset").order(SortOrder.Asc).missing("_last"))));
        return order;
    }

    /** The request's filter without its years: which years have figures at all. */
    private static Query yearsFilter(Request r) {
        return filter(new Request(r.metric(), r.unit(), r.provinces(), null, null, null, false, false));
    }

    private static final List<String> NOT_LEVELS = List.of("target", "change", "comparison");
    private static final List<String> OTHER_PLACES = List.of("district", "commune", "national", "other-province", "facility");

    private static Query filter(Request r) {
        // A district portal's figures are the district's, not its province's; a target, a change, a comparison or another
        // place's figure is no level of the province (facts stored before the clause reader have no role: results).
        BoolQuery.Builder b = new BoolQuery.Builder().mustNot(f -> f.exists(e -> e.field("district")))
            .mustNot(f -> f.terms(t -> t.field("role").terms(v -> v.value(NOT_LEVELS.stream().map(FieldValue::of).toList()))))
            .mustNot(f -> f.terms(t -> t.field("level").terms(v -> v.value(OTHER_PLACES.stream().map(FieldValue::of).toList()))));
        if (r.metric() != null) {
            b.filter(f -> f.term(t -> t.field("metric").value(r.metric())));
        } else {
            b.mustNot(f -> f.term(t -> t.field("metric").value(MetricCatalogue.OTHER)));
        }
        if (r.unit() != null) {
            b.filter(f -> f.term(t -> t.field("unit").value(r.unit())));
        }
        if (r.provinces() != null && !r.provinces().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("province").terms(v -> v.value(r.provinces().stream().map(FieldValue::of).toList()))));
        }
        if (r.year() != null) {
            b.filter(f -> f.term(t -> t.field("year").value(r.year())));
        }
        if (r.from() != null || r.to() != null) {
            b.filter(f -> f.range(x -> x.number(n -> {
                n.field("year");
                if (r.from() != null) {
                    n.gte((double) r.from());
                }
                if (r.to() != null) {
                    n.lte((double) r.to());
                }
                return n;
            })));
        }
        return Query.of(q -> q.bool(b.build()));
    }
}
