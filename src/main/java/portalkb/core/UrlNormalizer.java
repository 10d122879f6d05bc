package portalkb.core;

import portalkb.core.Fingerprints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One spelling per page: lower-case scheme and host, no default port, no fragment, no tracking
 * parameters (utm_*, fbclid, gclid, …), sorted query. Document ids are hashes of this form.
 */
public final class UrlNormalizer {

    private static final Pattern TRACKING = Pattern.compile(
        "(?i)^(utm_[a-z_]*|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|zarsrc|zalo_source)$");

    private UrlNormalizer() {
    }

    public static Optional<String> normalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip().replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            path = path.replaceAll("/{2,}", "/");
            String query = cleanQuery(uri.getRawQuery());
            return Optional.of(scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!TRACKING.matcher(name).matches()) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Stable document id of a URL: SHA-256 of its normalised form, 32 hex chars. */
    public static String id(String url) {
        return Fingerprints.sha256Hex(normalize(url).orElse(url), 16);
    }
}
