package portalkb.bench;

import portalkb.config.AppConfig;
import portalkb.core.Gazetteer;
import portalkb.search.FactAnalytics;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * {@code ./kb bench rank --docs N}: N generated articles indexed by our writer, then /api/rank's and
 * /api/trend's service beside a plain terms aggregation over the facts index (the provinces of one
 * metric), interleaved in one run; once as repeated requests (shard request cache) and once with the
 * request cache cleared before each.
 */
final class AnalyticsBench {

    /** The catalogue ids of the generator's metrics (ArticleGenerator.METRICS, in order). */
    private static final List<String> METRICS = List.of("health_insurance_coverage", "doctors_per_10k", "communes_health_standard",
        "malnutrition_stunting", "vaccination_third_dose", "private_practices", "new_techniques");

    private final int docs;
    private final int rounds;

    AnalyticsBench(int docs, int rounds) {
        this.docs = docs;
        this.rounds = rounds;
    }

    void run(Elastic elastic, AppConfig config, boolean reuse) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (reuse && elastic.client().count(c -> c.index(elastic.names().articles())).count() == docs) {
            System.out.printf("reusing the %,d articles already in the bench indices%n", docs);
        } else {
            GeneratedCorpus.write(elastic, docs, null, n -> System.out.printf("  %,d articles written%n", n));
            elastic.client().indices().forcemerge(f -> f.index(elastic.names().facts()).maxNumSegments(1L));
            System.out.printf("indexed %,d articles in %.0f s%n", docs, (System.nanoTime() - t0) / 1e9);
        }
        long facts = elastic.client().count(c -> c.index(elastic.names().facts())).count();
        System.out.printf("facts index: %,d facts%n", facts);
        FactAnalytics analytics = new FactAnalytics(elastic, config.analytics());
        List<String> provinces = Gazetteer.get().provinces().stream().map(Gazetteer.Province::name).toList();
        for (boolean cleared : new boolean[]{false, true}) {
            Latencies rank = new Latencies();
            Latencies rankLatest = new Latencies();
            Latencies trend = new Latencies();
            Latencies terms = new Latencies();
            Random random = new Random(7);
            for (int round = 0; round < rounds; round++) {
                for (String metric : METRICS) {
                    int year = ArticleGenerator.FIRST_YEAR + random.nextInt(ArticleGenerator.YEARS);
                    List<String> some = List.of(provinces.get(random.nextInt(provinces.size())), provinces.get(random.nextInt(provinces.size())),
                        provinces.get(random.nextInt(provinces.size())));
                    boolean measured = round > 0; // the first round warms the other caches for all
                    time(elastic, cleared, measured ? rank : null, () -> analytics.rank(metric, year, FactAnalytics.Order.DESC, 0));
                    time(elastic, cleared, measured ? rankLatest : null, () -> analytics.rank(metric, null, FactAnalytics.Order.DESC, 0));
                    time(elastic, cleared, measured ? trend : null, () -> analytics.trend(metric, some, null, null));
                    time(elastic, cleared, measured ? terms : null, () -> elastic.client().search(s -> s.index(elastic.names().facts()).size(0)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("metric").value(metric)))
                            .filter(f -> f.term(t -> t.field("year").value(year)))))
                        .aggregations("province", a -> a.terms(t -> t.field("province").size(100))), Void.class));
                }
            }
            System.out.printf("%n%-58s %8s %8s%n", (cleared ? "request cache cleared before each" : "repeated requests (request cache)")
                + " (" + rank.count() + " each, interleaved)", "p50 ms", "p95 ms");
            System.out.printf("%-58s %8.1f %8.1f%n", "rank, one year (FactAnalytics.rank)", rank.ms(50), rank.ms(95));
            System.out.printf("%-58s %8.1f %8.1f%n", "rank, each province's latest year", rankLatest.ms(50), rankLatest.ms(95));
            System.out.printf("%-58s %8.1f %8.1f%n", "trend, 3 provinces, all years (FactAnalytics.trend)", trend.ms(50), trend.ms(95));
            System.out.printf("%-58s %8.1f %8.1f%n", "plain terms aggregation (provinces of one metric and year)", terms.ms(50), terms.ms(95));
        }
    }

    private interface Call {
        Object run() throws IOException;
    }

    private static void time(Elastic elastic, boolean clearCache, Latencies into, Call call) throws IOException {
        if (clearCache) {
            elastic.client().indices().clearCache(c -> c.index(elastic.names().facts()).request(true));
        }
        long a = System.nanoTime();
        call.run();
        if (into != null) {
            into.add(System.nanoTime() - a);
        }
    }
}
