package portalkb.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Searches a web app five times a second while a fault runs: how many answered, how many got 503 while
 * Elasticsearch was known to be away (what the API promises then), and how many failed otherwise.
 */
final class SearchProbe implements AutoCloseable {

    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger unavailableDuringOutage = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    /** Set by the campaign while it has Elasticsearch stopped. */
    final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    SearchProbe(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest search = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=y+te&facets=false"))
            .timeout(Duration.ofSeconds(10)).build();
        thread = Thread.ofPlatform().daemon(true).name("search-probe").start(() -> {
            while (running.get()) {
                boolean away = outage.get();
                int status;
                try {
                    status = http.send(search, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    status = 0;
                }
                if (status == 200) {
                    answered.incrementAndGet();
                } else if (status == 503 && (away || outage.get())) {
                    unavailableDuringOutage.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(15_000);
    }

    @Override
    public String toString() {
        return "search " + answered.get() + " answered, " + unavailableDuringOutage.get() + " × 503 in the outage, " + failed.get() + " failed";
    }
}
