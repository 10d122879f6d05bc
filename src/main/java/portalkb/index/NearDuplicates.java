package portalkb.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import portalkb.store.Article;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds an already indexed article that tells the same story (the same text syndicated on two sites):
 * 64-bit SimHash within {@value #MAX_DISTANCE} bits. Candidates come from four 16-bit bands stored as
 * keywords: two hashes that close share at least one band exactly (pigeonhole), so one query finds them,
 * those sharing the most bands first. Articles written moments ago, not yet searchable, are found in an
 * in-memory table; when it fills, the articles index is refreshed and the entries whose writes were
 * acknowledged before are dropped (the index answers for them now). Its size is bounded by the writes in
 * flight, not by the corpus, and no copy is missed however long ago its original was written in the same
 * load (a bulk load turns refreshing off).
 */
final class NearDuplicates {

    static final int MAX_DISTANCE = 3;
    /** Entries of the in-memory table before the index is made to answer for the acknowledged ones. */
    static final int RECENT = 20_000;
    private static final int INDEXED_PER_REQUEST = 500;

    private final Elastic elastic;
    private final int capacity;
    /** Id → SimHash and the acknowledgement of the article's writes, oldest first. */
    private final Map<String, Recent> recent = new LinkedHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Articles remembered since the table was last looked at for a hand-over (guarded by {@code recent}). */
    private int sinceLook;
    /** Band → id → SimHash as a number: the in-memory check compares many candidates per article, so each is parsed once. */
    private final Map<String, Map<String, Long>> recentByBand = new HashMap<>();
    private final Map<String, String> originalOf = new HashMap<>();
    private final Batcher<Lookup, String> lookups = new Batcher<>(64, this::search);
    /** Ids of articles moved away in this writer's lifetime (one crawl): few, so kept whole. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    private record Lookup(String id, String simhash) {
    }

    private record Recent(String simhash, CompletableFuture<Void> stored) {
    }

    NearDuplicates(Elastic elastic) {
        this(elastic, RECENT);
    }

    /** {@code capacity}: entries of the in-memory table before the index is refreshed to take them over (tests: a few). */
    NearDuplicates(Elastic elastic, int capacity) {
        this.elastic = elastic;
        this.capacity = capacity;
    }

    static List<String> bands(String simhashHex) {
        List<String> bands = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            bands.add(i + ":" + simhashHex.substring(i * 4, i * 4 + 4));
        }
        return bands;
    }

    /** Id of the original of the earlier article {@code simhash} nearly equals, or null. */
    String find(String id, String simhash) throws IOException {
        String recentOriginal = findRecent(id, simhash);
        return recentOriginal != null ? recentOriginal : lookups.call(new Lookup(id, simhash));
    }

    /**
     * As {@link #find}, for an article of a batch whose index lookups were made together ({@link #findIndexed}):
     * articles written moments ago (earlier ones of the same batch included) first, then the index's answer.
     */
    String find(String id, String simhash, Map<String, String> indexedOriginals) {
        String recentOriginal = findRecent(id, simhash);
        return recentOriginal != null ? recentOriginal : indexedOriginals.get(id);
    }

    /**
     * The originals the index holds for many articles (id → SimHash), by id (absent: none), in one {@code _msearch}
     * per {@value #INDEXED_PER_REQUEST}: a batch of an import would otherwise wait for one round trip per article.
     */
    Map<String, String> findIndexed(Map<String, String> simhashById) throws IOException {
        List<Lookup> all = simhashById.entrySet().stream().map(e -> new Lookup(e.getKey(), e.getValue())).toList();
        Map<String, String> originals = new HashMap<>();
        for (int from = 0; from < all.size(); from += INDEXED_PER_REQUEST) {
            List<Lookup> chunk = all.subList(from, Math.min(all.size(), from + INDEXED_PER_REQUEST));
            List<String> found = search(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                if (found.get(i) != null) {
                    originals.put(chunk.get(i).id(), found.get(i));
                }
            }
        }
        return originals;
    }

    private String findRecent(String id, String simhash) {
        long hash = Long.parseUnsignedLong(simhash, 16);
        synchronized (recent) {
            for (String band : bands(simhash)) {
                for (Map.Entry<String, Long> other : recentByBand.getOrDefault(band, Map.of()).entrySet()) {
                    if (Long.bitCount(other.getValue() ^ hash) <= MAX_DISTANCE && !other.getKey().equals(id)) {
                        // a copy of a copy points at the original
                        return original(other.getKey(), originalOf.get(other.getKey()));
                    }
                }
            }
        }
        return null;
    }

    /** The original a candidate stands for; an original that moved away (retired) is no original any more. */
    private String original(String candidate, String itsOriginal) {
        return itsOriginal == null || retired.contains(itsOriginal) ? candidate : itsOriginal;
    }

    /** One candidate query per article, sent together: whatever accumulated while the previous _msearch was out. */
    private List<String> search(List<Lookup> batch) throws IOException {
        String index = elastic.names().articles();
        MsearchResponse<Article> response = elastic.client().msearch(m -> {
            for (Lookup lookup : batch) {
                List<FieldValue> values = bands(lookup.simhash()).stream().map(FieldValue::of).toList();
                // Doc values, not _source: loading whole article sources was most of the lookup's cost.
                // 20 candidates: reading more cost a quarter of the crawl rate on template-heavy sites; with 16-bit bands
                // a copy can be missed once a band value is shared by more than ~20 articles (millions of articles).
                // Scored by the bands shared (each a constant 1): a copy shares most or all of its four, an unrelated article
                // whose band value happens to match one — about N / 65,536 per band at N articles — shares one, so the 20
                // read are the nearest even at millions of articles.
                m.searches(item -> item.header(h -> h.index(index)).body(b -> b.size(20).source(src -> src.fetch(false))
                    .docvalueFields(f -> f.field("simhash")).docvalueFields(f -> f.field("duplicateOf"))
                    .query(q -> q.bool(x -> {
                        values.forEach(v -> x.should(sh -> sh.constantScore(c -> c.filter(f -> f.term(t -> t.field("simhashBands").value(v))))));
                        return x.minimumShouldMatch("1").mustNot(n -> n.ids(i -> i.values(lookup.id())));
                    }))));
            }
            return m;
        }, Article.class); // no source is fetched: the type only names what a source would be
        List<String> originals = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MultiSearchResponseItem<Article> item = response.responses().get(i);
            if (item.isFailure()) {
                throw new IOException("near-duplicate lookup failed: " + item.failure().error().reason());
            }
            originals.add(nearest(item.result().hits().hits(), batch.get(i).simhash(), batch.get(i).id()));
        }
        return originals;
    }

    private String nearest(List<Hit<Article>> hits, String simhash, String id) {
        for (Hit<Article> hit : hits) {
            String other = field(hit, "simhash");
            if (other != null && !retired.contains(hit.id()) && SimHasher.distance(other, simhash) <= MAX_DISTANCE) {
                String original = original(hit.id(), field(hit, "duplicateOf"));
                return original.equals(id) ? null : original;
            }
        }
        return null;
    }

    private static String field(Hit<Article> hit, String name) {
        JsonData values = hit.fields().get(name);
        if (values == null) {
            return null;
        }
        List<?> list = values.to(List.class);
        return list.isEmpty() ? null : String.valueOf(list.get(0));
    }

    /**
     * An article just written, with the original it copies (null when it is one); {@code stored} completes once its
     * writes were acknowledged. A full table has the index take over what it can answer for.
     */
    void remember(String id, String simhash, String duplicateOf, CompletableFuture<Void> stored) {
        Map<String, Recent> handOver = null;
        synchronized (recent) {
            forget(id);
            recent.put(id, new Recent(simhash, stored));
            if (duplicateOf != null) {
                originalOf.put(id, duplicateOf);
            }
            long hash = Long.parseUnsignedLong(simhash, 16);
            bands(simhash).forEach(b -> recentByBand.computeIfAbsent(b, k -> new HashMap<>()).put(id, hash));
            // Looked at every tenth of the table, and handed over only when a quarter of it can go: a refresh is not free.
            if (recent.size() > capacity && ++sinceLook >= Math.max(1, capacity / 10) && !refreshing.get()) {
                sinceLook = 0;
                Map<String, Recent> acknowledged = new LinkedHashMap<>();
                for (Map.Entry<String, Recent> e : recent.entrySet()) {
                    if (e.getValue().stored().isDone() && !e.getValue().stored().isCompletedExceptionally()) {
                        acknowledged.put(e.getKey(), e.getValue());
                    }
                }
                if (acknowledged.size() >= Math.max(1, capacity / 4) && refreshing.compareAndSet(false, true)) {
                    handOver = acknowledged;
                }
            }
            while (recent.size() > 2 * capacity) {
                // More writes unacknowledged than twice the table: Elasticsearch is stalled; memory still has a bound.
                forget(recent.keySet().iterator().next());
            }
        }
        if (handOver != null) {
            handOver(handOver);
        }
    }

    /** Refreshes the articles index, then forgets the entries acknowledged before it: they are searchable now. */
    private void handOver(Map<String, Recent> acknowledged) {
        try {
            elastic.client().indices().refresh(r -> r.index(elastic.names().articles()));
            synchronized (recent) {
                acknowledged.forEach((id, entry) -> {
                    if (recent.get(id) == entry) {
                        forget(id);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            synchronized (recent) {
                // The index could not be refreshed: the oldest go, as before the index took them over.
                while (recent.size() > capacity) {
                    forget(recent.keySet().iterator().next());
                }
            }
        } finally {
            refreshing.set(false);
        }
    }

    /** {@code id} now tells another story: articles remembered as its copies are copies of nothing any more. */
    void changedStory(String id) {
        synchronized (recent) {
            originalOf.values().removeIf(id::equals);
        }
    }

    /** An article that left the index (moved): no later article is taken for a copy of it, even before the delete is searchable. */
    void retired(String id) {
        synchronized (recent) {
            forget(id);
        }
        retired.add(id);
    }

    private void forget(String id) {
        Recent old = recent.remove(id);
        originalOf.remove(id);
        if (old == null) {
            return;
        }
        for (String band : bands(old.simhash())) {
            Map<String, Long> ids = recentByBand.get(band);
            if (ids != null && ids.remove(id) != null && ids.isEmpty()) {
                recentByBand.remove(band);
            }
        }
    }
}
