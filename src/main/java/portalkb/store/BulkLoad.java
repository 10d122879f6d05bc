package portalkb.store;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.IndexState;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bulk load (an import, a generated corpus): the written indices stop refreshing while it runs, so the node builds
 * fewer, larger segments and merges less, and their own refresh intervals (their index-config/ definitions', never a
 * value read while another load had them off) come back when the last load under way ends, followed by one refresh.
 * Each load under way is a marker document in the crawl-state index, renewed every minute; refreshing that a killed
 * load left off is turned back on by the next command once no marker is live ({@link #repair}, run by the index
 * initialiser). Crawls do not use it: what they write must become searchable within the index's interval.
 */
public final class BulkLoad implements AutoCloseable {

    private static final long MARKER_SECONDS = 600;

    /** A load under way, as its marker document says. */
    record Marker(String kind, String lockedBy, Instant lockedUntil) {
    }

    private final Elastic elastic;
    /** The aliases written: a reindex during the load can replace the indices behind them. */
    private final List<String> aliases;
    /** Concrete index → the refresh interval of its definition. */
    private final Map<String, String> restore;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulk-load-marker");
        t.setDaemon(true);
        return t;
    });

    private BulkLoad(Elastic elastic, List<String> aliases) throws IOException {
        this.elastic = elastic;
        this.aliases = List.copyOf(aliases);
        this.restore = ownIntervals(elastic, aliases);
    }

    /** Turns refreshing off on the indices behind these aliases; {@link #close} restores it. */
    public static BulkLoad start(Elastic elastic, List<String> aliases) throws IOException {
        BulkLoad load = new BulkLoad(elastic, aliases);
        load.mark();
        load.renewal.scheduleWithFixedDelay(() -> {
            try {
                load.mark();
            } catch (IOException | RuntimeException e) {
                // Elasticsearch away for a moment: the marker lasts ten minutes, renewed next minute.
            }
        }, 60, 60, TimeUnit.SECONDS);
        load.set(false);
        return load;
    }

    /** Concrete index behind each alias → the refresh interval its definition sets (the node's default, 1 s, when none). */
    private static Map<String, String> ownIntervals(Elastic elastic, List<String> aliases) throws IOException {
        Map<String, String> intervals = new LinkedHashMap<>();
        Map<String, IndexState> indices = elastic.client().indices().get(g -> g.index(aliases)).indices();
        for (String index : indices.keySet()) {
            String kind = IndexConfig.KINDS.stream().filter(k -> index.startsWith(elastic.names().alias(k) + "-v")).findFirst().orElse(null);
            String own = kind == null ? "" : IndexConfig.load(kind).definition().path("settings").path("refresh_interval").asText("");
            intervals.put(index, own.isEmpty() ? "1s" : own);
        }
        return intervals;
    }

    private void mark() throws IOException {
        elastic.client().index(i -> i.index(elastic.names().crawlState()).id("bulkload-" + owner).refresh(Refresh.True)
            .document(new Marker("bulkload", owner, Instant.now().plusSeconds(MARKER_SECONDS))));
    }

    /**
     * Refreshing off or back on, on the indices last resolved behind the aliases. One that a reindex under way deleted since
     * is skipped: the index that replaced it was created with its definition's interval.
     */
    void set(boolean on) throws IOException {
        for (Map.Entry<String, String> e : restore.entrySet()) {
            String value = on ? e.getValue() : "-1";
            elastic.client().indices().putSettings(p -> p.index(e.getKey()).ignoreUnavailable(true).allowNoIndices(true)
                .settings(s -> s.refreshInterval(r -> r.time(value))));
        }
    }

    /** The indices an article load writes: articles, passages, facts, history. */
    public static List<String> articleIndices(IndexNames names) {
        return List.of(names.articles(), names.passages(), names.facts(), names.history());
    }

    /** Makes what was loaded so far searchable (for lookups of earlier articles), without ending the load. */
    public void refreshNow() throws IOException {
        elastic.client().indices().refresh(r -> r.index(aliases).ignoreUnavailable(true).allowNoIndices(true));
    }

    /** Ends this load: its marker goes; refreshing comes back unless another load is still under way. */
    @Override
    public void close() throws IOException {
        renewal.shutdownNow();
        // A reindex copying the crawl-state index blocks writes to it until its alias moves to the copy: wait for that.
        new BlockedWrites(MARKER_SECONDS).write(() ->
            elastic.client().delete(d -> d.index(elastic.names().crawlState()).id("bulkload-" + owner).refresh(Refresh.True)));
        if (!anyUnderWay(elastic)) {
            // The indices behind the aliases now: a reindex during the load moved them to new indices (created with their
            // own interval) and deleted the ones it started on, which a restore by those names would fail on.
            restore.clear();
            restore.putAll(ownIntervals(elastic, aliases));
            set(true);
        }
        refreshNow();
    }

    /**
     * Turns refreshing back on (the definitions' intervals) on article indices that a killed load left without it,
     * unless a load is under way. Returns the indices repaired.
     */
    public static List<String> repair(Elastic elastic) throws IOException {
        if (anyUnderWay(elastic)) {
            return List.of();
        }
        BulkLoad load = new BulkLoad(elastic, articleIndices(elastic.names()));
        load.renewal.shutdownNow();
        Map<String, IndexState> settings = elastic.client().indices().getSettings(g -> g.index(articleIndices(elastic.names()))).settings();
        load.restore.keySet().removeIf(index -> {
            IndexState state = settings.get(index);
            var interval = state == null || state.settings() == null || state.settings().index() == null ? null
                : state.settings().index().refreshInterval();
            return interval == null || !"-1".equals(interval.time());
        });
        load.set(true);
        return List.copyOf(load.restore.keySet());
    }

    /** Whether a load holds a live marker; one whose process on this host is gone (kill -9) holds none. */
    private static boolean anyUnderWay(Elastic elastic) throws IOException {
        var markers = elastic.client().search(s -> s.index(elastic.names().crawlState()).size(100).query(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("kind").value("bulkload")))
            .filter(f -> f.range(r -> r.date(d -> d.field("lockedUntil").gt("now")))))), Marker.class);
        return markers.hits().hits().stream().anyMatch(h -> h.source() == null || !gone(h.source().lockedBy()));
    }

    /** A "pid@host/nonce" owner on this host whose process is gone. */
    private static boolean gone(String owner) {
        String here = ManagementFactory.getRuntimeMXBean().getName();
        String name = owner == null ? "" : owner.replaceFirst("/[^/]*$", "");
        int at = name.indexOf('@');
        if (at < 0 || !here.substring(here.indexOf('@')).equals(name.substring(at))) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(name.substring(0, at))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
