package portalkb.store;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;

/**
 * Bookkeeping writes (a crawl's run records and lease release, a bulk load's marker) made while {@code ./kb reindex}
 * copies their index: the copy is write-blocked until the alias moves to the new index, so they wait for that
 * (crawler.writeBlockWaitSeconds for a crawl) instead of failing the run.
 */
public final class BlockedWrites {

    public interface Write {
        void run() throws IOException;
    }

    private final long maxWaitMs;

    public BlockedWrites(long maxWaitSeconds) {
        this.maxWaitMs = maxWaitSeconds * 1000;
    }

    public void write(Write write) throws IOException {
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
