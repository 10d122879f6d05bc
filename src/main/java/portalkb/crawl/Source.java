package portalkb.crawl;

import portalkb.extract.ContentSelectors;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One crawl source as declared in a sources file (format: crawler/README.md), with defaults applied.
 * {@code allow} empty means "stay on the seeds' hosts". {@code origin} (nullable) says where the address
 * was seen, so a catalogue entry can be checked against its evidence. {@code scope}: a provincial source names its
 * {@code province} (a strong prior for its articles' province), a regional one its {@code region} (the provinces it
 * covers), a national one neither: each article's province is read from the article.
 */
public record Source(String id, String name, String province, String district, List<String> seeds,
                     List<Pattern> allow, List<Pattern> deny, int maxDepth, int maxPages, long delayMs,
                     String schedule, ContentSelectors selectors, String origin, Scope scope, List<String> region) {

    /** What a source covers. */
    public enum Scope {
        PROVINCIAL, REGIONAL, NATIONAL;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** What it covers, as reports show it: its province, "national", or "region: A, B". */
    public String coverage() {
        return switch (scope) {
            case PROVINCIAL -> province;
            case NATIONAL -> "national";
            case REGIONAL -> "region: " + String.join(", ", region);
        };
    }

    /**
     * Whether a (normalised) URL belongs to this source: allow/deny rules, else the seeds' hosts. Allow
     * patterns match from the start of the URL (a pattern found in a query string such as
     * {@code http://127.0.0.1:9200/?x=<allowed text>} does not let the URL in), and one that ends inside the host
     * name does not match a longer one ({@code ^https://site\\.vn} is not {@code https://site.vn.evil.tld/});
     * deny patterns match anywhere.
     */
    public boolean inScope(String url) {
        for (Pattern p : deny) {
            if (p.matcher(url).find()) {
                return false;
            }
        }
        if (!allow.isEmpty()) {
            return allow.stream().anyMatch(p -> allows(p, url));
        }
        return seedAuthorities().contains(authority(url));
    }

    private static boolean allows(Pattern pattern, String url) {
        java.util.regex.Matcher m = pattern.matcher(url);
        if (!m.lookingAt()) {
            return false;
        }
        int hostStart = url.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        // A match that stops inside the authority must stop where the host name does (before a port, or at its end).
        return hostStart < 3 || m.end() <= hostStart || m.end() >= hostEnd || url.charAt(m.end()) == ':' && url.lastIndexOf('@', hostEnd) < m.end();
    }

    /** A robots.txt redirect may stay on its host and port (http ↔ https on default ports included) or go where the source may go. */
    public boolean robotsHopInScope(String robotsUrl, String hop) {
        return inScope(hop) || !authority(hop).isEmpty() && authority(hop).equals(authority(robotsUrl));
    }

    public Set<String> seedAuthorities() {
        return Set.copyOf(seeds.stream().map(Source::authority).toList());
    }

    static String authority(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
