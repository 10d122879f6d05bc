package portalkb.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds an already indexed article that tells the same story (the same text syndicated on two sites):
 * 64-bit SimHash within {@value #MAX_DISTANCE} bits. Candidates come from four 16-bit bands stored as
 * keywords: two hashes that close share at least one band exactly (pigeonhole), so one terms query
 * finds them. Articles written moments ago, not yet searchable, are found in a small in-memory table.
 */
final class NearDuplicates {

    static final int MAX_DISTANCE = 3;
    private static final int RECENT = 20_000;

    private final Elastic elastic;
    private final Map<String, String> recent = new LinkedHashMap<>();
    private final Map<String, Set<String>> recentByBand = new HashMap<>();

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

    /** Id of the earlier article {@code simhash} nearly equals, or null. */
    @SuppressWarnings("unchecked")
    String find(String id, String simhash) throws IOException {
        synchronized (recent) {
            for (String band : bands(simhash)) {
                for (String other : recentByBand.getOrDefault(band, Set.of())) {
                    if (!other.equals(id) && SimHasher.distance(recent.get(other), simhash) <= MAX_DISTANCE) {
                        return other;
                    }
                }
            }
        }
        List<FieldValue> values = bands(simhash).stream().map(FieldValue::of).toList();
        SearchResponse<Map> response = elastic.client().search(s -> s.index(elastic.names().articles()).size(20)
            .source(src -> src.filter(f -> f.includes("simhash", "duplicateOf")))
            .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field("simhashBands").terms(v -> v.value(values))))
                .mustNot(m -> m.ids(i -> i.values(id))))), Map.class);
        for (Hit<Map> hit : response.hits().hits()) {
            Object other = hit.source() == null ? null : hit.source().get("simhash");
            if (other != null && SimHasher.distance(other.toString(), simhash) <= MAX_DISTANCE) {
                Object original = hit.source().get("duplicateOf");
                return original == null ? hit.id() : original.toString();
            }
        }
        return null;
    }

    void remember(String id, String simhash) {
        synchronized (recent) {
            forget(id);
            recent.put(id, simhash);
            bands(simhash).forEach(b -> recentByBand.computeIfAbsent(b, k -> new HashSet<>()).add(id));
            if (recent.size() > RECENT) {
                forget(recent.keySet().iterator().next());
            }
        }
    }

    private void forget(String id) {
        String old = recent.remove(id);
        if (old == null) {
            return;
        }
        for (String band : bands(old)) {
            Set<String> ids = recentByBand.get(band);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                recentByBand.remove(band);
            }
        }
    }
}
