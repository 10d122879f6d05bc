package portalkb.ask.answer;

import org.junit.jupiter.api.Test;
import portalkb.ask.read.Sentence;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lead names the province as the report does and as it is today, without a node. */
class ReportedProvinceTest {

    private static Sentence sentence(String province, String title, String text) {
        Origin origin = new Origin("a1", "https://example.vn/tin.html", title, "test", "Báo test", province, province,
            "2019-05-02T08:00:00+07:00", 2019, List.of(province));
        return Sentence.split(List.of(new Retrieved.PassageHit("a1#0", text, origin))).get(1);
    }

    @Test
    void aRenamedUnitIsNamedAsTheReportWritesItThenAsToday() {
        Sentence s = sentence("Huế", "Thừa Thiên Huế: tỷ lệ bao phủ bảo hiểm y tế đạt 91,5%",
            "Năm 2018, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 91,5%.");
        assertEquals("Thừa Thiên Huế (since 2025: Huế)", ReportedProvince.name("Huế", s, new AnswerPhrases("en")));
        assertEquals("Thừa Thiên Huế (từ 2025: Huế)", ReportedProvince.name("Huế", s, new AnswerPhrases("vi")));
    }

    @Test
    void anEnglishReportsSpellingIsGivenItsDiacritics() {
        Sentence s = sentence("Huế", "Thua Thien Hue expands health insurance", "In 2018 the province covered 91.5 percent of its people.");
        assertEquals("Thừa Thiên Huế (since 2025: Huế)", ReportedProvince.name("Huế", s, new AnswerPhrases("en")));
    }

    @Test
    void aMergedProvinceNamesTheProvinceItIsPartOfToday() {
        Sentence s = sentence("Yên Bái", "Yên Bái tổng kết năm 2019", "Năm 2019, toàn tỉnh có 412 ca sốt xuất huyết.");
        assertEquals("Yên Bái (since 2025: Lào Cai)", ReportedProvince.name("Yên Bái", s, new AnswerPhrases("en")));
    }

    @Test
    void aProvinceTheMergerLeftAsItWasIsNamedOnce() {
        Sentence s = sentence("Lai Châu", "Lai Châu tổng kết năm 2019", "Năm 2019, toàn tỉnh có 136 cơ sở hành nghề y tư nhân.");
        assertEquals("Lai Châu", ReportedProvince.name("Lai Châu", s, new AnswerPhrases("en")));
    }
}
