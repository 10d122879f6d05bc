package portalkb.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The metrics PortalKB knows (data: index-config/metrics.yaml), with their patterns compiled. */
public final class MetricCatalogue {

    public record Metric(String id, String name, String vi, List<String> units, String before, String after,
                         String unit, List<String> glossary) {
        Pattern beforePattern() {
            return before == null ? null : Pattern.compile(before);
        }

        Pattern afterPattern() {
            return after == null ? null : Pattern.compile(after);
        }
    }

    private record File(List<Metric> metrics) {
    }

    public static final String OTHER = "other";

    private static volatile MetricCatalogue instance;
    private final List<Metric> metrics;

    private MetricCatalogue(List<Metric> metrics) {
        this.metrics = metrics;
    }

    public static MetricCatalogue get() {
        if (instance == null) {
            synchronized (MetricCatalogue.class) {
                if (instance == null) {
                    try (InputStream in = MetricCatalogue.class.getResourceAsStream("/index-config/metrics.yaml")) {
                        instance = new MetricCatalogue(new ObjectMapper(new YAMLFactory()).readValue(in, File.class).metrics());
                    } catch (IOException e) {
                        throw new IllegalStateException("index-config/metrics.yaml is missing or invalid: " + e.getMessage(), e);
                    }
                }
            }
        }
        return instance;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public Optional<Metric> byId(String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
