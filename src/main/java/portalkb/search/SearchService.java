package portalkb.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.util.ObjectBuilder;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Article search: the {@link ArticleQuery} run as a page of highlighted hits and a set of facets, and
 * every match exported page by page — all done by Elasticsearch.
 */
public final class SearchService {

    public static final int MAX_EXPORT = 50_000;
    private static final int RESCORE_WINDOW = 50;
    /** What a hit shows ({@link #toHit}): only these are read from each hit's source. */
    private static final List<String> HIT_FIELDS = List.of("url", "title", "source", "sourceName", "province", "provinceToday",
        "provinces", "published", "type", "linkedFrom");
    private static final Map<String, String> FACETS = Map.of("province", "provinces", "source", "source", "year", "year", "metric", "metrics");
    /** The province facet's bucket of articles without a confident province (a national outlet's article about the country). */
    public static final String NO_PROVINCE = "none";


    private final Elastic elastic;

    public SearchService(Elastic elastic) {
        this.elastic = elastic;
    }

    /**
     * One _msearch of two searches the node runs side by side: the page (scored, highlighted, totals not
     * counted, so it can skip non-competitive matches) and the facets (size 0: every match counted
     * exactly and aggregated, no scoring, answered from the shard request cache while the index is
     * unchanged, e.g. when paging).
     */
    public SearchResult search(SearchRequest request) throws IOException {
        MsearchResponse<Article> response = elastic.client().msearch(m -> m
            .searches(item -> item.header(h -> h.index(index())).body(page(request, ArticleQuery.of(request))))
            .searches(item -> item.header(h -> h.index(index()).requestCache(true)).body(facets(request))), Article.class);
        ResponseBody<Article> page = result(response.responses().get(0));
        ResponseBody<Article> facets = result(response.responses().get(1));
        return new SearchResult(total(facets), false, Math.max(page.took(), facets.took()), request.page(), request.size(),
            hits(page), facets(facets), notices(request));
    }

    /**
     * The page alone, without total or facets: what a reader waits for. Counting every match for the facets
     * costs more than finding the best ten (2× a bare match at p95 by itself, docs/BENCHMARKS.md), so the web page
     * asks for it apart ({@link #facetsOnly}) and shows the results as soon as they come.
     */
    public SearchResult hitsOnly(SearchRequest request) throws IOException {
        ResponseBody<Article> page = result(elastic.client().msearch(m -> m
            .searches(item -> item.header(h -> h.index(index())).body(page(request, ArticleQuery.of(request)))), Article.class)
            .responses().get(0));
        return new SearchResult(null, false, page.took(), request.page(), request.size(), hits(page), null, notices(request));
    }

    /** The exact total and the facets of a search, without its page of hits. */
    public SearchResult facetsOnly(SearchRequest request) throws IOException {
        ResponseBody<Article> facets = result(elastic.client().msearch(m -> m
            .searches(item -> item.header(h -> h.index(index()).requestCache(true)).body(facets(request))), Article.class)
            .responses().get(0));
        return new SearchResult(total(facets), false, facets.took(), request.page(), request.size(), List.of(), facets(facets),
            notices(request));
    }

    /** What the query's text had that is no syntax here (null when nothing: the field is left out). */
    private static List<UserQuery.Notice> notices(SearchRequest request) {
        List<UserQuery.Notice> notices = UserQuery.parse(request.q()).notices();
        return notices.isEmpty() ? null : notices;
    }

    private String index() {
        return elastic.names().articles();
    }

    /** The facets search: the match set only (no scoring), every match counted, five terms aggregations. */
    private static Function<SearchRequestBody.Builder, ObjectBuilder<SearchRequestBody>> facets(SearchRequest request) {
        return b -> {
            b.query(ArticleQuery.matchSet(request)).size(0).trackTotalHits(t -> t.enabled(true));
            FACETS.forEach((name, field) -> b.aggregations(name, a -> a.terms(t -> t.field(field).size(70))));
            // An outlet is shown by its name, not the crawler's id: the name its articles were stored with.
            b.aggregations("source", a -> a.terms(t -> t.field("source").size(70))
                .aggregations("name", n -> n.terms(t -> t.field("sourceName").size(1))));
            // Articles stored before their provinces were read have only "province"; those without either have none confident.
            b.aggregations("provinceLegacy", a -> a.filter(f -> f.bool(x -> x.mustNot(n -> n.exists(e -> e.field("provinces")))))
                .aggregations("province", t -> t.terms(x -> x.field("province").size(70).missing(FieldValue.of(NO_PROVINCE)))));
            // File type: articles stored before documents were read have none, and are HTML.
            b.aggregations("type", a -> a.terms(t -> t.field("type").size(10).missing(FieldValue.of("html"))));
            return b;
        };
    }

    private static List<SearchResult.Hit> hits(ResponseBody<Article> page) {
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<Article> hit : page.hits().hits()) {
            hits.add(toHit(hit));
        }
        return hits;
    }

    private static Map<String, List<SearchResult.Bucket>> facets(ResponseBody<Article> facets) {
        Map<String, List<SearchResult.Bucket>> out = new LinkedHashMap<>();
        for (String name : List.of("province", "source", "year", "metric", "type")) {
            out.put(name, buckets(facets.aggregations().get(name)));
        }
        Aggregate legacy = facets.aggregations().get("provinceLegacy");
        if (legacy != null && legacy.isFilter()) {
            out.put("province", merged(out.get("province"), buckets(legacy.filter().aggregations().get("province"))));
        }
        return out;
    }

    /** Two bucket lists as one, counts of the same value added, largest first ("none" last). */
    static List<SearchResult.Bucket> merged(List<SearchResult.Bucket> a, List<SearchResult.Bucket> b) {
        Map<String, Long> counts = new LinkedHashMap<>();
        a.forEach(x -> counts.merge(x.value(), x.count(), Long::sum));
        b.forEach(x -> counts.merge(x.value(), x.count(), Long::sum));
        List<SearchResult.Bucket> out = new ArrayList<>();
        counts.forEach((v, c) -> out.add(new SearchResult.Bucket(v, c)));
        out.sort((x, y) -> NO_PROVINCE.equals(x.value()) != NO_PROVINCE.equals(y.value())
            ? (NO_PROVINCE.equals(x.value()) ? 1 : -1) : Long.compare(y.count(), x.count()));
        return out;
    }

    private static long total(ResponseBody<Article> facets) {
        return facets.hits().total() == null ? 0 : facets.hits().total().value();
    }

    /** The page of hits: highlights from a plain match on the highlighted field, word-order boosts as a rescore of the best hits. */
    private static Function<SearchRequestBody.Builder, ObjectBuilder<SearchRequestBody>> page(SearchRequest request, Query query) {
        List<Query> phraseBoosts = ArticleQuery.phraseBoosts(request);
        String words = UserQuery.parse(request.q()).text();
        // One title and one body field, the ones the user's spelling matches: highlighting both cost a third of the query.
        boolean folded = ArticleQuery.withoutDiacritics(request.q());
        String title = folded ? "title.folded" : "title";
        String body = folded ? "body.folded" : "body";
        boolean rescored = request.sort() == SearchRequest.Sort.RELEVANCE && !phraseBoosts.isEmpty();
        return b -> {
            b.query(query).trackTotalHits(t -> t.enabled(false)).from((request.page() - 1) * request.size()).size(request.size())
                .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>").fields(List.of(
                    NamedValue.of(title, highlightField(title, words, f -> f.numberOfFragments(0))),
                    NamedValue.of(body, highlightField(body, words, f -> f.fragmentSize(180).numberOfFragments(2).noMatchSize(200))))));
            if (rescored) {
                // Word-order boosts only re-rank the best hits instead of being evaluated on every match. The match_all
                // (adding 0) lets the rescorer step straight onto each hit: alone, a phrase checked word positions in
                // every article holding all the words on the way to the next hit (p95 21 → 12 ms at 100,000 articles,
                // the same hits and scores: docs/BENCHMARKS.md).
                b.rescore(r -> r.windowSize(RESCORE_WINDOW).query(rq -> rq.query(x -> x.bool(q -> q.should(phraseBoosts)
                    .should(s -> s.matchAll(all -> all.boost(0f)))))));
            } else {
                sort(b, request.sort(), request.q()); // a rescored search is in score order (ES refuses sort + rescore)
            }
            return b;
        };
    }

    /** Highlighting the user's words with a plain match on the field costs a fraction of re-running the whole query there. */
    private static HighlightField highlightField(String field, String words, Function<HighlightField.Builder, HighlightField.Builder> options) {
        return HighlightField.of(f -> {
            options.apply(f);
            if (!words.isBlank()) {
                f.highlightQuery(q -> q.match(m -> m.field(field).query(words)));
            }
            return f;
        });
    }

    private static ResponseBody<Article> result(MultiSearchResponseItem<Article> item) throws IOException {
        if (item.isFailure()) {
            throw new IOException("search failed: " + item.failure().error().reason());
        }
        return item.result();
    }

    /** Every matching article, newest first, through search_after (no deep-paging limit up to MAX_EXPORT). */
    public long export(SearchRequest request, Consumer<Article> row) throws IOException {
        return export(request, row, page -> { });
    }

    /** The same; {@code beforePage} is told of each page (1, 2, …) before it is asked for, and may end the export by throwing. */
    public long export(SearchRequest request, Consumer<Article> row, java.util.function.IntConsumer beforePage) throws IOException {
        Query query = ArticleQuery.of(request);
        List<FieldValue> after = null;
        long written = 0;
        for (int pageNumber = 1; written < MAX_EXPORT; pageNumber++) {
            beforePage.accept(pageNumber);
            List<FieldValue> searchAfter = after;
            SearchResponse<Article> page = elastic.client().search(s -> {
                s.index(elastic.names().articles()).query(query).size(1000)
                    .source(src -> src.filter(f -> f.includes("id", "url", "title", "source", "sourceName", "province",
                        "provinceToday", "provinces", "district", "published", "metrics")))
                    .sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc).missing("_last")))
                    .sort(o -> o.field(f -> f.field("id")));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Article.class);
            List<Hit<Article>> hits = page.hits().hits();
            for (Hit<Article> hit : hits) {
                row.accept(hit.source());
                written++;
            }
            if (hits.size() < 1000) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        return written;
    }

    private static void sort(SearchRequestBody.Builder s, SearchRequest.Sort sort, String q) {
        boolean noText = UserQuery.parse(q).isEmpty();
        if (sort == SearchRequest.Sort.RELEVANCE && !noText) {
            s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
        }
        SortOrder order = sort == SearchRequest.Sort.OLDEST ? SortOrder.Asc : SortOrder.Desc;
        s.sort(o -> o.field(f -> f.field("published").order(order).missing("_last")));
    }

    private static SearchResult.Hit toHit(Hit<Article> hit) {
        Article a = hit.source();
        Map<String, List<String>> hl = hit.highlight();
        List<String> fragments = hl.getOrDefault("body", hl.getOrDefault("body.folded", List.of()));
        List<Article.Link> linkedFrom = a.linkedFrom() == null ? List.of() : a.linkedFrom();
        return new SearchResult.Hit(hit.id(), a.url(), a.title(), a.source(), a.sourceName(), a.province(), a.provinceToday(),
            a.provincesOrOwn(), a.published(), String.join(" … ", fragments), hit.score(), a.typeOrHtml(), linkedFrom);
    }

    static List<SearchResult.Bucket> buckets(Aggregate aggregate) {
        List<SearchResult.Bucket> out = new ArrayList<>();
        if (aggregate == null) {
            return out;
        }
        if (aggregate.isSterms()) {
            aggregate.sterms().buckets().array().forEach(b -> out.add(new SearchResult.Bucket(b.key().stringValue(), b.docCount(), label(b))));
        } else if (aggregate.isLterms()) {
            aggregate.lterms().buckets().array().forEach(b -> out.add(new SearchResult.Bucket(Long.toString(b.key()), b.docCount())));
        }
        return out;
    }

    /** A bucket's name from its "name" sub-aggregation (the source facet's outlet name), or null. */
    private static String label(co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket b) {
        Aggregate names = b.aggregations().get("name");
        if (names == null || !names.isSterms() || names.sterms().buckets().array().isEmpty()) {
            return null;
        }
        return names.sterms().buckets().array().get(0).key().stringValue();
    }

    static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
    }

    static JsonData json(Object o) {
        return JsonData.of(o);
    }
}
