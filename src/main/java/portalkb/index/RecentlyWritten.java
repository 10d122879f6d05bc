package portalkb.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Title, SimHash, URL and publish date of articles written moments ago (not yet searchable), by id, for
 * canonical checks and for the page that linked a file; the oldest are forgotten past 20,000.
 */
final class RecentlyWritten {

    /** What a canonical check and a file's link need of an article just written. */
    record Written(String title, String simhash, String url, String published) {
    }

    private final Map<String, Written> written = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > 20_000;
        }
    };

    synchronized boolean contains(String id) {
        return written.containsKey(id);
    }

    /** Null when not written moments ago. */
    synchronized Written get(String id) {
        return written.get(id);
    }

    synchronized void remember(String id, Written article) {
        written.put(id, article);
    }
}
