package portalkb.core;

import portalkb.core.Gazetteer.Province;

import java.util.List;

/**
 * The provinces an article is about, as {@link ProvinceReader} read them: {@code primary} (null when no province is
 * confident), {@code provinces} every province it reports on (the primary first; empty without one), {@code confidence}
 * in [0, 1] (the primary's score against the runner-up's), and the {@code evidence} that decided, strongest first.
 */
public record ProvinceReading(Province primary, List<Province> provinces, double confidence, List<Sign> evidence) {

    /** One sign for one province: its kind (source, host, dateline, title, lead, body, …), what was written, its weight. */
    public record Sign(String province, String kind, String written, double weight) {
    }

    public static ProvinceReading none() {
        return new ProvinceReading(null, List.of(), 0, List.of());
    }

    public boolean confident() {
        return primary != null;
    }
}
