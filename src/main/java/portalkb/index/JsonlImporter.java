package portalkb.index;

import portalkb.store.BulkIndexer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kb import FILE.jsonl}: one article per line ({@link ArticleInput}'s fields: url, title, body, published,
 * source, province…; other fields kept). Bad lines are reported with their number and skipped; the rest is imported.
 */
public final class JsonlImporter {

    public record Summary(long lines, long indexed, long changed, long unchanged, long rejected, long failed,
                          List<String> problems, double seconds) {
        public String describe() {
            return String.format("%d lines in %.1f s: %d indexed, %d changed, %d unchanged, %d rejected, %d failed to write",
                lines, seconds, indexed, changed, unchanged, rejected, failed);
        }
    }

    private static final int BATCH = 200;

    private final ArticleWriter writer;
    private final BulkIndexer bulk;
    private final PrintStream progress;

    public JsonlImporter(ArticleWriter writer, BulkIndexer bulk, PrintStream progress) {
        this.writer = writer;
        this.bulk = bulk;
        this.progress = progress;
    }

    public Summary importFile(Path file) throws IOException, InterruptedException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        long total = countLines(file);
        long start = System.nanoTime();
        long[] counts = new long[4];
        long rejected = 0;
        List<String> problems = new ArrayList<>();
        List<ArticleInput> batch = new ArrayList<>();
        Map<Integer, Long> batchLines = new HashMap<>();
        long lineNumber = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    problems.add("line " + (lineNumber + 1) + ": not UTF-8 text; the rest of the file was not read");
                    rejected++;
                    break;
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ArticleInput article = ArticleLine.parse(line);
                    batchLines.put(batch.size(), lineNumber);
                    batch.add(article);
                } catch (IllegalArgumentException e) {
                    rejected++;
                    problems.add("line " + lineNumber + ": " + e.getMessage());
                }
                if (batch.size() >= BATCH) {
                    rejected += flush(batch, batchLines, counts, problems);
                }
                report(lineNumber, total, counts, rejected, start);
            }
        }
        rejected += flush(batch, batchLines, counts, problems);
        bulk.flush();
        bulk.failures().forEach(f -> problems.add("document " + f.id() + " in " + f.index() + ": " + f.reason()));
        report(lineNumber, total, counts, rejected, start);
        progress.println();
        return new Summary(lineNumber, counts[0], counts[1], counts[2], rejected, bulk.failedCount(), problems,
            (System.nanoTime() - start) / 1e9);
    }

    private long flush(List<ArticleInput> batch, Map<Integer, Long> lines, long[] counts, List<String> problems) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        long rejected = 0;
        List<ArticleWriter.Result> results = writer.write(batch);
        for (ArticleWriter.Result r : results) {
            switch (r.outcome()) {
                case INDEXED -> counts[0]++;
                case CHANGED -> counts[1]++;
                case UNCHANGED -> counts[2]++;
                case REJECTED -> {
                    rejected++;
                    problems.add("line " + lines.get(r.position()) + ": " + r.reason());
                }
            }
        }
        batch.clear();
        lines.clear();
        return rejected;
    }

    private void report(long line, long total, long[] counts, long rejected, long start) {
        if (progress == null || line % 50 != 0 && line != total) {
            return;
        }
        int width = 30;
        int done = total == 0 ? width : (int) (width * line / total);
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        progress.printf("\r[%s%s] %d/%d lines  indexed %d  changed %d  unchanged %d  rejected %d  %.0f lines/s ",
            "=".repeat(done), " ".repeat(width - done), line, total, counts[0], counts[1], counts[2], rejected, line / seconds);
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }
}
