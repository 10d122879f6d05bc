package portalkb.crawl;

import portalkb.extract.ContentSelectors;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One crawl source as declared in a sources file (format: crawler/README.md), with defaults applied.
 * {@code allow} empty means "stay on the seeds' hosts". {@code origin} (nullable) says where the address
 * was seen, so a catalogue entry can be checked against its evidence.
 */
public record Source(String id, String name, String province, String district, List<String> seeds,
                     List<Pattern> allow, List<Pattern> deny, int maxDepth, int maxPages, long delayMs,
                     String schedule, ContentSelectors selectors, String origin) {

    /** Whether a (normalised) URL belongs to this source: allow/deny rules, else the seeds' hosts. */
    public boolean inScope(String url) {
        for (Pattern p : deny) {
            if (p.matcher(url).find()) {
                return false;
            }
        }
        if (!allow.isEmpty()) {
            return allow.stream().anyMatch(p -> p.matcher(url).find());
        }
        return seedAuthorities().contains(authority(url));
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
