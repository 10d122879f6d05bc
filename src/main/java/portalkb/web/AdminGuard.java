package portalkb.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Admin actions need the configured token (Authorization: Bearer … or X-Admin-Token), compared in
 * constant time; with no token configured they are off. Wrong tokens are counted per client: past
 * server.adminFailuresPerMinute in a minute, every admin request of that client waits (429), the right
 * token too, so the token cannot be guessed at request speed.
 */
final class AdminGuard {

    private final byte[] token;
    private final RateLimiter failures;
    private final ClientAddress clients;

    AdminGuard(String token, int failuresPerMinute, ClientAddress clients) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.failures = new RateLimiter(failuresPerMinute);
        this.clients = clients;
    }

    boolean enabled() {
        return token != null;
    }

    void check(Context ctx) {
        if (token == null) {
            throw new ApiException(403, "admin actions are off: no admin token is configured (server.adminToken / PORTALKB_ADMIN_TOKEN)");
        }
        if (!authorized(ctx)) {
            throw new ApiException(401, "admin token missing or wrong");
        }
    }

    /** True when the request carries the right token; a wrong one counts against the client, none does not. */
    boolean authorized(Context ctx) {
        String given = given(ctx);
        if (token == null || given == null) {
            return false;
        }
        long wait = failures.waitingFor(clients.of(ctx));
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, "too many wrong admin tokens from this client; retry in " + wait + " s");
        }
        if (MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        failures.retryAfter(clients.of(ctx));
        return false;
    }

    private static String given(Context ctx) {
        String given = ctx.header("X-Admin-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        return given;
    }
}
