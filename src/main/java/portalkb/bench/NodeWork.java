package portalkb.bench;

import co.elastic.clients.elasticsearch._types.CommonStatsFlag;
import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the node spent on the indices of one prefix between two snapshots, from its own index stats: indexing (and the
 * part of it spent throttled), real-time gets, searches, refreshes, flushes and merges, and the segments left. Wall
 * milliseconds summed over the node's threads: on a busy machine they grow with waiting as well as work, so compare
 * two loops measured in the same run.
 */
record NodeWork(long indexMs, long indexOps, long throttleMs, long getMs, long gets, long queryMs, long fetchMs, long queries,
                long refreshMs, long refreshes, long flushMs, long flushes, long mergeMs, long merges, long segments) {

    /** A snapshot per concrete index of {@code prefix}-*, primaries only. */
    static Map<String, NodeWork> snapshot(Elastic elastic, String prefix) throws IOException {
        var stats = elastic.client().indices().stats(s -> s.index(prefix + "-*").metric(CommonStatsFlag.Indexing,
            CommonStatsFlag.Get, CommonStatsFlag.Search, CommonStatsFlag.Refresh, CommonStatsFlag.Flush, CommonStatsFlag.Merge,
            CommonStatsFlag.Segments));
        Map<String, NodeWork> out = new TreeMap<>();
        stats.indices().forEach((name, s) -> out.put(name, of(s.primaries())));
        return out;
    }

    private static NodeWork of(IndexStats p) {
        return new NodeWork(p.indexing().indexTimeInMillis(), p.indexing().indexTotal(), p.indexing().throttleTimeInMillis(),
            p.get().timeInMillis(), p.get().total(), p.search().queryTimeInMillis(), p.search().fetchTimeInMillis(),
            p.search().queryTotal(), p.refresh().totalTimeInMillis(), p.refresh().total(), p.flush().totalTimeInMillis(),
            p.flush().total(), p.merges().totalTimeInMillis(), p.merges().total(), p.segments().count());
    }

    /** Per index (named without prefix and version), what was spent from {@code before} to {@code after}. */
    static Map<String, NodeWork> spent(Map<String, NodeWork> before, Map<String, NodeWork> after) {
        Map<String, NodeWork> out = new TreeMap<>();
        after.forEach((index, a) -> {
            NodeWork b = before.getOrDefault(index, ZERO);
            NodeWork d = new NodeWork(a.indexMs - b.indexMs, a.indexOps - b.indexOps, a.throttleMs - b.throttleMs,
                a.getMs - b.getMs, a.gets - b.gets, a.queryMs - b.queryMs, a.fetchMs - b.fetchMs, a.queries - b.queries,
                a.refreshMs - b.refreshMs, a.refreshes - b.refreshes, a.flushMs - b.flushMs, a.flushes - b.flushes,
                a.mergeMs - b.mergeMs, a.merges - b.merges, a.segments);
            if (d.indexOps > 0 || d.gets > 0 || d.queries > 0) {
                out.merge(kind(index), d, NodeWork::plus);
            }
        });
        return out;
    }

    static final NodeWork ZERO = new NodeWork(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    NodeWork plus(NodeWork o) {
        return new NodeWork(indexMs + o.indexMs, indexOps + o.indexOps, throttleMs + o.throttleMs, getMs + o.getMs, gets + o.gets,
            queryMs + o.queryMs, fetchMs + o.fetchMs, queries + o.queries, refreshMs + o.refreshMs, refreshes + o.refreshes,
            flushMs + o.flushMs, flushes + o.flushes, mergeMs + o.mergeMs, merges + o.merges, segments + o.segments);
    }

    /** "benchingest-passages-v2-75a4…" → "passages". */
    private static String kind(String index) {
        String rest = index.substring(index.indexOf('-') + 1);
        return rest.replaceFirst("-v\\d+-[0-9a-f]+$", "");
    }

    static void printHeader(PrintStream out) {
        out.println("| loop | index | ops | index ms (throttled) | gets, ms | queries, query + fetch ms | refreshes, ms | flushes, ms "
            + "| merges, ms | segments after |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
    }

    static void print(PrintStream out, String loop, Map<String, NodeWork> spent) {
        NodeWork total = ZERO;
        for (Map.Entry<String, NodeWork> e : spent.entrySet()) {
            e.getValue().row(out, loop, e.getKey());
            total = total.plus(e.getValue());
        }
        total.row(out, loop, "**all**");
    }

    private void row(PrintStream out, String loop, String index) {
        out.printf("| %s | %s | %,d | %,d (%,d) | %,d, %,d | %,d, %,d + %,d | %,d, %,d | %,d, %,d | %,d, %,d | %d |%n", loop, index,
            indexOps, indexMs, throttleMs, gets, getMs, queries, queryMs, fetchMs, refreshes, refreshMs, flushes, flushMs, merges,
            mergeMs, segments);
    }
}
