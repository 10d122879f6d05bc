package portalkb.figures;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricCatalogueTest {

    @Test
    void everyMetricHasAKindNamesAndUnits() {
        for (MetricCatalogue.Metric m : MetricCatalogue.get().metrics()) {
            assertTrue(Set.of(MetricCatalogue.Kind.values()).contains(m.quantity()), m.id());
            assertTrue(!m.name().isBlank() && !m.vi().isBlank() && !m.units().isEmpty(), m.id());
        }
    }

    @Test
    void coversWhatPortalsReport() {
        List<String> ids = MetricCatalogue.get().metrics().stream().map(MetricCatalogue.Metric::id).toList();
        assertTrue(ids.containsAll(List.of("hiv_new_infections", "dengue_cases", "covid_cases", "poverty_rate", "near_poverty_rate",
            "malnutrition_stunting", "malnutrition_underweight", "doctors_per_10k", "beds_per_10k", "full_immunisation",
            "communes_health_standard", "communes_health_standard_count", "health_insurance_coverage", "health_insurance_people",
            "ehealth_records", "telemedicine_facilities", "clean_water", "school_enrolment", "new_countryside")), ids.toString());
        assertEquals(MetricCatalogue.Kind.RATE, MetricCatalogue.get().byId("doctors_per_10k").orElseThrow().quantity());
        assertEquals(MetricCatalogue.Kind.COUNT, MetricCatalogue.get().byId("dengue_cases").orElseThrow().quantity());
    }

    @Test
    void aVariantTakesTheUnitItsBaseDoesNotAccept() {
        MetricCatalogue c = MetricCatalogue.get();
        MetricCatalogue.Metric share = c.byId("communes_health_standard").orElseThrow();
        assertEquals("communes_health_standard_count", c.forUnit(share, "xã").orElseThrow().id());
        assertEquals("communes_health_standard", c.forUnit(share, "%").orElseThrow().id());
        assertTrue(c.forUnit(share, "giường").isEmpty());
    }

    @Test
    void aBadEntryIsRefusedByName() {
        IllegalStateException kind = assertThrows(IllegalStateException.class, () -> read("""
            metrics:
              - {id: x, name: X, vi: X, kind: percent, units: ["%"]}
            """));
        assertTrue(kind.getMessage().contains("metric 'x'") && kind.getMessage().contains("kind"), kind.getMessage());
        IllegalStateException variant = assertThrows(IllegalStateException.class, () -> read("""
            metrics:
              - {id: y, name: Y, vi: Y, kind: count, units: ["xã"], variantOf: nothing}
            """));
        assertTrue(variant.getMessage().contains("variantOf"), variant.getMessage());
    }

    private static MetricCatalogue read(String yaml) {
        return MetricCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
