package portalkb.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * robots.txt per host, parsed by crawler-commons (the parser StormCrawler and Nutch use) and cached for
 * the run. Per RFC 9309: a missing file (4xx) allows everything; an unreachable one (5xx, network)
 * disallows everything for now. The file is read whatever its content type; its redirects are followed
 * only within the asking source's scope (never to another service).
 */
public final class RobotsRules {

    private final Fetcher fetcher;
    private final String agentName;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> byAuthority = new ConcurrentHashMap<>();
    private final Map<String, FetchResult> fetches = new ConcurrentHashMap<>();

    public RobotsRules(Fetcher fetcher, String userAgent) {
        this.fetcher = fetcher;
        this.agentName = userAgent.split("[/ ]")[0].toLowerCase();
    }

    /** {@code hops}: where a redirect of the host's robots.txt may go (the source's scope and address policy). */
    public boolean allowed(String url, Predicate<String> hops) throws InterruptedException {
        return rules(url, hops).isAllowed(url);
    }

    /** Crawl-delay asked by the host, ms (0 when none). */
    public long crawlDelayMs(String url, Predicate<String> hops) throws InterruptedException {
        long delay = rules(url, hops).getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? 0 : delay;
    }

    public List<String> sitemaps(String url, Predicate<String> hops) throws InterruptedException {
        return rules(url, hops).getSitemaps();
    }

    /** How the host's robots.txt answered (fetched once, with the rules): a check reports it. */
    public FetchResult robotsFetch(String url, Predicate<String> hops) throws InterruptedException {
        rules(url, hops);
        URI uri = URI.create(url);
        return fetches.get(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private BaseRobotRules rules(String url, Predicate<String> hops) throws InterruptedException {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        BaseRobotRules cached = byAuthority.get(base);
        if (cached != null) {
            return cached;
        }
        String robotsUrl = base + "/robots.txt";
        FetchResult result = fetcher.fetchRobots(robotsUrl, hop -> hops.test(hop));
        fetches.put(base, result);
        BaseRobotRules rules = switch (result.outcome()) {
            case OK -> parse(robotsUrl, result.body());
            // A robots.txt that is missing, or that we may not follow to where it points, is "unavailable": allow (RFC 9309 2.3.1).
            case CLIENT_ERROR, REDIRECT_REFUSED -> parser.failedFetch(result.status() >= 400 && result.status() < 500 ? result.status() : 404);
            default -> parser.failedFetch(503);
        };
        byAuthority.put(base, rules);
        return rules;
    }

    private BaseRobotRules parse(String robotsUrl, byte[] body) {
        try {
            return parser.parseContent(robotsUrl, body, "text/plain", List.of(agentName));
        } catch (RuntimeException e) {
            return parser.failedFetch(404); // unreadable rules are no rules, as for a missing file
        }
    }
}
