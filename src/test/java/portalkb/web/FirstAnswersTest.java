package portalkb.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.store.Json;
import portalkb.store.TestElastic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answers a new user got wrong in their first minutes with the demo (issue 28), asked of /api/ask on what
 * {@code ./kb demo} serves: each answer's province, unit and year as a person would quote them.
 */
@ExtendWith({TestElastic.class, DemoPortal.class})
class FirstAnswersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonNode ask(String question) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("question", question));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(DemoPortal.base() + "/api/ask"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void anEverydayLaIsNoSonLa() throws Exception {
        String text = ask("Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn là bao nhiêu?").get("answer").asText();
        assertTrue(text.startsWith("Lạng Sơn: "), text);
        assertFalse(text.contains("Sơn La"), "the question names no Sơn La: " + text);
    }

    @Test
    void theUnitIsWhole() throws Exception {
        String doctors = ask("Hà Giang có bao nhiêu bác sĩ trên vạn dân?").get("answer").asText();
        // the answer's lead, not the quoted sentence below it
        assertTrue(doctors.startsWith("Hà Giang: 8,9 bác sĩ/vạn dân ("), "the unit, not a cut '8,9 bác': " + doctors);
        String beds = ask("Điện Biên có bao nhiêu giường bệnh trên vạn dân?").get("answer").asText();
        assertTrue(beds.startsWith("Điện Biên: 32 giường bệnh/vạn dân ("), "not '32 giường': " + beds);
    }

    @Test
    void anAnswerGivesItsFigureOneYear() throws Exception {
        JsonNode a = ask("What was health insurance coverage in Lạng Sơn in 2023?");
        int year = a.get("figures").get(0).get("year").asInt();
        assertTrue(a.get("answer").asText().contains("97,9% (" + year + ")"), "the text says the figures' year " + year + ": " + a.get("answer"));
    }

    @Test
    void anAskedYearWithoutAFigureIsSaid() throws Exception {
        String en = ask("What was health insurance coverage in Lạng Sơn in 2023?").get("answer").asText();
        assertTrue(en.startsWith("No figure for 2023 in the knowledge base"), en);
        String vi = ask("Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn năm 2023?").get("answer").asText();
        assertTrue(vi.startsWith("Cơ sở tri thức chưa có số liệu năm 2023"), vi);
        String asked = ask("What was health insurance coverage in Bắc Kạn in 2020?").get("answer").asText();
        assertTrue(asked.startsWith("Bắc Kạn: 98,1% (2020)"), "a year it has is answered plainly: " + asked);
    }

    @Test
    void aVietnameseRequestForAnOverviewIsAnswered() throws Exception {
        for (String q : new String[] {"Tóm tắt tình hình y tế Lạng Sơn năm 2019", "Tình hình y tế Lạng Sơn năm 2019 thế nào?"}) {
            JsonNode a = ask(q);
            assertTrue(a.get("answer").asText().startsWith("Các bài viết trong cơ sở tri thức cho biết về Lạng Sơn năm 2019:"), q + " → " + a.get("answer"));
            assertTrue(a.get("citations").size() >= 1, q);
        }
    }
}
