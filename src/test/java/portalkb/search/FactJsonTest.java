package portalkb.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import portalkb.store.Fact;
import portalkb.store.Json;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON of /api/facts rows, /api/compare points and /api/provinces/{id} figures as the web UI reads it:
 * a row is the stored fact's own fields side by side with its id and conflict flag, not a nested object;
 * a fact row's conflict field appears only once {@link ConflictFlags} has looked.
 */
class FactJsonTest {

    private static final Fact FACT = new Fact("a1", "http://x/a", "Title", "src", "Source", "Lạng Sơn", "Lạng Sơn", null, null,
        "2024-01-02T08:00+07:00", 2023, "poverty_rate", 4.1, "%", "4,1%", "Tỷ lệ hộ nghèo 4,1%.", 0, null, null);

    private static JsonNode json(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    @Test
    void aFactRowIsTheStoredFactFlatWithItsIdAndConflict() {
        FactRow row = new FactRow(FACT, "a1-f0", null);
        JsonNode unflagged = json(row);
        assertEquals("poverty_rate", unflagged.get("metric").asText());
        assertEquals(4.1, unflagged.get("value").asDouble());
        assertEquals("a1-f0", unflagged.get("id").asText());
        assertFalse(unflagged.has("fact"), "the fact's fields stand in the row itself");
        assertFalse(unflagged.has("conflict"), "no conflict field before ConflictFlags looked");
        assertFalse(unflagged.has("district"), "fields the stored fact lacks are left out, as stored");
        assertTrue(json(row.withConflict(true)).get("conflict").asBoolean());
        assertEquals(FactRow.COLUMNS.size(), row.cells().size());
        assertEquals("Lạng Sơn", row.cells().get(FactRow.COLUMNS.indexOf("province")));
        assertEquals(4.1, row.cells().get(FactRow.COLUMNS.indexOf("value")));
    }

    @Test
    void aComparePointListsEveryFieldAndItsOtherValuesOnlyWhenThereAreSome() {
        Comparison.Point point = new Comparison.Point(2023, 4.1, null, "t", "a1", "u", "T", "src", "Source", "p", false, List.of());
        JsonNode plain = json(point);
        assertTrue(plain.has("unit") && plain.get("unit").isNull(), "a point lists every field, empty ones as null");
        assertFalse(plain.get("conflict").asBoolean());
        assertFalse(plain.has("otherValues"));
        JsonNode flagged = json(new Comparison.Point(2023, 4.1, null, "t", "a1", "u", "T", "src", "Source", "p", true,
            List.of(new Comparison.OtherValue(3.9, 2, "u2", "T2", "s2", "S2", "p2"))));
        assertTrue(flagged.get("conflict").asBoolean());
        assertEquals(3.9, flagged.get("otherValues").get(0).get("value").asDouble());
        assertEquals("S2", flagged.get("otherValues").get(0).get("sourceName").asText());
    }

    @Test
    void aProvincesLatestFigureIsTheReportWithItsMetricsNames() {
        JsonNode figure = json(new ProvinceOverview.LatestFigure(Analysis.Report.of(FACT), "Poverty rate", "Tỷ lệ hộ nghèo", false));
        assertEquals("Poverty rate", figure.get("name").asText());
        assertEquals("Tỷ lệ hộ nghèo", figure.get("vi").asText());
        assertEquals("poverty_rate", figure.get("metric").asText());
        assertEquals("a1", figure.get("articleId").asText());
        assertEquals("Source", figure.get("sourceName").asText());
    }
}
