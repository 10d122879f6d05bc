package portalkb.crawl;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import portalkb.store.WriteBlocks;

import java.io.IOException;

/**
 * A crawl's own bookkeeping writes (run records, releasing its lease) made while {@code ./kb reindex} copies
 * their index: the copy is write-blocked until the alias moves to the new index, so they wait for that
 * (crawler.writeBlockWaitSeconds) instead of failing the run.
 */
final class BlockedWrites {

    interface Write {
        void run() throws IOException;
    }

    private final long maxWaitMs;

    BlockedWrites(long maxWaitSeconds) {
        this.maxWaitMs = maxWaitSeconds * 1000;
    }

    void write(Write write) throws IOException {
        long deadline = System.currentTimeMillis() + maxWaitMs;
        long pause = 250;
        while (true) {
            try {
                write.run();
                return;
            } catch (ElasticsearchException e) {
                if (!WriteBlocks.isWriteBlock(e.getMessage()) || System.currentTimeMillis() + pause > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a reindex's write block to lift", e);
            }
            pause = Math.min(5_000, pause * 2);
        }
    }
}
