package portalkb.index;

import portalkb.core.UrlNormalizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An import's batches written on a few lanes at once, so that preparing one batch overlaps another's
 * round trips to Elasticsearch. An address always takes the same lane (its lines stay in file order);
 * at most two batches per lane are held in memory. The first write failure stops the import.
 */
final class ImportLanes implements AutoCloseable {

    interface BatchWriter {
        void write(List<ArticleInput> batch, List<Long> lines) throws IOException;
    }

    private final BatchWriter writer;
    private final ExecutorService[] lanes;
    private final List<List<ArticleInput>> batches = new ArrayList<>();
    private final List<List<Long>> lines = new ArrayList<>();
    private final Semaphore held;
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    ImportLanes(int count, BatchWriter writer) {
        this.writer = writer;
        this.lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("import-lane-" + i).daemon().factory());
            batches.add(new ArrayList<>());
            lines.add(new ArrayList<>());
        }
        this.held = new Semaphore(2 * count);
    }

    void add(long line, ArticleInput article) throws IOException, InterruptedException {
        rethrow();
        String url = article.url() == null ? "" : article.url();
        // The normal form, so that two spellings of one address share a lane (its id, a hash of it, is the writer's to compute).
        int lane = Math.floorMod(UrlNormalizer.normalize(url).orElse(url).hashCode(), lanes.length);
        batches.get(lane).add(article);
        lines.get(lane).add(line);
        if (batches.get(lane).size() >= JsonlImporter.BATCH) {
            submit(lane);
        }
    }

    /** Writes what is left and waits for every lane. */
    void finish() throws IOException, InterruptedException {
        for (int lane = 0; lane < lanes.length; lane++) {
            if (!batches.get(lane).isEmpty()) {
                submit(lane);
            }
        }
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            while (!lane.awaitTermination(1, TimeUnit.SECONDS)) {
                rethrow();
            }
        }
        rethrow();
    }

    private void submit(int lane) throws InterruptedException {
        List<ArticleInput> batch = List.copyOf(batches.get(lane));
        List<Long> batchLines = List.copyOf(lines.get(lane));
        batches.get(lane).clear();
        lines.get(lane).clear();
        held.acquire();
        lanes[lane].execute(() -> {
            try {
                if (failure.get() == null) {
                    writer.write(batch, batchLines);
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e instanceof IOException io ? io : new IOException(e.getMessage(), e));
            } finally {
                held.release();
            }
        });
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
