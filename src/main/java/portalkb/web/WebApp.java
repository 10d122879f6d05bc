package portalkb.web;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import portalkb.store.Json;

import java.util.Map;

/**
 * Builds the web app from its services (Javalin's samples: the app apart from main, handlers thin,
 * errors mapped to JSON in one place, no stack trace in a response).
 */
public final class WebApp {

    private WebApp() {
    }

    public static Javalin create(WebServices services) {
        HealthHandler health = new HealthHandler(services);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.http.maxRequestSize = services.config().server().maxBodyBytes();
            config.routes.get("/health", health::handle);
            config.routes.exception(ApiException.class, (e, ctx) ->
                ctx.status(e.status()).json(Map.of("error", e.getMessage(), "status", e.status())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                services.log().warn("request {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(Map.of("error", "internal error; the server log has details", "status", 500));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") || ctx.path().equals("/health")) {
                    ctx.json(Map.of("error", "no such endpoint: " + ctx.path(), "status", 404));
                }
            });
        });
    }
}
