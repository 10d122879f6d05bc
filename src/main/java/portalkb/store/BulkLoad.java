package portalkb.store;

import co.elastic.clients.elasticsearch.indices.GetIndicesSettingsResponse;
import co.elastic.clients.elasticsearch.indices.IndexState;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk load (an import, a generated corpus): the written indices stop refreshing while it runs, so the node builds
 * fewer, larger segments and merges less, and their own refresh intervals come back at the end, followed by one
 * refresh. Crawls do not use it: what they write must become searchable within the index's interval.
 */
public final class BulkLoad implements AutoCloseable {

    private final Elastic elastic;
    /** Concrete index → its refresh interval before the load ("" when it had the node's default). */
    private final Map<String, String> restore = new LinkedHashMap<>();

    private BulkLoad(Elastic elastic) {
        this.elastic = elastic;
    }

    /** Turns refreshing off on the indices behind these aliases; {@link #close} restores it. */
    public static BulkLoad start(Elastic elastic, List<String> aliases) throws IOException {
        BulkLoad load = new BulkLoad(elastic);
        GetIndicesSettingsResponse settings = elastic.client().indices().getSettings(g -> g.index(aliases).flatSettings(false));
        for (Map.Entry<String, IndexState> e : settings.settings().entrySet()) {
            var index = e.getValue().settings() == null ? null : e.getValue().settings().index();
            var interval = index == null ? null : index.refreshInterval();
            load.restore.put(e.getKey(), interval == null ? "" : interval.isTime() ? interval.time() : interval.offset() + "ms");
        }
        load.set(null);
        return load;
    }

    private void set(Map<String, String> intervals) throws IOException {
        for (Map.Entry<String, String> e : restore.entrySet()) {
            String value = intervals == null ? "-1" : e.getValue();
            // An index without its own interval had the node's default, 1 s; ours all set theirs (index-config/).
            String effective = value.isEmpty() ? "1s" : value;
            elastic.client().indices().putSettings(p -> p.index(e.getKey()).settings(s -> s.refreshInterval(r -> r.time(effective))));
        }
    }

    /** The indices an article load writes: articles, passages, facts, history. */
    public static List<String> articleIndices(IndexNames names) {
        return List.of(names.articles(), names.passages(), names.facts(), names.history());
    }

    /** Makes what was loaded so far searchable (for lookups of earlier articles), without ending the load. */
    public void refreshNow() throws IOException {
        elastic.client().indices().refresh(r -> r.index(List.copyOf(restore.keySet())));
    }

    @Override
    public void close() throws IOException {
        set(restore);
        refreshNow();
    }
}
