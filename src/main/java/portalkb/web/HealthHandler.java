package portalkb.web;

import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import portalkb.store.Elastic;
import portalkb.store.WriteBlocks;

import java.util.Optional;

/**
 * GET /health: the app is up; Elasticsearch's status, whether it takes writes (a full disk blocks them)
 * and the article count say whether it can serve and crawl. Public, so it does not give the cluster's address.
 */
final class HealthHandler {

    private final Elastic elastic;

    HealthHandler(Elastic elastic) {
        this.elastic = elastic;
    }

    /** The body of /health; {@code articles} only when Elasticsearch answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, Elasticsearch elasticsearch, Long articles) {
    }

    /** Elasticsearch as /health reports it: its status and cluster name and whether it takes writes, or why it is unreachable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Elasticsearch(String status, String cluster, String writes, String error) {
    }

    void handle(Context ctx) {
        try {
            HealthResponse health = elastic.client().cluster().health(h -> h.timeout(t -> t.time("2s")));
            String status = health.status().jsonValue();
            long articles = elastic.client().count(c -> c.index(elastic.names().articles())
                .ignoreUnavailable(true)).count();
            Optional<String> blocked = WriteBlocks.check(elastic);
            Elasticsearch es = new Elasticsearch(status, health.clusterName(), blocked.orElse("accepted"), null);
            // Searching still works with writes blocked (a full disk): degraded, but serving.
            String overall = status.equals("red") || blocked.isPresent() ? "degraded" : "ok";
            ctx.status(status.equals("red") ? 503 : 200).json(new Health(overall, es, articles));
        } catch (Exception e) {
            Elasticsearch es = new Elasticsearch("unavailable", null, null,
                "Elasticsearch is not reachable: " + e.getClass().getSimpleName());
            ctx.status(503).json(new Health("unavailable", es, null));
        }
    }
}
