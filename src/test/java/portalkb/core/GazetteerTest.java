package portalkb.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.get();

    @Test
    void sixtyThreeProvincesThenThirtyFour() {
        assertEquals(63, gazetteer.provinces().size());
        assertEquals(34, gazetteer.provincesToday().size());
    }

    @Test
    void anySpellingResolves() {
        for (String spelling : new String[] {"Lạng Sơn", "lang son", "Lang Son province", "tỉnh Lạng Sơn", "LẠNG SƠN", "lang-son"}) {
            assertEquals("Lạng Sơn", gazetteer.resolve(spelling).orElseThrow().name(), spelling);
        }
        assertEquals("Hồ Chí Minh", gazetteer.resolve("TP.HCM").orElseThrow().name());
        assertEquals("Huế", gazetteer.resolve("Thừa Thiên Huế").orElseThrow().name());
        assertTrue(gazetteer.resolve("Atlantis").isEmpty());
    }

    @Test
    void mergerOf2025() {
        assertEquals("Lào Cai", gazetteer.today(gazetteer.resolve("Yên Bái").orElseThrow()).name());
        assertEquals("Thái Nguyên", gazetteer.today(gazetteer.resolve("Bắc Kạn").orElseThrow()).name());
        assertEquals("Lạng Sơn", gazetteer.today(gazetteer.resolve("Lạng Sơn").orElseThrow()).name());
    }

    @Test
    void districtsAndMentions() {
        assertEquals("Yên Bái", gazetteer.provinceOfDistrict("huyện Mù Cang Chải").orElseThrow().name());
        // Tân Uyên is a district of Lai Châu and a town of Bình Dương: ambiguous alone.
        assertTrue(gazetteer.provinceOfDistrict("Tân Uyên").isEmpty());
        var mentions = gazetteer.mentions("Đoàn công tác tỉnh Yên Bái thăm Lạng Sơn; hòa bình và hữu nghị.");
        assertEquals(2, mentions.size());
        assertEquals("Yên Bái", mentions.get(0).name());
    }

    @Test
    void placesWithTheirOffsetsDistrictsIncluded() {
        String text = "Huyện Đakrông và tỉnh Vĩnh Long; Kinh Mon district.";
        var places = gazetteer.places(text);
        assertEquals(3, places.size());
        assertEquals("Quảng Trị", places.get(0).province().name());
        assertEquals("Đakrông", places.get(0).district());
        assertEquals("Đakrông", text.substring(places.get(0).start(), places.get(0).end()));
        // the longest name at a position: the province Vĩnh Long, not a district
        assertTrue(!places.get(1).isDistrict());
        assertEquals("Vĩnh Long", places.get(1).province().name());
        assertEquals("Kinh Môn", places.get(2).district());
    }
}
