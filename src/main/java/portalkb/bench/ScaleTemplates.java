package portalkb.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** {@code scale-templates.yaml}: what the scale corpus adds to the world (outlets, kinds, news shapes, rare figures); its header documents each field. */
record ScaleTemplates(Years years, Kinds kinds, Copies copies, List<Outlet> outlets, Outlet aggregator, Map<String, Integer> measures,
                      Map<String, List<Topic>> topics, News news, List<Rare> rare) {

    static final String RESOURCE = "/portalkb/bench/scale-templates.yaml";

    record Years(int from, int to) {
    }

    record Kinds(double yearEnd, double english, double copy) {
    }

    record Copies(double recent, int window) {
    }

    record Outlet(String name, String source, String host, String section, Integer weight, Boolean national) {
        boolean isNational() {
            return Boolean.TRUE.equals(national);
        }
    }

    record Topic(String topic, String agency, String program) {
    }

    record News(List<String> titles, List<String> leads, List<String> closings) {
    }

    record Rare(int weight, List<Integer> range, String vi) {
    }

    static ScaleTemplates load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = ScaleTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return yaml.readValue(in, ScaleTemplates.class);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The measure weight of a world measure in news items (unlisted: 1). */
    int weight(String measure) {
        return measures.getOrDefault(measure, 1);
    }
}
