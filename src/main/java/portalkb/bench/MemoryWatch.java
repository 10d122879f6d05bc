package portalkb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest memory seen while a phase runs, sampled every 250 ms: this JVM's heap in use (garbage included), its
 * heap live after the last collection (what it really holds), its resident set, and the local node's resident set.
 */
final class MemoryWatch implements AutoCloseable {

    private final Long nodePid;
    private final AtomicLong heapUsed = new AtomicLong();
    private final AtomicLong heapAfterGc = new AtomicLong();
    private final AtomicLong rss = new AtomicLong();
    private final AtomicLong nodeRss = new AtomicLong();
    private final Thread sampler;

    private MemoryWatch(Long nodePid) {
        this.nodePid = nodePid;
        this.sampler = Thread.ofPlatform().daemon().name("memory-watch").start(this::sample);
    }

    /** Watches this JVM and the node {@code nodePid} (null: none, an external cluster). */
    static MemoryWatch start(Long nodePid) {
        return new MemoryWatch(nodePid);
    }

    private void sample() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        while (!Thread.currentThread().isInterrupted()) {
            heapUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long live = 0;
            for (MemoryPoolMXBean pool : heap) {
                var afterGc = pool.getCollectionUsage();
                live += afterGc == null ? 0 : afterGc.getUsed();
            }
            heapAfterGc.accumulateAndGet(live, Math::max);
            rss.accumulateAndGet(rssBytes(ProcessHandle.current().pid()), Math::max);
            if (nodePid != null) {
                nodeRss.accumulateAndGet(rssBytes(nodePid), Math::max);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long heapUsedMax() {
        return heapUsed.get();
    }

    long heapAfterGcMax() {
        return heapAfterGc.get();
    }

    long rssMax() {
        return rss.get();
    }

    long nodeRssMax() {
        return nodeRss.get();
    }

    /** VmRSS of a process in bytes; 0 where /proc cannot tell. */
    static long rssBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) << 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no /proc: nothing to add
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join(2_000);
    }
}
