package portalkb.index;

import portalkb.config.AppConfig;
import portalkb.store.BulkIndexer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./kb import FILE.jsonl}: one article per line ({@link ArticleInput}'s fields: url, title, body, published,
 * source, province…; other fields kept). Bad lines (and lines past {@code maxLineChars}, never held whole) are
 * reported with their number and skipped; the rest is imported. A line replaces a stored article only as the
 * overwrite policy allows (importer.overwrite), else the stored one is kept and the line reported; what a changed line
 * leaves out (source, province, date …) keeps the stored value ({@link ArticleInput#keeping}).
 */
public final class JsonlImporter {

    public record Summary(long lines, long indexed, long changed, long unchanged, long rejected, long refused, long failed,
                          List<String> problems, double seconds) {
        public String describe() {
            return String.format("%d lines in %.1f s: %d indexed, %d changed, %d unchanged, %d rejected, %d refused (stored version kept), "
                + "%d failed to write", lines, seconds, indexed, changed, unchanged, rejected, refused, failed);
        }
    }

    /**
     * {@code lanes}: batches written at once; {@code maxLineChars}: longer lines are rejected; {@code overwrite}: when a line
     * may replace a stored article.
     */
    public record Settings(int lanes, int maxLineChars, OverwritePolicy overwrite) {
        public static Settings of(AppConfig config) {
            AppConfig.Importer importer = config.importer();
            return new Settings(importer.lanes(), importer.maxLineChars(),
                importer.overwriteByPolicy() ? OverwritePolicy.of(config.crawler()) : OverwritePolicy.ALWAYS);
        }

        public Settings withLanes(int lanes) {
            return new Settings(lanes, maxLineChars, overwrite);
        }
    }

    /** Lines per {@link ArticleWriter#write} call (one lookup of previous versions and near-duplicates each). */
    public static final int BATCH = 200;

    private final ArticleWriter writer;
    private final BulkIndexer bulk;
    private final PrintStream progress;
    private final int lanes;
    private final Settings settings;
    private final ImportTally tally = new ImportTally();

    /**
     * {@code settings.lanes}: batches written at once. While one waits for its lookups and writes, the next is parsed
     * and prepared; one address always goes to the same lane, so its lines are written in file order.
     */
    public JsonlImporter(ArticleWriter writer, BulkIndexer bulk, PrintStream progress, Settings settings) {
        this.writer = writer;
        this.bulk = bulk;
        this.progress = progress;
        this.settings = settings;
        this.lanes = Math.max(1, settings.lanes());
    }

    public Summary importFile(Path file) throws IOException, InterruptedException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        long total = countLines(file);
        long start = System.nanoTime();
        long lineNumber = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (ImportLanes pending = new ImportLanes(lanes, this::write);
             BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            BoundedLines lines = new BoundedLines(reader, settings.maxLineChars());
            String line;
            while (true) {
                try {
                    line = lines.next();
                } catch (CharacterCodingException e) {
                    tally.rejected(lineNumber + 1, "not UTF-8 text; the rest of the file was not read");
                    break;
                }
                if (line == null) {
                    break;
                }
                lineNumber++;
                if (line == BoundedLines.TOO_LONG) {
                    tally.rejected(lineNumber, "longer than " + settings.maxLineChars() + " characters (importer.maxLineChars): not read");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    pending.add(lineNumber, ArticleLine.parse(line));
                } catch (IllegalArgumentException e) {
                    tally.rejected(lineNumber, e.getMessage());
                }
                report(lineNumber, total, start);
            }
            pending.finish();
        }
        bulk.flush();
        List<String> problems = tally.problems();
        bulk.failures().forEach(f -> problems.add("document " + f.id() + " in " + f.index() + ": " + f.reason()));
        report(lineNumber, total, start);
        progress.println();
        return new Summary(lineNumber, tally.indexed(), tally.changed(), tally.unchanged(), tally.rejected(), tally.refused(), bulk.failedCount(),
            problems, (System.nanoTime() - start) / 1e9);
    }

    /** One lane's batch: the articles and the line each came from. */
    private void write(List<ArticleInput> batch, List<Long> lines) throws IOException {
        for (ArticleWriter.Result r : writer.write(batch, settings.overwrite())) {
            tally.count(r, lines.get(r.position()));
        }
    }

    private void report(long line, long total, long start) {
        if (progress == null || line % 50 != 0 && line != total) {
            return;
        }
        int width = 30;
        int done = total == 0 ? width : (int) (width * line / total);
        double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
        progress.printf("\r[%s%s] %d/%d lines  indexed %d  changed %d  unchanged %d  rejected %d  %.0f lines/s ",
            "=".repeat(done), " ".repeat(width - done), line, total, tally.indexed(), tally.changed(), tally.unchanged(), tally.rejected(),
            line / seconds);
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }
}
