package portalkb.bench;

import co.elastic.clients.elasticsearch._types.FieldValue;
import portalkb.figures.FigureExtractor;
import portalkb.search.SearchRequest;
import portalkb.search.SearchService;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kb bench search --docs N}: N generated articles indexed by our writer, then the same queries
 * through /api/search's service (facets, highlights, filters), as a bare {@code match} on the same index, and as
 * the bare match with the same facets counted over its matches (one _msearch, like the service's: the like-for-like
 * baseline), interleaved in one run; plus figure-extraction throughput.
 */
final class SearchBench {

    static final List<String> QUERIES = List.of("bảo hiểm y tế", "bao hiem y te", "bác sĩ/vạn dân", "97,9", "\"trạm y tế\"",
        "suy dinh dưỡng thấp còi", "tiêm chủng mũi 3", "giường bệnh", "hồ sơ sức khỏe điện tử", "BHYT", "y tế cơ sở -covid",
        "khám chữa bệnh", "nhân lực y tế", "tỷ lệ bao phủ");

    private final int docs;
    private final int rounds;

    SearchBench(int docs, int rounds) {
        this.docs = docs;
        this.rounds = rounds;
    }

    void run(Elastic elastic, boolean reuse) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (reuse && elastic.client().count(c -> c.index(elastic.names().articles())).count() == docs) {
            System.out.printf("reusing the %,d articles already in the bench indices%n", docs);
        } else {
            GeneratedCorpus.write(elastic, docs, null, n -> { });
            elastic.client().indices().forcemerge(f -> f.index(elastic.names().articles()).maxNumSegments(1L));
            System.out.printf("indexed %,d articles in %.0f s%n", docs, (System.nanoTime() - t0) / 1e9);
        }

        SearchService search = new SearchService(elastic);
        Latencies ours = new Latencies();
        Latencies uncached = new Latencies();
        Latencies bare = new Latencies();
        Latencies bareWithFacets = new Latencies();
        Latencies hitsFirst = new Latencies();
        Latencies facetsAfter = new Latencies();
        for (int round = 0; round < rounds; round++) {
            for (String q : QUERIES) {
                SearchRequest request = new SearchRequest(q, List.of(), List.of(), List.of(), null, null, List.of(), 1, 10, SearchRequest.Sort.RELEVANCE);
                long a = System.nanoTime();
                search.search(request);
                long b = System.nanoTime();
                elastic.client().search(s -> s.index(elastic.names().articles()).size(10).query(x -> x.match(m -> m.field("body").query(q))), Void.class);
                long c = System.nanoTime();
                bareWithFacets(elastic, q);
                long c2 = System.nanoTime();
                // As the web page asks: the hits, then the total with the facets.
                search.hitsOnly(request);
                long c3 = System.nanoTime();
                search.facetsOnly(request);
                long c4 = System.nanoTime();
                // The same search as a first-time query: facets not from the shard request cache.
                elastic.client().indices().clearCache(cc -> cc.index(elastic.names().articles()).request(true));
                long d = System.nanoTime();
                search.search(request);
                long e = System.nanoTime();
                if (round > 0) { // the first round warms the other caches for all three
                    ours.add(b - a);
                    bare.add(c - b);
                    bareWithFacets.add(c2 - c);
                    hitsFirst.add(c3 - c2);
                    facetsAfter.add(c4 - c2);
                    uncached.add(e - d);
                }
            }
        }
        System.out.printf("%-50s %8s %8s%n", "query (" + ours.count() + " each, interleaved)", "p50 ms", "p95 ms");
        System.out.printf("%-50s %8.1f %8.1f%n", "/api/search service (facets, highlights)", ours.ms(50), ours.ms(95));
        System.out.printf("%-50s %8.1f %8.1f%n", "  the same, request cache cleared before each", uncached.ms(50), uncached.ms(95));
        System.out.printf("%-50s %8.1f %8.1f%n", "bare match on body", bare.ms(50), bare.ms(95));
        System.out.printf("%-50s %8.1f %8.1f%n", "as the web page asks: its hits (facets=false)", hitsFirst.ms(50), hitsFirst.ms(95));
        System.out.printf("%-50s %8.1f %8.1f%n", "  then the total with the facets (hits + facets)", facetsAfter.ms(50), facetsAfter.ms(95));
        System.out.printf("%-50s %8.1f %8.1f%n", "bare match + the same facets (one _msearch)", bareWithFacets.ms(50), bareWithFacets.ms(95));
        System.out.printf("p95 ratio ours / bare: %.2f (request cache cleared: %.2f)%n", ours.ms(95) / bare.ms(95), uncached.ms(95) / bare.ms(95));
        System.out.printf("p95 ratio ours / bare match with the same facets: %.2f%n", ours.ms(95) / bareWithFacets.ms(95));
        System.out.printf("p95 ratio hits as the web page gets them / bare: %.2f%n", hitsFirst.ms(95) / bare.ms(95));

        figureExtraction();
    }

    /** The bare match and the service's facets over its matches (size 0, exact total, no request cache), side by side. */
    private static void bareWithFacets(Elastic elastic, String q) throws IOException {
        String index = elastic.names().articles();
        elastic.client().msearch(m -> m
            .searches(item -> item.header(h -> h.index(index)).body(b -> b.size(10).query(x -> x.match(t -> t.field("body").query(q)))))
            .searches(item -> item.header(h -> h.index(index).requestCache(false)).body(b -> {
                b.size(0).trackTotalHits(t -> t.enabled(true)).query(x -> x.match(t -> t.field("body").query(q)));
                for (String field : List.of("province", "source", "year", "metrics")) {
                    b.aggregations(field, a -> a.terms(t -> t.field(field).size(70)));
                }
                return b.aggregations("type", a -> a.terms(t -> t.field("type").size(10).missing(FieldValue.of("html"))));
            })), Void.class);
    }

    private static void figureExtraction() {
        FigureExtractor extractor = new FigureExtractor();
        List<String> sentences = new ArrayList<>();
        ArticleGenerator sample = new ArticleGenerator(7);
        for (int i = 0; i < 2000; i++) {
            sentences.addAll(FigureExtractor.sentences(sample.next(i).body()));
        }
        long e0 = System.nanoTime();
        long figures = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (String sentence : sentences) {
                figures += extractor.extractSentence(sentence, 0, 2024).size();
            }
        }
        double seconds = (System.nanoTime() - e0) / 1e9;
        System.out.printf("figure extraction: %,.0f sentences/s (%,d sentences × 3, %,d figures)%n", sentences.size() * 3 / seconds, sentences.size(), figures);
    }
}
