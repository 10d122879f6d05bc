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
        // the answer's lead, not the quoted sentence below it
        String doctors = ask("Hà Giang có bao nhiêu bác sĩ trên vạn dân?").get("answer").asText().lines().findFirst().orElse("");
        assertTrue(doctors.contains(": 8,9 bác sĩ/vạn dân ("), "the unit, not a cut '8,9 bác': " + doctors);
        String beds = ask("Điện Biên có bao nhiêu giường bệnh trên vạn dân?").get("answer").asText().lines().findFirst().orElse("");
        assertTrue(beds.contains(": 32 giường bệnh/vạn dân ("), "not '32 giường': " + beds);
    }

    @Test
    void anAnswerGivesItsFigureOneYear() throws Exception {
        JsonNode a = ask("Tỷ lệ bao phủ bảo hiểm y tế của Bắc Kạn năm 2020?");
        JsonNode figure = a.get("figures").get(0);
        String lead = a.get("answer").asText().lines().findFirst().orElse("");
        assertEquals(2020, figure.get("year").asInt(), a.toString());
        assertTrue(lead.contains("98,1% (năm 2020)"), "the text says the figures' year: " + lead);
    }

    @Test
    void aQuestionWithoutAYearGetsTheFigureAndYearRankingsGive() throws Exception {
        for (String q : new String[] {"What is Bắc Kạn's health insurance coverage?", "Tỷ lệ bao phủ bảo hiểm y tế của Bắc Kạn là bao nhiêu?"}) {
            JsonNode a = ask(q);
            JsonNode figure = a.get("figures").get(0);
            int year = figure.get("year").asInt();
            JsonNode rows = get("/api/rank?metric=health_insurance_coverage&year=" + year).get("rows");
            String ranked = null;
            for (JsonNode row : rows) {
                if (row.get("cell").get("province").asText().equals("Bắc Kạn")) {
                    ranked = row.get("cell").get("figure").get("value").asDouble() + " (" + year + ")";
                }
            }
            assertEquals(ranked, figure.get("value").asDouble() + " (" + year + ")", "chat and Rankings, one cell: " + a);
            String lead = a.get("answer").asText().lines().findFirst().orElse("");
            assertTrue(lead.contains(Integer.toString(year)), "the lead says the figure's year: " + lead);
        }
    }

    /** The example questions the chat offers (README's list), in both languages. */
    private static final String[] EXAMPLES = {"Which province reached 97.9% insurance coverage?",
        "What was health insurance coverage in Bắc Kạn in 2020?", "How many doctors per 10,000 people does Quảng Ninh have?",
        "Which province has the highest health insurance coverage?", "What happened in Yên Bái in 2020?",
        "Tỉnh nào có tỷ lệ tiêm mũi 3 đạt 95,7%?", "Tỷ lệ bao phủ bảo hiểm y tế của Hà Giang năm 2020?",
        "Điện Biên có bao nhiêu giường bệnh trên vạn dân?", "Tỉnh nào có tỷ lệ hộ nghèo thấp nhất năm 2023?",
        "Tình hình phòng chống dịch ở Yên Bái năm 2020 ra sao?"};

    @Test
    void everyExampleAnswerStatesTheCellRankingsGive() throws Exception {
        int checked = 0;
        for (String q : EXAMPLES) {
            JsonNode a = ask(q);
            assertFalse(a.get("citations").isEmpty(), "every example is answered with a citation: " + a);
            for (JsonNode f : a.get("figures")) {
                if (f.path("metric").isMissingNode() || f.path("metric").isNull() || f.path("year").isNull() || f.path("province").isNull()) {
                    continue;
                }
                JsonNode rank = get("/api/rank?metric=" + f.get("metric").asText() + "&year=" + f.get("year").asInt());
                for (JsonNode row : rank.path("rows")) {
                    JsonNode cell = row.get("cell");
                    if (cell.get("province").asText().equals(f.get("province").asText())) {
                        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(cell.get("figure").get("value").asDouble()));
                        cell.path("values").forEach(v -> values.add(v.get("value").asDouble()));
                        assertTrue(values.contains(f.get("value").asDouble()),
                            q + ": chat states " + f + " in " + a.get("answer").asText() + "; Rankings " + cell.get("figure") + " for the same province and year");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 4, "the examples' figures were found in Rankings: " + checked);
    }

    /** A decimal comma ("97,9") or a Vietnamese thousands group cut short: no English writing of a number. */
    private static final java.util.regex.Pattern VIETNAMESE_DECIMAL = java.util.regex.Pattern.compile("\\d,(?:\\d{1,2}|\\d{4,})(?!\\d)");

    @Test
    void anEnglishAnswerWritesItsNumbersTheEnglishWay() throws Exception {
        // a which-place lead, a ranking's lead and table, a trend: what the answer itself writes (quoted sentences keep the article's)
        for (String q : new String[] {"Which province reached 97.9% insurance coverage?", "Which province has the highest health insurance coverage?",
            "How did health insurance coverage change in Bắc Kạn?"}) {
            String text = ask(q).get("answer").asText();
            for (String line : text.lines().filter(l -> !l.startsWith("\u201c")).toList()) {
                assertFalse(VIETNAMESE_DECIMAL.matcher(line).find(), q + ": a Vietnamese number in an English answer's own words: " + line + "\n" + text);
            }
        }
    }

    @Test
    void anEnglishLeadNamesItsUnitInEnglish() throws Exception {
        // the figure after the province, up to its year: no Vietnamese word left unmarked (a unit nothing names is quoted)
        for (String q : new String[] {"How many doctors per 10,000 people does Quảng Ninh have?", "How many dengue cases were there in Yên Bái in 2020?",
            "How many people returning from epidemic areas were quarantined in Yên Bái in 2020?"}) {
            String lead = ask(q).get("answer").asText().lines().findFirst().orElse("");
            String figure = lead.substring(lead.lastIndexOf(": ") + 2, Math.max(lead.lastIndexOf(": ") + 2, lead.lastIndexOf(" (")));
            assertTrue(figure.matches("[\\d.,]+(%| [A-Za-z ,0-9]+| \u201c.+\u201d)?"), q + ": the unit in English: " + lead);
        }
    }

    @Test
    void aWhichPlaceAnswerCitesAndQuotesTheSentenceStatingTheFigure() throws Exception {
        // the province may be found by another sentence of its article; what the lead cites and the answer quotes states the figure
        Map<String, String> examples = Map.of("Tỉnh nào có tỷ lệ tiêm mũi 3 đạt 95,7%?", "95,7%", "Which province reached 97.9% insurance coverage?", "97,9%");
        for (Map.Entry<String, String> e : examples.entrySet()) {
            JsonNode a = ask(e.getKey());
            String text = a.get("answer").asText();
            java.util.regex.Matcher cited = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(text.lines().findFirst().orElse(""));
            assertTrue(cited.find(), text);
            for (JsonNode c : a.get("citations")) {
                if (c.get("n").asInt() == Integer.parseInt(cited.group(1))) {
                    assertTrue(c.get("quote").asText().contains(e.getValue()), e.getKey() + ": the lead cites " + c.get("quote") + "\n" + text);
                }
            }
            text.lines().filter(l -> l.startsWith("\u201c")).forEach(l -> assertTrue(l.contains(e.getValue()),
                e.getKey() + ": a quoted sentence without the figure: " + l + "\n" + text));
        }
    }

    @Test
    void aFigureWithoutAYearOfItsOwnIsOfTheYearItsParagraphNames() throws Exception {
        // "Năm 2023, tỷ lệ bao phủ … đạt 96,8%. Tỉnh có 13,5 bác sĩ/vạn dân." published in January 2024: 13,5 is of 2023,
        // in the chat and in Rankings
        JsonNode a = ask("How many doctors per 10,000 people does Quảng Ninh have?");
        JsonNode figure = a.get("figures").get(0);
        String lead = a.get("answer").asText().lines().findFirst().orElse("");
        assertEquals(13.5, figure.get("value").asDouble(), a.toString());
        assertEquals(2023, figure.get("year").asInt(), lead);
        assertTrue(lead.contains("(2023)"), lead);
        assertTrue(a.get("answer").asText().lines().anyMatch(l -> l.startsWith("\u201c") && l.contains("Năm 2023")),
            "the sentence naming the year is quoted too: " + a.get("answer").asText());
        boolean ranked = false;
        for (JsonNode row : get("/api/rank?metric=doctors_per_10k").get("rows")) {
            JsonNode cell = row.get("cell");
            if (cell.get("province").asText().equals("Quảng Ninh")) {
                assertEquals(2023, cell.get("year").asInt(), cell.toString());
                ranked = true;
            }
        }
        assertTrue(ranked);
    }

    @Test
    void aDistrictsRowIsNoProvinceTie() throws Exception {
        String text = ask("Tỉnh nào có tỷ lệ tiêm mũi 3 đạt 95,7%?").get("answer").asText();
        assertTrue(text.startsWith("Yên Bái") && text.lines().findFirst().orElse("").contains("(năm 2022)"),
            "the province whose sentence states it, with that sentence's year: " + text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("Lai Châu")), "Tân Uyên district's 95,7% is no Lai Châu figure: " + text);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(DemoPortal.base() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void anAskedYearWithoutAFigureIsSaid() throws Exception {
        for (String q : new String[] {"What was health insurance coverage in Lạng Sơn in 2023?", "Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn năm 2023?"}) {
            String text = ask(q).get("answer").asText();
            assertTrue(text.contains("2023") && !text.contains("97,9% (2023)") && !text.contains("97,9% (năm 2023)")
                && !text.startsWith("Lạng Sơn: 97,9%"), "2023 is said to have no figure, not answered with 2019's: " + text);
        }
    }

    @Test
    void anOverviewIsAskedInEitherLanguage() throws Exception {
        for (String q : new String[] {"What happened in Lạng Sơn in 2019?", "Tóm tắt tình hình y tế Lạng Sơn năm 2019"}) {
            JsonNode a = ask(q);
            long cited = a.get("answer").asText().lines().filter(l -> l.startsWith("- ") && l.matches(".*\\[\\d+]$")).count();
            assertTrue(cited >= 2, "two or more cited sentences: " + a.get("answer").asText());
            assertTrue(a.get("citations").findValuesAsText("province").stream().allMatch("Lạng Sơn"::equals), a.toString());
        }
    }

    @Test
    void anUnknownPlaceIsSaidToBeUnknown() throws Exception {
        String text = ask("What was health insurance coverage in Atlantis in 2020?").get("answer").asText();
        assertTrue(text.startsWith("No province or district called Atlantis"), "not another province's figure: " + text);
    }
}
