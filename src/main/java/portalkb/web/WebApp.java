package portalkb.web;

import co.elastic.clients.transport.TransportException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import portalkb.app.Services;
import portalkb.ask.answer.AnswerModelException;
import portalkb.core.BadParameterException;
import portalkb.core.UserTraffic;
import portalkb.search.FactAnalytics;
import portalkb.store.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the web app from its services (Javalin's samples: the app apart from main, handlers thin,
 * errors mapped to JSON in one place, no stack trace in a response).
 */
public final class WebApp {

    private static final Logger LOG = LoggerFactory.getLogger("portalkb.web");
    /** Routes whose requests crawls in the same process yield to (UserTraffic), and the attribute that marks one counted. */
    private static final List<String> USER_PATHS = List.of("/api/search", "/api/search/facets", "/search", "/api/ask", "/api/ask/stream");
    private static final String USER_TRAFFIC = "portalkb.userTraffic";

    private WebApp() {
    }

    /** Security headers on every response; CORS only when configured. */
    private static void secure(Context ctx, boolean cors) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (cors) {
            ctx.header("Access-Control-Allow-Origin", "*");
        }
    }

    private static void limit(Context ctx, RateLimiter limiter, ClientAddress clients) {
        long wait = limiter.retryAfter(clients.of(ctx));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too many requests from this client; retry in " + wait + " s");
        }
    }

    /** Elasticsearch down or unreachable: the service is unavailable, not broken. */
    private static void unavailable(Context ctx, Exception e) {
        LOG.warn("request {} {}: Elasticsearch unavailable: {}", ctx.method(), ctx.path(), e.toString());
        ErrorPages.respond(ctx, 503, "the knowledge base is unavailable (Elasticsearch not reachable); try again shortly");
    }

    /** The stream is Server-Sent Events only: without asking for them a client would get an empty 200 (Javalin's SSE route). */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "this endpoint streams Server-Sent Events: send 'Accept: text/event-stream', "
                + "or POST /api/ask {\"question\": …} for one JSON answer");
        }
    }

    public static Javalin create(Services services) {
        HealthHandler health = new HealthHandler(services.elastic());
        int maxChars = services.config().server().maxQueryChars();
        RateLimiter limiter = new RateLimiter(services.config().server().rateLimitPerMinute());
        ClientAddress clients = new ClientAddress(services.config().server().trustedProxies());
        SearchHandler search = new SearchHandler(services.search(), maxChars, ctx -> limit(ctx, limiter, clients));
        SearchPage searchPage = new SearchPage(services.search(), maxChars);
        FactAnalytics analytics = services.analytics();
        FactsHandler facts = new FactsHandler(services.facts(), analytics, maxChars);
        AnalyticsHandler analyticsHandler = new AnalyticsHandler(analytics, maxChars);
        AskGate askGate = new AskGate(services.config().server().maxConcurrentAsks(), services.config().server().askAdmissionWaitMs());
        int maxConversationId = services.config().server().maxConversationIdChars();
        AskHandler ask = new AskHandler(services.ask(), askGate, maxConversationId, LOG);
        AdminGuard admin = new AdminGuard(services.config().server().adminToken(), services.config().server().adminFailuresPerMinute(), clients);
        CrawlHandler crawl = new CrawlHandler(services.crawls(), admin);
        RequestMetrics metrics = new RequestMetrics();
        return Javalin.create(config -> {
            // A request waiting on Elasticsearch or on an ask holds no platform thread; asks themselves are bounded by AskGate.
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.http.maxRequestSize = services.config().server().maxBodyBytes();
            config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrorPages()));
            config.routes.get("/health", health::handle);
            config.routes.get("/api/search", search::handle);
            config.routes.get("/api/search/facets", search::facets);
            config.routes.get("/search", searchPage::handle);
            config.routes.get("/api/facts", facts::facts);
            config.routes.get("/api/compare", facts::compare);
            config.routes.get("/api/provinces", facts::provinces);
            config.routes.get("/api/provinces/{id}", facts::province);
            config.routes.get("/api/metrics", facts::metrics);
            config.routes.get("/api/rank", analyticsHandler::rank);
            config.routes.get("/api/trend", analyticsHandler::trend);
            config.routes.get("/api/conflicts", analyticsHandler::conflicts);
            config.routes.get("/api/crawl/status", crawl::status);
            config.routes.post("/api/crawl/run", crawl::run);
            config.routes.post("/api/crawl/stop", crawl::stop);
            config.routes.get("/metrics", metrics::render);
            config.routes.before(ctx -> secure(ctx, services.config().server().cors()));
            for (String path : USER_PATHS) {
                config.routes.before(path, ctx -> {
                    UserTraffic.started();
                    ctx.attribute(USER_TRAFFIC, Boolean.TRUE);
                });
            }
            config.routes.before("/api/search", ctx -> limit(ctx, limiter, clients));
            config.routes.before("/api/search/facets", ctx -> limit(ctx, limiter, clients));
            config.routes.before("/search", ctx -> limit(ctx, limiter, clients));
            config.routes.before("/api/ask", ctx -> limit(ctx, limiter, clients));
            config.routes.before("/api/ask/stream", ctx -> limit(ctx, limiter, clients));
            config.routes.before("/api/ask/stream", ctx -> AskHandler.checkConversationId(ctx.queryParam("conversationId"), maxConversationId));
            config.routes.before("/api/ask/stream", askGate::checkOpen);
            config.routes.before("/api/ask/stream", WebApp::requireEventStream);
            for (String path : List.of("/api/facts", "/api/compare", "/api/rank", "/api/trend", "/api/conflicts",
                "/api/crawl/run", "/api/crawl/stop", "/api/crawl/status", "/api/provinces", "/api/provinces/{id}", "/api/metrics", "/health",
                "/metrics")) {
                config.routes.before(path, ctx -> limit(ctx, limiter, clients));
            }
            config.requestLogger.http((ctx, ms) -> {
                if (ctx.attribute(USER_TRAFFIC) != null) {
                    UserTraffic.finished();
                }
                metrics.record(ctx, ms);
                if (!ctx.path().startsWith("/webjars") && !ctx.path().endsWith(".js") && !ctx.path().endsWith(".css")) {
                    LOG.info("{} {} {} {}ms {}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms), clients.of(ctx));
                }
            });
            config.routes.post("/api/ask", ask::post);
            config.routes.sse("/api/ask/stream", ask::stream);
            config.routes.exception(BadParameterException.class, (e, ctx) -> {
                if (ErrorPages.wantsPage(ctx.path())) {
                    ErrorPages.respond(ctx, 400, e.getMessage());
                } else {
                    ctx.status(400).json(new ErrorBody(e.getMessage(), e.parameter(), 400));
                }
            });
            config.routes.exception(ApiException.class, (e, ctx) -> ErrorPages.respond(ctx, e.status(), e.getMessage()));
            config.routes.exception(AnswerModelException.class, (e, ctx) -> {
                LOG.warn("request {} {}: answer model failed: {}", ctx.method(), ctx.path(), String.valueOf(e.getCause()));
                ctx.status(HttpStatus.BAD_GATEWAY).json(ErrorBody.of(e.getMessage(), 502));
            });
            config.routes.exception(IOException.class, (e, ctx) -> unavailable(ctx, e));
            config.routes.exception(TransportException.class, (e, ctx) -> unavailable(ctx, e));
            config.routes.exception(UncheckedIOException.class, (e, ctx) -> unavailable(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("request {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                ErrorPages.respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "internal error; the server log has details");
            });
            config.routes.error(404, ctx -> {
                if (!ErrorPages.wantsPage(ctx.path())) {
                    ctx.json(ErrorBody.of("no such endpoint: " + ctx.path(), 404));
                } else if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                    ctx.html(ErrorPages.page(404)); // a page's own 404 (none yet) would be kept
                }
            });
        });
    }
}
