package portalkb.web;

import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.javalin.http.Context;
import portalkb.store.Elastic;
import portalkb.store.WriteBlocks;

import java.util.LinkedHashMap;
import java.util.Map;
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

    void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> es = new LinkedHashMap<>();
        try {
            HealthResponse health = elastic.client().cluster().health(h -> h.timeout(t -> t.time("2s")));
            String status = health.status().jsonValue();
            es.put("status", status);
            es.put("cluster", health.clusterName());
            long articles = elastic.client().count(c -> c.index(elastic.names().articles())
                .ignoreUnavailable(true)).count();
            Optional<String> blocked = WriteBlocks.check(elastic);
            es.put("writes", blocked.orElse("accepted"));
            // Searching still works with writes blocked (a full disk): degraded, but serving.
            body.put("status", status.equals("red") || blocked.isPresent() ? "degraded" : "ok");
            body.put("elasticsearch", es);
            body.put("articles", articles);
            ctx.status(status.equals("red") ? 503 : 200).json(body);
        } catch (Exception e) {
            es.put("status", "unavailable");
            es.put("error", "Elasticsearch is not reachable: " + e.getClass().getSimpleName());
            body.put("status", "unavailable");
            body.put("elasticsearch", es);
            ctx.status(503).json(body);
        }
    }
}
