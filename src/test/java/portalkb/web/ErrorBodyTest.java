package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import portalkb.store.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every API error is {"error", "status"}, with "parameter" when one parameter is at fault. */
class ErrorBodyTest {

    @Test
    void theParameterOnlyWhenOneIsAtFault() throws Exception {
        JsonNode plain = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ErrorBody.of("no such endpoint: /api/x", 404)));
        assertEquals("no such endpoint: /api/x", plain.get("error").asText());
        assertEquals(404, plain.get("status").asInt());
        assertFalse(plain.has("parameter"));
        JsonNode bad = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(new ErrorBody("year: expected a year", "year", 400)));
        assertEquals("year", bad.get("parameter").asText());
        assertEquals(3, bad.size());
    }
}
