package portalkb.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Admin actions need the configured token (Authorization: Bearer … or X-Admin-Token), compared in
 * constant time; with no token configured they are off.
 */
final class AdminGuard {

    private final byte[] token;

    AdminGuard(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    void check(Context ctx) {
        if (token == null) {
            throw new ApiException(403, "admin actions are off: no admin token is configured (server.adminToken / PORTALKB_ADMIN_TOKEN)");
        }
        String given = ctx.header("X-Admin-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "admin token missing or wrong");
        }
    }
}
