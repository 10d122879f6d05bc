package portalkb.crawl;

import portalkb.core.UrlNormalizer;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.IOException;
import java.net.URI;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sitemaps, sitemap indexes and RSS/Atom feeds, parsed by crawler-commons' SiteMapParser (which reads
 * all three), into the URLs they list.
 */
public final class FeedReader {

    public record Entries(List<String> pages, List<String> sitemaps) {
    }

    private FeedReader() {
    }

    /** Whether a fetched body is a sitemap or feed rather than a page. */
    public static boolean isFeed(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom") || (type.contains("xml") && !type.contains("xhtml"))) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        return head.startsWith("<?xml") && !head.contains("<html") || head.startsWith("<rss") || head.startsWith("<urlset")
            || head.startsWith("<sitemapindex") || head.startsWith("<feed");
    }

    public static Entries read(String url, String contentType, byte[] body) throws IOException {
        SiteMapParser parser = new SiteMapParser(false);
        AbstractSiteMap map;
        try {
            String type = contentType == null || contentType.isBlank() ? "application/xml" : contentType.split(";")[0].strip();
            map = parser.parseSiteMap(type, body, URI.create(url).toURL());
        } catch (UnknownFormatException | MalformedURLException | IllegalArgumentException e) {
            throw new IOException("not a sitemap or feed: " + e.getMessage());
        }
        List<String> pages = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                UrlNormalizer.normalize(child.getUrl().toString()).ifPresent(sitemaps::add);
            }
        } else if (map instanceof SiteMap siteMap) {
            for (SiteMapURL entry : siteMap.getSiteMapUrls()) {
                UrlNormalizer.normalize(entry.getUrl().toString()).ifPresent(pages::add);
            }
        }
        return new Entries(pages, sitemaps);
    }
}
