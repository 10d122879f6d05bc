package portalkb.web;

import portalkb.crawl.SourceStatus;
import portalkb.store.WriteBlocks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crawl status as anyone may see it: which host and process ran a crawl is left out, and each error is
 * told as a plain category ("the site did not answer in time") after the page it concerns, not as the raw
 * message, which can name hosts, paths, indices and exceptions. The admin (with the token) sees it all.
 */
final class CrawlStatusView {

    private static final Pattern HTTP_STATUS = Pattern.compile("\\bHTTP (\\d{3})\\b");
    private static final String SEPARATOR = " — ";

    private CrawlStatusView() {
    }

    static List<SourceStatus> forPublic(List<SourceStatus> sources) {
        return sources.stream()
            .map(source -> source.lastRun() == null ? source : source.withLastRun(source.lastRun().forPublic(CrawlStatusView::plain)))
            .toList();
    }

    /** "URL — raw message" → "URL — category"; what precedes the message is kept only when it is a web address. */
    static String plain(String error) {
        int at = error.indexOf(SEPARATOR);
        String where = at < 0 ? "" : error.substring(0, at);
        String message = at < 0 ? error : error.substring(at + SEPARATOR.length());
        String category = category(message);
        return where.startsWith("http://") || where.startsWith("https://") ? where + SEPARATOR + category : category;
    }

    static String category(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        Matcher http = HTTP_STATUS.matcher(message);
        if (WriteBlocks.isDiskFull(message)) {
            return "not stored: Elasticsearch's disk is full";
        } else if (m.contains("reindex") || WriteBlocks.isWriteBlock(message)) {
            return "not stored: the index was being reindexed";
        } else if (m.contains("already being crawled")) {
            return "skipped: already being crawled by another process";
        } else if (http.find()) {
            return "the site answered HTTP " + http.group(1);
        } else if (m.contains("timed out") || m.contains("timeout")) {
            return "the site did not answer in time";
        } else if (m.contains("robots")) {
            return "disallowed by robots.txt";
        } else if (m.contains("redirect")) {
            return "redirect not followed";
        } else if (m.contains("connect") || m.contains("unknownhost") || m.contains("unresolved") || m.contains("no route")) {
            return "the site could not be reached";
        } else if (m.contains("not stored") || m.contains("elasticsearch")) {
            return "not stored in Elasticsearch";
        } else if (m.contains("not indexed")) {
            return "not indexed (not an article)";
        } else if (m.contains("too large") || m.contains("larger than")) {
            return "page too large";
        } else if (m.contains("run failed")) {
            return "the run failed";
        }
        return "error (the admin sees the details)";
    }
}
