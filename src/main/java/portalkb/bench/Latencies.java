package portalkb.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nanosecond samples of one measured operation, read back as percentiles in milliseconds. */
final class Latencies {

    private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        samples.add(nanos);
    }

    int count() {
        return samples.size();
    }

    double ms(int percentile) {
        List<Long> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1))) / 1e6;
    }
}
