package portalkb.ask.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader's weights: a logistic model over named features, fitted to labelled questions by
 * {@code ./kb eval … --features} and {@code ./kb fit-reader} (see reader-weights.yaml and place-weights.yaml beside
 * this class, whose headers say how). {@code threshold}: below this probability the best candidate is no answer.
 */
public record ReaderModel(double bias, double threshold, Map<String, Double> weights) {

    private static final ReaderModel QUANTITY = load("/portalkb/ask/read/reader-weights.yaml");
    private static final ReaderModel PLACE = load("/portalkb/ask/read/place-weights.yaml");

    /** The quantity reader's model. */
    public static ReaderModel get() {
        return QUANTITY;
    }

    /** The which-place reader's model. */
    public static ReaderModel place() {
        return PLACE;
    }

    /** The probability that a candidate with these features is the answer. */
    public double probability(Map<String, Double> features) {
        double z = bias;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            z += w.getValue() * features.getOrDefault(w.getKey(), 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Each feature's part in the score, largest first (for explaining a reading). */
    public Map<String, Double> contributions(Map<String, Double> features) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.entrySet().stream()
            .map(w -> Map.entry(w.getKey(), w.getValue() * features.getOrDefault(w.getKey(), 0.0)))
            .filter(e -> e.getValue() != 0)
            .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    static ReaderModel load(String resource) {
        try (InputStream in = ReaderModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            Map<String, Double> weights = new LinkedHashMap<>();
            ((Map<String, Object>) yaml.get("weights")).forEach((k, v) -> weights.put(k, ((Number) v).doubleValue()));
            return new ReaderModel(((Number) yaml.get("bias")).doubleValue(), ((Number) yaml.get("threshold")).doubleValue(), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
