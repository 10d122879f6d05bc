package portalkb.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Request counts and latencies per route, and JVM heap, in the Prometheus text format at /metrics. */
final class RequestMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("portalkb_http_requests_total")
        .help("HTTP requests by route and status").labelNames("route", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("portalkb_http_request_duration_seconds")
        .help("HTTP request latency by route").labelNames("route").classicOnly().register(registry);

    RequestMetrics() {
        GaugeWithCallback.builder().name("portalkb_jvm_heap_used_bytes").help("JVM heap in use")
            .callback(cb -> cb.call(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())).register(registry);
        GaugeWithCallback.builder().name("portalkb_jvm_heap_max_bytes").help("JVM heap limit")
            .callback(cb -> cb.call(Runtime.getRuntime().maxMemory())).register(registry);
    }

    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? (ctx.path().startsWith("/api/") ? "unmatched" : "static") : endpoint.path;
        requests.labelValues(route, Integer.toString(ctx.statusCode())).inc();
        latency.labelValues(route).observe(millis / 1000.0);
    }

    void render(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        ctx.contentType(writer.getContentType()).result(out.toByteArray());
    }
}
