package portalkb.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What tells an article's province and what each sign weighs (data: portalkb/core/province-evidence.yaml, whose header
 * says what every weight means): the weights, the decision's thresholds, papers' dateline codes, the news agencies'
 * desks and the provincial outlets whose address does not spell their province.
 */
record ProvinceSigns(Weights weights, Decision decision, Map<String, List<String>> datelineCodes, List<String> desks,
                     List<String> agencies, Map<String, String> outletHosts) {

    record Weights(double source, double region, double host, double dateline, double datelineDesk, double datelineCode,
                   double outlet, double titleStart, double title, double lead, double body, double reference, double kindWord,
                   double district, double bareDistrict) {
    }

    record Decision(double minScore, double reportedShare) {
    }

    private static final ProvinceSigns INSTANCE = load();

    static ProvinceSigns get() {
        return INSTANCE;
    }

    private static ProvinceSigns load() {
        try (InputStream in = ProvinceSigns.class.getResourceAsStream("/portalkb/core/province-evidence.yaml")) {
            if (in == null) {
                throw new IllegalStateException("portalkb/core/province-evidence.yaml is missing from the classpath");
            }
            ProvinceSigns signs = new ObjectMapper(new YAMLFactory()).readValue(in, ProvinceSigns.class);
            signs.check();
            return signs;
        } catch (IOException e) {
            throw new UncheckedIOException("portalkb/core/province-evidence.yaml: " + e.getMessage(), e);
        }
    }

    /** Every province named in the file is one the gazetteer knows: a typo would silently lose a sign. */
    private void check() {
        Gazetteer g = Gazetteer.get();
        datelineCodes.forEach((code, names) -> names.forEach(n -> known(g, n, "datelineCodes." + code)));
        desks.forEach(n -> known(g, n, "desks"));
        outletHosts.forEach((host, n) -> known(g, n, "outletHosts." + host));
    }

    private static void known(Gazetteer g, String name, String key) {
        if (g.resolve(name).isEmpty()) {
            throw new IllegalStateException("province-evidence.yaml: " + key + ": unknown province '" + name + "'");
        }
    }
}
