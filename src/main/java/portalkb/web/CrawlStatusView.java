package portalkb.web;

import portalkb.store.WriteBlocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> forPublic(List<Map<String, Object>> sources) {
        return sources.stream().map(source -> {
            Map<String, Object> row = new LinkedHashMap<>(source);
            if (row.get("lastRun") instanceof Map<?, ?> run) {
                Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) run);
                shown.remove("owner");
                if (shown.get("recentErrors") instanceof List<?> errors) {
                    shown.put("recentErrors", errors.stream().map(e -> plain(String.valueOf(e))).toList());
                }
                row.put("lastRun", shown);
            }
            return row;
        }).toList();
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
