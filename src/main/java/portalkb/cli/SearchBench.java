package portalkb.cli;

import portalkb.extract.FigureExtractor;
import portalkb.index.ArticleGenerator;
import portalkb.index.ArticleWriter;
import portalkb.index.BulkIndexer;
import portalkb.search.SearchRequest;
import portalkb.search.SearchService;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kb bench search --docs N}: N generated articles indexed by our writer, then the same queries
 * through /api/search's service (facets, highlights, filters) and as a bare {@code match} on the same
 * index, interleaved in one run; plus figure-extraction throughput.
 */
final class SearchBench {

    private static final List<String> QUERIES = List.of("bảo hiểm y tế", "bao hiem y te", "bác sĩ/vạn dân", "97,9", "\"trạm y tế\"",
        "suy dinh dưỡng thấp còi", "tiêm chủng mũi 3", "giường bệnh", "hồ sơ sức khỏe điện tử", "BHYT", "y tế cơ sở -covid",
        "khám chữa bệnh", "nhân lực y tế", "tỷ lệ bao phủ");

    private final int docs;
    private final int rounds;

    SearchBench(int docs, int rounds) {
        this.docs = docs;
        this.rounds = rounds;
    }

    void run(Elastic elastic) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ArticleGenerator generator = new ArticleGenerator(42);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            ArticleWriter writer = new ArticleWriter(elastic, bulk, false);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < docs; i++) {
                batch.add(generator.next(i));
                if (batch.size() == 500) {
                    writer.write(batch, true);
                    batch.clear();
                }
            }
            writer.write(batch, true);
        }
        elastic.client().indices().refresh(r -> r.index(elastic.names().alias("*")));
        elastic.client().indices().forcemerge(f -> f.index(elastic.names().articles()).maxNumSegments(1L));
        System.out.printf("indexed %,d articles in %.0f s%n", docs, (System.nanoTime() - t0) / 1e9);

        SearchService search = new SearchService(elastic);
        List<Long> ours = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String q : QUERIES) {
                long a = System.nanoTime();
                search.search(new SearchRequest(q, List.of(), List.of(), List.of(), null, null, List.of(), 1, 10, SearchRequest.Sort.RELEVANCE));
                long b = System.nanoTime();
                elastic.client().search(s -> s.index(elastic.names().articles()).size(10).query(x -> x.match(m -> m.field("body").query(q))), Void.class);
                long c = System.nanoTime();
                if (round > 0) { // the first round warms caches for both
                    ours.add(b - a);
                    bare.add(c - b);
                }
            }
        }
        Collections.sort(ours);
        Collections.sort(bare);
        System.out.printf("%-44s %8s %8s%n", "query (" + ours.size() + " each, interleaved)", "p50 ms", "p95 ms");
        System.out.printf("%-44s %8.1f %8.1f%n", "/api/search service (facets, highlights)", ms(ours, 50), ms(ours, 95));
        System.out.printf("%-44s %8.1f %8.1f%n", "bare match on body", ms(bare, 50), ms(bare, 95));
        System.out.printf("p95 ratio ours / bare: %.2f%n", ms(ours, 95) / ms(bare, 95));

        FigureExtractor extractor = new FigureExtractor();
        List<String> sentences = new ArrayList<>();
        ArticleGenerator sample = new ArticleGenerator(7);
        for (int i = 0; i < 2000; i++) {
            sentences.addAll(FigureExtractor.sentences(String.valueOf(sample.next(i).get("body"))));
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

    private static double ms(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
