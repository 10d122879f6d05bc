package portalkb.store;

import co.elastic.clients.elasticsearch.indices.IndexSettingBlocks;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Elasticsearch takes writes to our indices. When a node's disk fills past the flood-stage
 * watermark, Elasticsearch itself makes the indices read-only ({@code read_only_allow_delete}) and
 * lifts the block once space is freed; operators may also block writes. Both get one clear message.
 */
public final class WriteBlocks {

    public static final String DISK_FULL = "Elasticsearch refuses writes: the disk of its data path is full "
        + "(flood-stage watermark exceeded, indices made read-only, or no space left on the device). Free disk space there (the "
        + "local node keeps its data in the data folder's es/; its watermarks are elasticsearch.local.disk); Elasticsearch lifts "
        + "the block by itself once free space is back above the high watermark, and the next crawl fetches again what was not stored";

    private WriteBlocks() {
    }

    /**
     * True for the errors Elasticsearch gives while a flood-stage block is on, and for a disk that filled before the
     * node noticed: Lucene's write then fails with the operating system's "No space left on device" (ENOSPC).
     */
    public static boolean isDiskFull(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return r.contains("flood-stage") || r.contains("flood_stage") || r.contains("read-only-allow-delete")
            || r.contains("read_only_allow_delete") || r.contains("disk usage exceeded")
            || r.contains("no space left on device") || r.contains("not enough space on the disk");
    }

    /**
     * True for a write block ({@code index.blocks.write}): {@code ./kb reindex} puts one on the index it copies and
     * lifts it by moving the alias, so a refused write is retried rather than dropped.
     */
    public static boolean isWriteBlock(String reason) {
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("index write (api)");
    }

    /** A message for the first of our write indices that is blocked, or empty when all take writes. */
    public static Optional<String> check(Elastic elastic) throws IOException {
        IndexNames n = elastic.names();
        List<String> aliases = List.of(n.articles(), n.passages(), n.facts(), n.history(), n.crawlState(), n.crawlRuns());
        Map<String, IndexState> byIndex = elastic.client().indices()
            .getSettings(g -> g.index(aliases).ignoreUnavailable(true).allowNoIndices(true)).settings();
        for (Map.Entry<String, IndexState> e : byIndex.entrySet()) {
            IndexSettings settings = e.getValue().settings();
            IndexSettingBlocks blocks = settings == null ? null : settings.index() != null ? settings.index().blocks() : settings.blocks();
            if (blocks == null) {
                continue;
            }
            if (Boolean.TRUE.equals(blocks.readOnlyAllowDelete())) {
                return Optional.of(DISK_FULL + " (index " + e.getKey() + ")");
            }
            if (Boolean.TRUE.equals(blocks.write())) {
                Optional<String> copy = reindexTarget(elastic, aliases, e.getKey());
                if (copy.isPresent()) {
                    return Optional.of("Elasticsearch refuses writes to index " + e.getKey() + " while ./kb reindex copies it into "
                        + copy.get() + "; crawls and imports can start again when the reindex has finished (writes already under way "
                        + "wait for it). If no reindex is running (one was interrupted), run ./kb reindex again");
                }
            }
            if (Boolean.TRUE.equals(blocks.readOnly()) || Boolean.TRUE.equals(blocks.write())) {
                return Optional.of("Elasticsearch refuses writes: index " + e.getKey()
                    + " is blocked for writes (index.blocks.write or read_only set by an operator); lift the block to crawl");
            }
        }
        return Optional.empty();
    }

    /** The index a reindex copies {@code index} into: another concrete index of the same alias beside it. */
    private static Optional<String> reindexTarget(Elastic elastic, List<String> aliases, String index) throws IOException {
        for (String alias : aliases) {
            if (index.startsWith(alias + "-v")) {
                return elastic.client().indices().get(g -> g.index(alias + "-v*").allowNoIndices(true)).indices().keySet().stream()
                    .filter(name -> !name.equals(index)).findFirst();
            }
        }
        return Optional.empty();
    }
}
