package portalkb.ask.question;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The question is read once into a typed Question: its kind, places, periods, numbers and what it counts. */
class QuestionAnalyzerTest {

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

    @Test
    void answerTypesInBothLanguages() {
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Which province reached 97.9% insurance coverage?").type());
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Tỉnh nào có 27 xã đạt chuẩn nông thôn mới?").type());
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("A district with 3,594 poor households belongs to which province?").type());
        Question district = analyzer.analyze("Huyện nào của Yên Bái có nhiều ca sốt xuất huyết nhất?");
        assertEquals(Question.AnswerType.WHICH_PLACE, district.type());
        assertEquals(Question.PlaceLevel.DISTRICT, district.placeLevel());
        assertEquals(Question.AnswerType.QUANTITY, analyzer.analyze("How many new HIV infections did Lâm Đồng detect in 2014?").type());
        assertEquals(Question.AnswerType.QUANTITY, analyzer.analyze("Tỷ lệ hộ cận nghèo của tỉnh Cà Mau là bao nhiêu?").type());
        assertEquals(Question.AnswerType.QUANTITY, analyzer.analyze("What was Sóc Trăng province's household poverty rate in 2015?").type());
        assertEquals(Question.AnswerType.WHEN, analyzer.analyze("Khi nào bệnh viện đa khoa huyện Mường La được khánh thành?").type());
        assertEquals(Question.AnswerType.WHEN, analyzer.analyze("When did Lạng Sơn open its new general hospital?").type());
        assertEquals(Question.AnswerType.OPEN, analyzer.analyze("What happened in Yên Bái in 2020?").type());
        assertEquals(Question.AnswerType.OPEN, analyzer.analyze("Tình hình dịch sởi ở Nam Định năm 2019 ra sao?").type());
    }

    @Test
    void aQuotedFigureAsksForItsPlaceEvenBesideARegionARankOrAnAge() {
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Tỉnh Tây Bắc nào có gần 120 nghìn người được cấp thẻ bảo hiểm y tế miễn phí?").type(),
            "a region between 'tỉnh' and 'nào'");
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Which province had only 3 of its 98 communes meeting the new-countryside "
            + "standard in 2017, ranking last in the region?").type(), "a rank word beside a quoted figure");
        Question age = analyzer.analyze("Tỉnh nào có 23% trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi?");
        assertEquals(Question.AnswerType.WHICH_PLACE, age.type(), "'dưới 5 tuổi' is an age, not a bound");
        assertEquals(null, age.threshold());
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Which province had 23% stunting among children under 5?").type());
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Which centrally-run city recorded 1,250 dengue cases in 2019?").type(),
            "a hyphenated word before the place noun");
        assertEquals(Question.AnswerType.RANK, analyzer.analyze("Which province recorded the highest rate of stunting among under-5 children "
            + "in 2022?").type(), "an age is no quoted figure");
        assertEquals(Question.AnswerType.RANK, analyzer.analyze("Năm 2021, tỉnh nào có tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi thấp nhất?").type());
        assertEquals(Question.AnswerType.RANK, analyzer.analyze("Which provinces are the top 5 in health insurance coverage?").type(),
            "'top 5' ranks");
        assertEquals(Question.AnswerType.LIST, analyzer.analyze("Những tỉnh nào có tỷ lệ bao phủ bảo hiểm y tế trên 95%?").type(),
            "a bound is still a bound");
    }

    @Test
    void openQuestionsAreAskedInManyWays() {
        for (String open : List.of("Summarise how far Bạc Liêu's communes have progressed on the new-countryside criteria.",
            "What did Cần Thơ's preventive medicine centre say it would change in its vaccination reports?",
            "Tóm tắt tình hình y tế Lạng Sơn năm 2019", "Tỉnh Điện Biên báo cáo gì về việc công nhận thôn, bản nông thôn mới năm 2022?",
            "Tell me about health insurance in Lai Châu")) {
            assertEquals(Question.AnswerType.OPEN, analyzer.analyze(open).type(), open);
        }
        assertEquals(Question.AnswerType.QUANTITY, analyzer.analyze("Tóm lại, Lạng Sơn có bao nhiêu bác sĩ năm 2019?").type(),
            "a question asking how many is no summary");
        assertEquals(Question.AnswerType.WHICH_PLACE, analyzer.analyze("Describe which province reached 97.9% coverage").type());
    }

    @Test
    void aProvinceIsNamedWithItsOwnDiacriticsOrNone() {
        assertEquals(List.of("Lạng Sơn"), analyzer.analyze("Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn là bao nhiêu?").provinces(),
            "'Sơn là' is the everyday 'là', not Sơn La");
        assertEquals(List.of("Sơn La"), analyzer.analyze("Tỷ lệ hộ nghèo của Sơn La là bao nhiêu?").provinces());
        assertEquals(List.of("Sơn La"), analyzer.analyze("What was the poverty rate of Son La in 2023?").provinces());
        assertEquals(List.of("Khánh Hòa"), analyzer.analyze("Khánh Hoà có bao nhiêu cơ sở hành nghề y tư nhân?").provinces(),
            "a tone mark placed the old way is the same name");
    }

    @Test
    void aPlaceNoGazetteerKnowsIsNamedAsUnknown() {
        assertEquals("Atlantis", analyzer.analyze("What was health insurance coverage in Atlantis in 2020?").unknownPlace());
        assertEquals("Atlantis", analyzer.analyze("Tỷ lệ bao phủ bảo hiểm y tế ở Atlantis năm 2020 là bao nhiêu?").unknownPlace());
        assertNull(analyzer.analyze("What was health insurance coverage in Lạng Sơn in 2020?").unknownPlace());
        assertNull(analyzer.analyze("How many dengue cases were there in Tân Uyên in 2019?").unknownPlace(), "a district is known");
        assertNull(analyzer.analyze("How many cases of HIV were found in January 2020?").unknownPlace(), "a month is no place");
    }

    @Test
    void languageIsTheQuestionsNotItsPlaceNames() {
        assertEquals("en", analyzer.analyze("What happened in Thừa Thiên Huế in 2020?").lang());
        assertEquals("vi", analyzer.analyze("tinh nao co ty le tiem mui 3 dat 95,7%").lang());
        assertEquals("vi", analyzer.analyze("Năm 2012, tỷ lệ dân số tỉnh Vĩnh Phúc tham gia BHYT là bao nhiêu?").lang());
    }

    @Test
    void numbersMatchAtTheirWrittenPrecision() {
        Question.AskedNumber n = analyzer.analyze("Which province reached 97.9% insurance coverage?").numbers().get(0);
        assertTrue(n.percent());
        assertTrue(n.matches(97.9));
        assertTrue(n.matches(97.90));
        assertFalse(n.matches(97.92));
        assertEquals(1401636, analyzer.analyze("Which province had 1,401,636 insured people?").numbers().get(0).value());
        assertEquals(1401636, analyzer.analyze("Tỉnh nào có 1.401.636 người tham gia BHYT?").numbers().get(0).value());
        assertEquals(9600, analyzer.analyze("Tỉnh nào có 9.600 hộ nghèo?").numbers().get(0).value());
        assertEquals(78.77, analyzer.analyze("Tỉnh nào có tỷ lệ 78,77%?").numbers().get(0).value());
        // Years, dates and "per 10,000" are not figures the question quotes.
        assertEquals(List.of(), analyzer.analyze("How many doctors per 10,000 people did Lào Cai have on 31/12/2019?").numbers());
    }

    @Test
    void periods() {
        Question.Period p = analyzer.analyze("Có bao nhiêu ca sốt xuất huyết trong 9 tháng đầu năm 2014 ở An Giang?").periods().get(0);
        assertEquals(2014, p.year());
        assertEquals(9, p.months());
        assertTrue(p.forms().contains("9 thang"));
        Question.Period month = analyzer.analyze("Tỷ lệ tiêm chủng tháng 3/2019 ở Lai Châu là bao nhiêu?").periods().get(0);
        assertEquals(3, month.month());
        assertEquals(2019, month.year());
        assertEquals(9, analyzer.analyze("How many dengue cases in the first nine months of 2022?").periods().get(0).months());
        Question.Period day = analyzer.analyze("How many people were insured as of 31 December 2017?").periods().get(0);
        assertEquals(12, day.month());
        assertTrue(day.forms().contains("31/12"));
        assertEquals(List.of(2018), analyzer.analyze("What was the coverage at the end of September 2018?").years());
    }

    @Test
    void placesBelowAProvinceAndDistrictsThatNameTheirProvince() {
        Question q = analyzer.analyze("Đến cuối tháng 9/2018, huyện Châu Thành A của tỉnh Hậu Giang có tỷ lệ tham gia BHYT là bao nhiêu?");
        assertEquals(List.of("Hậu Giang"), q.provinces());
        assertEquals(List.of("chau thanh a"), q.places());
        Question district = analyzer.analyze("What share of children were underweight in Mù Cang Chải?");
        assertEquals(List.of("Yên Bái"), district.provinces());
        assertEquals("en", district.lang());
        // "Vinh" is a city of Nghệ An, but not inside "Vinh Long" or "Trà Vinh".
        assertEquals(List.of("Vĩnh Long"), analyzer.analyze("How many beds does the new hospital in Vinh Long province have?").provinces());
        assertEquals(List.of("Trà Vinh"), analyzer.analyze("Trà Vinh huy động bao nhiêu tỷ đồng?").provinces());
    }

    @Test
    void ordinaryWordsAreNoProvince() {
        // issue 28: "… của Lạng Sơn là bao nhiêu?" folds to "lang son la", but "Sơn là" is no Sơn La.
        assertEquals(List.of("Lạng Sơn"), analyzer.analyze("Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn là bao nhiêu?").provinces());
        assertEquals(List.of("Lạng Sơn"), analyzer.analyze("Ty le bao phu bao hiem y te cua Lang Son?").provinces());
        assertEquals(List.of("Sơn La"), analyzer.analyze("Tỷ lệ hộ nghèo của Sơn La là bao nhiêu?").provinces());
        assertEquals(List.of("Sơn La"), analyzer.analyze("How many doctors does son la have?").provinces());
        assertEquals(List.of("Hòa Bình"), analyzer.analyze("Tỷ lệ tiêm chủng ở Hoà Bình?").provinces(), "either tone placement");
    }

    @Test
    void unitsAndWhatIsCounted() {
        assertTrue(analyzer.analyze("Tỉnh Bến Tre có bao nhiêu xã đạt chuẩn nông thôn mới?").units().contains("xa"));
        assertTrue(analyzer.analyze("How many beds does the hospital in Long Hồ have?").units().contains("giuong"));
        assertEquals(List.of("%"), analyzer.analyze("What share of children in Gia Lai were underweight?").units());
        Question died = analyzer.analyze("How many people died of dengue in An Giang in 2022?");
        assertTrue(died.concepts().stream().anyMatch(c -> c.focus() && c.forms().contains("tu vong")), died.toString());
        Question nearPoor = analyzer.analyze("How many near-poor households did Kon Tum have at the end of 2019?");
        assertTrue(nearPoor.concepts().stream().anyMatch(c -> c.focus() && c.forms().contains("ho can ngheo")), nearPoor.toString());
    }

    @Test
    void englishWordsReachVietnameseFormsAndExclusionsAreMarked() {
        Question q = analyzer.analyze("What was the share of poor households (excluding near-poor) in Hà Giang province?");
        assertTrue(q.concepts().stream().anyMatch(c -> !c.excluded() && c.forms().contains("ho ngheo")), q.toString());
        assertTrue(q.concepts().stream().anyMatch(c -> c.excluded() && c.forms().contains("ho can ngheo")), q.toString());
        assertFalse(q.vietnameseQuery().contains("can ngheo"), "what the question leaves out is not searched for");
        Question vi = analyzer.analyze("Tỷ lệ bao phủ bảo hiểm y tế của Lạng Sơn là bao nhiêu?");
        assertTrue(vi.englishQuery().contains("health insurance"), "a Vietnamese question also searches English articles");
        assertNull(analyzer.analyze("Which province reached 97.9% insurance coverage?").threshold());
    }

    @Test
    void followUpsInheritWhatTheyLeaveOut() {
        Question first = analyzer.analyze("What was the health insurance coverage in Yên Bái in 2022?");
        Question second = analyzer.analyze("and Bắc Kạn?").withContext(first);
        assertEquals(List.of("Bắc Kạn"), second.provinces());
        assertEquals(List.of(2022), second.years());
        assertEquals(first.metrics(), second.metrics());
    }
}
