package portalkb.crawl;

import java.util.Optional;

/**
 * The fetch step of a run: every request it makes — the page, each redirect hop, the host's robots.txt
 * and its redirects — stays in the source's scope and on addresses the source may reach; then robots
 * rules, the host's politeness slot, and the (conditional) GET.
 */
final class FetchStep {

    private final Source source;
    private final Fetcher fetcher;
    private final RobotsRules robots;
    private final HostPoliteness politeness;
    private final AddressPolicy addresses;
    private final SourceReport report;

    FetchStep(Source source, Fetcher fetcher, RobotsRules robots, HostPoliteness politeness, SourceReport report) {
        this.source = source;
        this.fetcher = fetcher;
        this.robots = robots;
        this.politeness = politeness;
        this.report = report;
        this.addresses = AddressPolicy.forSource(source);
    }

    FetchResult fetch(String url, UrlState previous) throws InterruptedException {
        Optional<String> refused = addresses.refusal(url);
        if (refused.isPresent()) {
            return FetchResult.failed(url, url, FetchResult.Outcome.REFUSED, 0, null, java.util.List.of(), refused.get());
        }
        String robotsUrl = robotsUrl(url);
        if (!robots.allowed(url, hop -> robotsHopAllowed(robotsUrl, hop))) {
            return FetchResult.failed(url, url, FetchResult.Outcome.ROBOTS_DENIED, 0, null, java.util.List.of(), "disallowed by robots.txt");
        }
        politeness.await(previous.host(), Math.max(source.delayMs(), robots.crawlDelayMs(url, hop -> robotsHopAllowed(robotsUrl, hop))));
        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(url, previous.etag(), previous.lastModified(), this::hopAllowed);
        report.fetchNanos.addAndGet(System.nanoTime() - start);
        report.fetched.incrementAndGet();
        return result;
    }

    private boolean robotsHopAllowed(String robotsUrl, String hop) {
        if (!source.robotsHopInScope(robotsUrl, hop)) {
            report.note(robotsUrl, "robots.txt redirect out of the source's scope not followed: " + hop);
            return false;
        }
        Optional<String> refused = addresses.refusal(hop);
        refused.ifPresent(reason -> report.note(robotsUrl, reason));
        return refused.isEmpty();
    }

    private boolean hopAllowed(String url) {
        try {
            String robotsUrl = robotsUrl(url);
            return source.inScope(url) && addresses.refusal(url).isEmpty() && robots.allowed(url, hop -> robotsHopAllowed(robotsUrl, hop));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String robotsUrl(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt";
    }
}
