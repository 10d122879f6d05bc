package portalkb.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host, parsed by crawler-commons (the parser StormCrawler and Nutch use) and cached for
 * the run. Per RFC 9309: a missing file (4xx) allows everything; an unreachable one (5xx, network)
 * disallows everything for now.
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

    public boolean allowed(String url) throws InterruptedException {
        return rules(url).isAllowed(url);
    }

    /** Crawl-delay asked by the host, ms (0 when none). */
    public long crawlDelayMs(String url) throws InterruptedException {
        long delay = rules(url).getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay < 0 ? 0 : delay;
    }

    public List<String> sitemaps(String url) throws InterruptedException {
        return rules(url).getSitemaps();
    }

    /** How the host's robots.txt answered (fetched once, with the rules): a check reports it. */
    public FetchResult robotsFetch(String url) throws InterruptedException {
        rules(url);
        URI uri = URI.create(url);
        return fetches.get(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private BaseRobotRules rules(String url) throws InterruptedException {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        BaseRobotRules cached = byAuthority.get(base);
        if (cached != null) {
            return cached;
        }
        String robotsUrl = base + "/robots.txt";
        FetchResult result = fetcher.fetchRobots(robotsUrl);
        fetches.put(base, result);
        BaseRobotRules rules = switch (result.outcome()) {
            case OK -> parser.parseContent(robotsUrl, result.body(), "text/plain", List.of(agentName));
            case CLIENT_ERROR, UNSUPPORTED_TYPE -> parser.failedFetch(result.status() == 0 ? 404 : result.status());
            default -> parser.failedFetch(503);
        };
        byAuthority.put(base, rules);
        return rules;
    }
}
