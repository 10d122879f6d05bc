package portalkb.bench;

import portalkb.eval.Devset;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.Elastic;
import portalkb.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code ./kb bench prepare}: what ingest spends before Elasticsearch — an article prepared (figures, places,
 * SimHash) and laid out as its article, passage and fact operations — on one thread, over generated articles and
 * over real portal text (the devset's articles, repeated), with a digest of every operation prepared, so two builds
 * can be compared for speed and for giving the very same output. Nothing is sent to Elasticsearch.
 */
final class PrepareBench {

    private static final Instant FIXED = Instant.parse("2026-01-01T00:00:00Z");

    private final int docs;
    private final int rounds;
    private final Path devset;

    PrepareBench(int docs, int rounds, Path devset) {
        this.docs = docs;
        this.rounds = rounds;
        this.devset = devset;
    }

    void run(Elastic names) throws IOException {
        ArticleWriter writer = new ArticleWriter(names, null);
        List<ArticleInput> generated = new ArrayList<>();
        ArticleGenerator generator = new ArticleGenerator(42);
        for (int i = 0; i < docs; i++) {
            generated.add(generator.next(i));
        }
        measure(writer, "generated", generated, rounds);
        if (Files.isDirectory(devset)) {
            List<ArticleInput> real = new ArrayList<>();
            for (Devset.Article a : Devset.load(devset).articles()) {
                real.add(ArticleInput.of(a.url(), a.title(), a.body()).withPublished(a.published()));
            }
            measure(writer, "devset (" + devset + ")", real, rounds * Math.max(1, docs / real.size()));
        } else {
            System.out.println("no devset at " + devset + " (--devset DIR): real text not measured");
        }
    }

    private static void measure(ArticleWriter writer, String name, List<ArticleInput> articles, int repeat) throws IOException {
        MessageDigest digest = sha256();
        for (ArticleInput article : articles) {
            for (ArticleWriter.Write write : writer.prepareNew(article, FIXED)) {
                digest.update(Json.MAPPER.writeValueAsBytes(write));
            }
        }
        long t0 = System.nanoTime();
        long operations = 0;
        for (int r = 0; r < repeat; r++) {
            for (ArticleInput article : articles) {
                operations += writer.prepareNew(article, FIXED).size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long prepared = (long) repeat * articles.size();
        System.out.printf("%-40s %,9d articles in %6.2f s = %,7.0f articles/s (%,d operations); digest %s%n", name, prepared, seconds,
            prepared / seconds, operations, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
