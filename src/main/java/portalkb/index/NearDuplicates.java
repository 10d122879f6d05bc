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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds an already indexed article that tells the same story (the same text syndicated on two sites):
 * 64-bit SimHash within {@value #MAX_DISTANCE} bits. Candidates come from four 16-bit bands stored as
 * keywords: two hashes that close share at least one band exactly (pigeonhole), so one terms query
 * finds them. Articles written moments ago, not yet searchable, are found in a small in-memory table.
 */
final class NearDuplicates {

    static final int MAX_DISTANCE = 3;
    private static final int RECENT = 20_000;
    private static final int INDEXED_PER_REQUEST = 500;

    private final Elastic elastic;
    private final Map<String, String> recent = new LinkedHashMap<>();
    /** Band → id → SimHash as a number: the in-memory check compares many candidates per article, so each is parsed once. */
    private final Map<String, Map<String, Long>> recentByBand = new HashMap<>();
    private final Map<String, String> originalOf = new HashMap<>();
    private final Batcher<Lookup, String> lookups = new Batcher<>(64, this::search);
    /** Ids of articles moved away in this writer's lifetime (one crawl): few, so kept whole. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    private record Lookup(String id, String simhash) {
    }

    NearDuplicates(Elastic elastic) {
        this.elastic = elastic;
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
                m.searches(item -> item.header(h -> h.index(index)).body(b -> b.size(20).source(src -> src.fetch(false))
                    .docvalueFields(f -> f.field("simhash")).docvalueFields(f -> f.field("duplicateOf"))
                    .query(q -> q.bool(x -> x.filter(f -> f.terms(t -> t.field("simhashBands").terms(v -> v.value(values))))
                        .mustNot(n -> n.ids(i -> i.values(lookup.id())))))));
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

    /** An article just written, with the original it copies (null when it is one). */
    void remember(String id, String simhash, String duplicateOf) {
        synchronized (recent) {
            forget(id);
            recent.put(id, simhash);
            if (duplicateOf != null) {
                originalOf.put(id, duplicateOf);
            }
            long hash = Long.parseUnsignedLong(simhash, 16);
            bands(simhash).forEach(b -> recentByBand.computeIfAbsent(b, k -> new HashMap<>()).put(id, hash));
            if (recent.size() > RECENT) {
                forget(recent.keySet().iterator().next());
            }
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
        String old = recent.remove(id);
        originalOf.remove(id);
        if (old == null) {
            return;
        }
        for (String band : bands(old)) {
            Map<String, Long> ids = recentByBand.get(band);
            if (ids != null && ids.remove(id) != null && ids.isEmpty()) {
                recentByBand.remove(band);
            }
        }
    }
}
