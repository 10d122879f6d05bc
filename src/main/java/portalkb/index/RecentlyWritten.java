package portalkb.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Title, SimHash, URL and publish date of articles written moments ago (not yet searchable), by id, for
 * canonical checks and for the page that linked a file; the oldest are forgotten past 20,000.
 */
final class RecentlyWritten {

    private final Map<String, String[]> written = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            return size() > 20_000;
        }
    };

    synchronized boolean contains(String id) {
        return written.containsKey(id);
    }

    /** {title, simhash, url, published}, or null when not written moments ago. */
    synchronized String[] get(String id) {
        return written.get(id);
    }

    synchronized void remember(String id, String title, String simhash, String url, String published) {
        written.put(id, new String[] {title, simhash, url, published});
    }
}
