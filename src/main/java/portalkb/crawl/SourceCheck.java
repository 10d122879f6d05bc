package portalkb.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.extract.ExtractedPage;
import portalkb.extract.HtmlDecoder;
import portalkb.extract.PageExtractor;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Looks at a source the way a crawl would, once and politely, without storing anything: robots.txt, each
 * seed (one attempt each), the feeds and sitemaps it offers, and whether the links of its first listing
 * page (or feed) read as articles to the extractor. Robots rules, per-host delay and extraction are the
 * crawler's own ({@link RobotsRules}, {@link HostPoliteness}, {@link PageExtractor}).
 */
public final class SourceCheck {

    /** What one seed answered. {@code status} 0 = no HTTP answer. */
    public record Seed(String url, boolean robotsAllowed, boolean fetched, int status, String kind, String error) {
    }

    /**
     * The verdict on one source. {@code reachable}: some seed or its robots.txt answered over HTTP;
     * {@code feeds}: feeds and sitemaps found (seeds, robots.txt Sitemap lines, feed links of the listing);
     * {@code probed}/{@code articles}: listing links fetched / read as articles.
     */
    /** {@code coverage}: what the source covers ({@link Source#coverage}: its province, "national", "region: …"). */
    public record Result(String source, String coverage, boolean reachable, int status, String robots, boolean robotsAllowed,
                         List<String> feeds, int listingLinks, int probed, int articles, List<Seed> seeds, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final HostPoliteness politeness;
    private final PageExtractor extractor;
    private final int probes;

    public SourceCheck(AppConfig.Crawler settings) {
        this.extractor = new PageExtractor(settings.maxHtmlDepth());
        this.fetcher = new Fetcher(settings);
        this.robots = new RobotsRules(fetcher, settings.userAgent());
        this.politeness = new HostPoliteness();
        this.probes = settings.checkProbes();
    }

    public Result check(Source source) throws InterruptedException {
        Predicate<String> hops = robotsHops(source);
        List<Seed> seeds = new ArrayList<>();
        Set<String> feeds = new LinkedHashSet<>();
        List<String> listing = null;
        String robotsState = null;
        for (String url : source.seeds()) {
            FetchResult robotsTxt = robots.robotsFetch(url, hops);
            robotsState = robotsState == null ? describeRobots(robotsTxt) : robotsState;
            if (robotsTxt.status() == 0) {
                seeds.add(new Seed(url, false, false, 0, null, "unreachable (robots.txt: " + robotsTxt.error() + ")"));
                continue;
            }
            if (robotsTxt.status() >= 500) {
                // RFC 9309: a server error on robots.txt means "crawl nothing for now"; so does the crawler.
                seeds.add(new Seed(url, false, false, robotsTxt.status(), null, "robots.txt answers HTTP " + robotsTxt.status()
                    + ", so the crawler fetches nothing there for now"));
                continue;
            }
            feeds.addAll(robots.sitemaps(url, hops));
            if (!robots.allowed(url, hops)) {
                seeds.add(new Seed(url, false, false, 0, null, "robots.txt disallows it"));
                continue;
            }
            FetchResult page = fetchPolitely(source, url);
            if (page.outcome() != FetchResult.Outcome.OK) {
                String error = page.error() == null ? page.outcome().name() : page.error();
                seeds.add(new Seed(url, true, page.status() > 0, page.status(), null, page.status() == 0 ? "unreachable (" + error + ")" : error));
                continue;
            }
            if (FeedReader.isFeed(page.contentType(), page.body())) {
                feeds.add(url);
                List<String> entries = feedEntries(page);
                seeds.add(new Seed(url, true, true, page.status(), "feed", null));
                listing = listing == null ? entries : listing;
            } else {
                String html = HtmlDecoder.decode(page.body(), page.charset()).text();
                feeds.addAll(advertisedFeeds(html, page.finalUrl()));
                ExtractedPage extracted = extractor.extract(html, page.finalUrl(), source.selectors());
                seeds.add(new Seed(url, true, true, page.status(), extracted.article() ? "article" : "listing", null));
                listing = listing == null ? extracted.links() : listing;
            }
        }
        List<String> candidates = listing == null ? List.of() : candidates(source, listing);
        int probed = 0;
        int articles = 0;
        for (String link : candidates) {
            if (probed >= probes) {
                break;
            }
            if (robots.allowed(link, hops)) {
                probed++;
                articles += isArticle(source, link) ? 1 : 0;
            }
        }
        return verdict(source, seeds, robotsState, List.copyOf(feeds), candidates.size(), probed, articles);
    }

    private static Result verdict(Source source, List<Seed> seeds, String robotsState, List<String> feeds, int links, int probed,
                                  int articles) {
        boolean reachable = seeds.stream().anyMatch(s -> s.error() == null || !s.error().startsWith("unreachable"));
        boolean allowed = seeds.stream().allMatch(Seed::robotsAllowed);
        int status = seeds.stream().filter(s -> s.status() > 0).mapToInt(Seed::status).findFirst().orElse(0);
        String problem = seeds.stream().filter(s -> s.error() != null).map(s -> s.url() + ": " + s.error()).findFirst().orElse(null);
        if (problem == null && probed > 0 && articles == 0) {
            problem = "none of " + probed + " links of the first listing reads as an article (selectors?)";
        } else if (problem == null && probed == 0) {
            problem = "the first listing has no links in scope";
        }
        return new Result(source.id(), source.coverage(), reachable, status, robotsState, allowed, feeds, links, probed, articles,
            List.copyOf(seeds), problem);
    }

    /** The crawler's SSRF policy: robots.txt redirects and every fetch stay in scope and on addresses the source may reach. */
    private static Predicate<String> robotsHops(Source source) {
        AddressPolicy addresses = AddressPolicy.forSource(source);
        return hop -> source.seeds().stream().anyMatch(seed -> source.robotsHopInScope(seed, hop)) && addresses.refusal(hop).isEmpty();
    }

    private FetchResult fetchPolitely(Source source, String url) throws InterruptedException {
        AddressPolicy addresses = AddressPolicy.forSource(source);
        java.util.Optional<String> refused = addresses.refusal(url);
        if (refused.isPresent()) {
            return FetchResult.failed(url, url, FetchResult.Outcome.REFUSED, 0, null, List.of(), refused.get());
        }
        politeness.await(Source.authority(url), Math.max(source.delayMs(), robots.crawlDelayMs(url, robotsHops(source))));
        return fetcher.fetchOnce(url, next -> (source.inScope(next) || source.seeds().contains(next)) && addresses.refusal(next).isEmpty());
    }

    private boolean isArticle(Source source, String url) throws InterruptedException {
        FetchResult page = fetchPolitely(source, url);
        if (page.outcome() != FetchResult.Outcome.OK || FeedReader.isFeed(page.contentType(), page.body())) {
            return false;
        }
        String html = HtmlDecoder.decode(page.body(), page.charset()).text();
        ExtractedPage extracted = extractor.extract(html, page.finalUrl(), source.selectors());
        return extracted.article() && !extracted.noindex();
    }

    private static List<String> feedEntries(FetchResult page) {
        try {
            return FeedReader.read(page.finalUrl(), page.contentType(), page.body()).pages();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** RSS/Atom feeds a page announces in its head ({@code <link rel="alternate" type="application/rss+xml">}). */
    private static List<String> advertisedFeeds(String html, String baseUrl) {
        List<String> out = new ArrayList<>();
        for (Element link : Jsoup.parse(html, baseUrl).select("link[rel=alternate][type~=(?i)(rss|atom)][href]")) {
            UrlNormalizer.normalize(link.absUrl("href")).ifPresent(out::add);
        }
        return out;
    }

    /** In-scope links that are not seeds, the likeliest articles first: long paths with a number (ids, dates). */
    private static List<String> candidates(Source source, List<String> links) {
        return links.stream().distinct()
            .filter(u -> source.inScope(u) && !source.seeds().contains(u))
            .sorted(Comparator.comparingInt(SourceCheck::articleLikeness).reversed())
            .toList();
    }

    private static int articleLikeness(String url) {
        String path = URI.create(url).getRawPath();
        path = path == null ? "" : path;
        return path.length() + (path.matches(".*\\d{3,}.*") ? 100 : 0);
    }

    private static String describeRobots(FetchResult r) {
        if (r.status() == 0) {
            return "unreachable";
        }
        return r.outcome() == FetchResult.Outcome.OK ? "found (HTTP " + r.status() + ")" : "none (HTTP " + r.status() + ")";
    }
}
