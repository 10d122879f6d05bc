package portalkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import portalkb.app.Services;
import portalkb.ask.AskService;
import portalkb.cli.Args;
import portalkb.cli.EvalCommand;
import portalkb.config.AppConfig;
import portalkb.index.Embeddings;
import portalkb.index.VectorFiller;
import portalkb.store.Elastic;
import portalkb.store.Json;
import portalkb.web.WebApp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kb bench ask --docs N}: N generated articles indexed with passage embeddings, then the
 * benchmark question set (eval/bench-questions.jsonl) through ./kb eval (ours beside the BM25
 * baseline), /api/ask latency with the extractive model, and time to the first streamed token over HTTP.
 */
final class AskBench {

    private final int docs;
    private final int rounds;
    private final boolean embeddings;
    private final Path questions;

    AskBench(int docs, int rounds, boolean embeddings, Path questions) {
        this.docs = docs;
        this.rounds = rounds;
        this.embeddings = embeddings;
        this.questions = questions;
    }

    void run(AppConfig config, Elastic elastic) throws IOException, InterruptedException {
        List<String> texts = questionTexts(questions);
        measureEmbedding();
        long t0 = System.nanoTime();
        GeneratedCorpus.write(elastic, docs, embeddings ? new VectorFiller(elastic, config.ask().vectors().batchSize()) : null,
            n -> System.out.printf("  %,d articles indexed (%.0f s)%n", n, (System.nanoTime() - t0) / 1e9));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long passages = elastic.client().count(c -> c.index(elastic.names().passages())).count();
        System.out.printf("indexed %,d articles (%,d passages, embeddings %s) in %.0f s = %.0f articles/s, %.0f passages/s%n",
            docs, passages, embeddings ? "on" : "off", seconds, docs / seconds, passages / seconds);

        new EvalCommand(Args.parse(new String[]{"eval", questions.toString()})).run(elastic, config, questions, System.out);

        AskService ask = new AskService(elastic, config);
        Latencies latencies = new Latencies();
        for (int round = 0; round < rounds; round++) {
            for (String q : texts) {
                long a = System.nanoTime();
                ask.ask(q, null, null, null);
                if (round > 0) { // the eval run and round 0 warm the caches
                    latencies.add(System.nanoTime() - a);
                }
            }
        }
        System.out.printf("%n%-46s %8s %8s %8s%n", "extractive answers (" + latencies.count() + " asks)", "p50 ms", "p95 ms", "p99 ms");
        System.out.printf("%-46s %8.0f %8.0f %8.0f%n", "AskService.ask (retrieval + answer)", latencies.ms(50), latencies.ms(95), latencies.ms(99));
        streamOverHttp(config, elastic, ask, texts);
    }

    /** Time to the first token event and to the done event of GET /api/ask/stream, one question at a time. */
    private void streamOverHttp(AppConfig config, Elastic elastic, AskService ask, List<String> texts) throws IOException, InterruptedException {
        Javalin app = WebApp.create(Services.of(config, elastic).withAsk(ask)).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Latencies firstToken = new Latencies();
            Latencies done = new Latencies();
            for (String q : texts) {
                URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/ask/stream?question=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                long a = System.nanoTime();
                HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    boolean first = true;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (first && line.equals("event: token")) {
                            firstToken.add(System.nanoTime() - a);
                            first = false;
                        } else if (line.equals("event: done")) {
                            done.add(System.nanoTime() - a);
                            break;
                        }
                    }
                }
            }
            System.out.printf("%-46s %8.0f %8.0f %8.0f%n", "GET /api/ask/stream: first token", firstToken.ms(50), firstToken.ms(95), firstToken.ms(99));
            System.out.printf("%-46s %8.0f %8.0f %8.0f%n", "GET /api/ask/stream: done", done.ms(50), done.ms(95), done.ms(99));
        } finally {
            app.stop();
        }
    }

    /** In-process all-MiniLM-L6-v2 on passage-sized texts, alone (no Elasticsearch), in the batches the writer uses. */
    private void measureEmbedding() {
        if (!embeddings) {
            return;
        }
        ArticleGenerator sample = new ArticleGenerator(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; texts.size() < 1000; i++) {
            texts.add(sample.next(i).body().split("\n\n")[1]);
        }
        Embeddings.embed(texts.subList(0, 50)); // loads the model
        long a = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 50) {
            Embeddings.embed(texts.subList(i, i + 50));
        }
        double s = (System.nanoTime() - a) / 1e9;
        System.out.printf("embedding alone: %.0f passages/s (1,000 paragraph-sized texts, %d cores)%n", texts.size() / s,
            Runtime.getRuntime().availableProcessors());
    }

    static List<String> questionTexts(Path questions) throws IOException {
        if (!Files.isReadable(questions)) {
            throw new IOException("cannot read " + questions + " (make one with ./kb bench questions)");
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(questions)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                JsonNode q = Json.MAPPER.readTree(line);
                out.add(q.path("question").asText());
            }
        }
        return out;
    }
}
