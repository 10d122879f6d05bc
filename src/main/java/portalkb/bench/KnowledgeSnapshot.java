package portalkb.bench;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import portalkb.core.Fingerprints;
import portalkb.store.Elastic;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a knowledge base holds, reduced to what the fault campaign compares: each article's content hash, each
 * passage's text, each fact's metric, value, unit and year, and each URL's status and content hash. Times,
 * retries and which copy of a syndicated story counts as the original are left out (they differ run to run).
 */
record KnowledgeSnapshot(Map<String, String> articles, Map<String, String> passages, Map<String, String> facts, Map<String, String> states) {

    /** Differences against a reference: documents missing, and documents that differ or should not be there (stale). */
    record Difference(int lost, int stale) {
        int total() {
            return lost + stale;
        }

        Difference plus(Difference other) {
            return new Difference(lost + other.lost, stale + other.stale);
        }

        @Override
        public String toString() {
            return lost + " lost, " + stale + " stale";
        }
    }

    static KnowledgeSnapshot of(Elastic elastic) throws IOException {
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().passages(),
            elastic.names().facts(), elastic.names().crawlState())));
        return new KnowledgeSnapshot(
            read(elastic, elastic.names().articles(), List.of("contentHash")),
            read(elastic, elastic.names().passages(), List.of("text", "page", "sheet")),
            read(elastic, elastic.names().facts(), List.of("metric", "value", "unit", "year", "province")),
            read(elastic, elastic.names().crawlState(), List.of("url", "status", "contentHash")));
    }

    /** Per kind of document, what {@code faulted} misses or holds otherwise than this reference. */
    Map<String, Difference> against(KnowledgeSnapshot faulted) {
        Map<String, Difference> out = new java.util.LinkedHashMap<>();
        out.put("articles", diff(articles, faulted.articles));
        out.put("passages", diff(passages, faulted.passages));
        out.put("facts", diff(facts, faulted.facts));
        out.put("states", diff(states, faulted.states));
        return out;
    }

    private static Difference diff(Map<String, String> reference, Map<String, String> faulted) {
        int lost = 0;
        int stale = 0;
        for (Map.Entry<String, String> e : reference.entrySet()) {
            String there = faulted.get(e.getKey());
            if (there == null) {
                lost++;
            } else if (!there.equals(e.getValue())) {
                stale++;
            }
        }
        for (String key : faulted.keySet()) {
            if (!reference.containsKey(key)) {
                stale++;
            }
        }
        return new Difference(lost, stale);
    }

    /** id → a hash of the fields; crawl-state documents without a url (leases, load markers) are left out. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, String> read(Elastic elastic, String index, List<String> fields) throws IOException {
        Map<String, String> out = new TreeMap<>();
        ResponseBody<Map> page = elastic.client().search(s -> s.index(index).size(1000).scroll(t -> t.time("1m"))
            .source(x -> x.filter(f -> f.includes(fields))), Map.class);
        String scroll = page.scrollId();
        try {
            while (!page.hits().hits().isEmpty()) {
                for (Hit<Map> hit : page.hits().hits()) {
                    Map<String, Object> source = hit.source() == null ? Map.of() : new HashMap<>(hit.source());
                    if (fields.contains("url") && source.get("url") == null) {
                        continue;
                    }
                    StringBuilder value = new StringBuilder();
                    fields.forEach(f -> value.append(f).append('=').append(source.get(f)).append('\u0001'));
                    out.put(hit.id(), Fingerprints.sha256Hex(value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 8));
                }
                String current = scroll;
                page = elastic.client().scroll(r -> r.scrollId(current).scroll(t -> t.time("1m")), Map.class);
                scroll = page.scrollId();
            }
        } finally {
            String last = scroll;
            if (last != null) {
                elastic.client().clearScroll(c -> c.scrollId(last));
            }
        }
        return out;
    }
}
