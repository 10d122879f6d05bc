package portalkb.figures;

import org.junit.jupiter.api.Test;
import portalkb.core.PlaceWords.Level;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results sentences of issue 25, read without a node: indicators listed after a colon and split by ";", in
 * Vietnamese and English, get their measures and roles; the "chỉ tiêu" reached are no targets.
 */
class ClauseReadingTest {

    private final FigureExtractor reader = new FigureExtractor();

    @Test
    void indicatorsListedAfterAColonGetTheirMeasures() {
        List<Figure> f = reader.extract("Năm 2022, toàn ngành đạt và vượt 12/14 chỉ tiêu kế hoạch: tỷ lệ bao phủ bảo hiểm y tế đạt "
            + "91,3% dân số; số bác sĩ trên một vạn dân đạt 14,6.", 2022, 2023);
        Figure coverage = only(f, "91,3");
        assertEquals("health_insurance_coverage", coverage.metric());
        assertEquals(Role.RESULT, coverage.role(), "'chỉ tiêu' reached is no target");
        assertEquals(2022, coverage.year());
        Figure doctors = only(f, "14,6");
        assertEquals("doctors_per_10k", doctors.metric());
        assertEquals(Role.RESULT, doctors.role());
        assertEquals(Role.RESULT, only(f, "12/14").role(), "targets met are a result");
    }

    @Test
    void immunisationAndStuntingListedAfterAColon() {
        List<Figure> f = reader.extract("Năm 2022, các chỉ tiêu cơ bản đều hoàn thành: tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi "
            + "đạt 97,2%; tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi còn 21,4%.", 2022, 2023);
        assertEquals(2, f.size(), "the ages name groups, no figures: " + f);
        assertEquals("full_immunisation", only(f, "97,2").metric());
        assertEquals("malnutrition_stunting", only(f, "21,4").metric());
        f.forEach(x -> assertEquals(Role.RESULT, x.role()));
    }

    @Test
    void englishResultsGetTheSameMeasures() {
        List<Figure> f = reader.extract("In 2022 the province achieved its main health targets: health insurance coverage reached "
            + "91.3 percent of the population and there were 14.6 doctors per 10,000 people.", 2022, 2023);
        assertEquals(2, f.size(), "10,000 is the rate's whole, no figure: " + f);
        assertEquals("health_insurance_coverage", only(f, "91.3").metric());
        assertEquals("doctors_per_10k", only(f, "14.6").metric());
        f.forEach(x -> assertEquals(Role.RESULT, x.role(), "targets achieved are results"));
        f.forEach(x -> assertEquals(2022, x.year()));
    }

    @Test
    void aMeasureTheCatalogueLacksGetsAnOpenKeyTheSameHoweverWritten() {
        Figure a = reader.extract("Tỷ lệ lao động qua đào tạo nghề đạt 65,2%.", 2023).get(0);
        Figure b = reader.extract("Năm 2023, tỉ lệ lao động qua đào tạo nghề là 61%.", 2023).get(0);
        Figure c = reader.extract("Ty le lao dong qua dao tao nghe dat 58%.", 2023).get(0);
        assertTrue(MeasureKeys.isOpen(a.metric()), a.metric());
        assertEquals(a.metric(), b.metric(), "tỷ lệ / tỉ lệ, another verb and a year");
        assertEquals(a.metric(), c.metric(), "written without diacritics");
        Figure count = reader.extract("Toàn tỉnh có 12.300 lao động qua đào tạo nghề.", 2023).get(0);
        assertNotEquals(a.metric(), count.metric(), "a number of workers is not their share");
        assertTrue(count.metric().endsWith(".lao_dong"), count.metric());
    }

    @Test
    void targetsChangesComparisonsAndOtherPlacesKeepTheirRoles() {
        List<Figure> f = reader.extract("Toàn tỉnh còn 4.210 hộ nghèo, chiếm 2,35%, giảm 1.432 hộ so với đầu năm; phấn đấu năm 2024 "
            + "giảm còn 2%.", 2023, 2023);
        assertEquals(Role.RESULT, only(f, "4.210").role());
        assertEquals("poverty_rate", only(f, "2,35").metric());
        assertEquals(Role.CHANGE, only(f, "1.432").role());
        assertEquals(Role.TARGET, only(f, "2").role());
        assertEquals("poverty_rate", only(f, "2").metric(), "a target keeps its measure");
        Figure plan = reader.extract("Tỷ lệ tiêm chủng đạt 102% so với kế hoạch.", 2023).get(0);
        assertEquals(Role.COMPARISON, plan.role());
        List<Figure> districts = reader.extract("Tỷ lệ hộ nghèo cao nhất là huyện Pác Nặm với 35,22%; tiếp theo là huyện Ngân Sơn "
            + "34,41%; thấp nhất là thành phố Bắc Kạn 1,93%.", 2019, 2019, "Bắc Kạn");
        assertEquals(3, districts.size());
        districts.forEach(x -> assertEquals(Level.DISTRICT, x.level(), x.toString()));
        districts.forEach(x -> assertEquals("poverty_rate", x.metric(), "the list's measure"));
        Figure national = reader.extract("Cả nước đạt 92,1% dân số tham gia bảo hiểm y tế.", 2023).get(0);
        assertEquals(Level.NATIONAL, national.level());
        Figure other = reader.extract("Tỷ lệ bao phủ bảo hiểm y tế của tỉnh Lạng Sơn đạt 97,9%.", 2023, 2023, "Yên Bái").get(0);
        assertEquals(Level.OTHER_PROVINCE, other.level());
    }

    @Test
    void aMultipleMeasuresWhatGrew() {
        List<Figure> f = reader.extract("Sáu tháng đầu năm, toàn tỉnh ghi nhận 2.140 ca sởi, tăng 3,5 lần so với cùng kỳ năm trước, "
            + "tăng 160% so với trung bình 5 năm.", 2024, 2024);
        Figure times = only(f, "3,5");
        assertEquals(Role.CHANGE, times.role());
        assertEquals("số ca sởi", times.measure(), "the cases grew, not a number of 'lần'");
        assertTrue(times.metric().endsWith(".lan"), times.metric());
        assertEquals("số ca sởi", only(f, "160").measure(), "a rise in percent after the multiple: the same cases");
        Figure english = reader.extract("The number of measles cases in the province increased 2.5 times over the same period.", 2024).get(0);
        assertEquals(Role.CHANGE, english.role());
        assertEquals("number of measles cases", english.measure());
        assertTrue(english.metric().endsWith(".lan"), "'times' and 'lần' are one unit: " + english.metric());
    }

    @Test
    void englishCountsJoinedByAndOrOrShareThePredicateAfterTheLast() {
        List<Figure> f = reader.extract("About 2,300 poor households and over 15,000 people in remote communes have been provided with "
            + "free health insurance cards.", 2023);
        assertEquals("number of poor households provided with free health insurance cards", only(f, "2,300").measure(),
            "was 'number of poor households'");
        Figure coverage = reader.extract("In 2022, over 4,100 people in the commune or 88.5% of its population were covered by health "
            + "insurance.", 2023).get(0);
        assertEquals("number of people covered by health insurance", coverage.measure(), "was 'number of people'");
        Figure alone = reader.extract("The commune has 4,100 people and the station was upgraded last year.", 2023).get(0);
        assertEquals("number of people", alone.measure(), "a predicate of another subject is not the count's");
    }

    @Test
    void anAgeRangeNamesTheGroupCountedAndIsNoFigure() {
        List<Figure> f = reader.extract("Hiện toàn tỉnh có 312 trẻ từ 0 đến 59 tháng tuổi bị suy dinh dưỡng thể gầy còm và 1.040 trẻ từ 0-59 "
            + "tháng tuổi bị thấp còi.", 2023);
        assertEquals(List.of("312", "1.040"), f.stream().map(Figure::written).toList(), "the ages 0 and 59 are no figures");
        assertEquals("số trẻ từ 0 đến 59 tháng tuổi bị suy dinh dưỡng thể gầy còm", only(f, "312").measure(), "was 'số trẻ'");
        assertTrue(only(f, "1.040").measure().endsWith("thấp còi"), only(f, "1.040").measure());
    }

    @Test
    void aVaJoiningTwoVerbsOfWhatIsCountedKeepsThePhrase() {
        List<Figure> f = reader.extract("Năm 2022, có 7 trường được công nhận và cấp Bằng trường tiểu học đạt chuẩn quốc gia và 2 trường "
            + "được công nhận lại.", 2023);
        assertEquals("số trường được công nhận và cấp Bằng trường tiểu học đạt chuẩn quốc gia", only(f, "7").measure(),
            "was 'số trường được công nhận'");
        Figure cases = reader.extract("Toàn tỉnh ghi nhận 1.250 ca sốt xuất huyết và tỷ lệ tử vong là 0,1%.", 2023).get(0);
        assertEquals("số ca sốt xuất huyết", cases.measure(), "'và' before another measure ends the phrase");
        Figure names = reader.extract("Năm 2023, có 40 xã đạt chuẩn nông thôn mới và Điện Biên đứng cuối khu vực.", 2023).get(0);
        assertEquals("số xã đạt chuẩn nông thôn mới", names.measure(), "'và' before another subject ends it");
    }

    @Test
    void aSentenceGoingOnWithAPlanKeepsItsRole() {
        String plan = "Tỉnh phấn đấu đến năm 2025 có 60 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo giảm còn 12%. ";
        List<Figure> f = reader.extract(plan + "Đồng thời, có thêm ít nhất 15 sản phẩm đạt chuẩn OCOP 3 sao.", 2023, 2023);
        assertEquals(Role.TARGET, only(f, "15").role(), "'Đồng thời' goes on with the plan");
        List<Figure> done = reader.extract(plan + "Đồng thời, toàn tỉnh đã có 15 sản phẩm đạt chuẩn OCOP 3 sao.", 2023, 2023);
        assertEquals(Role.RESULT, only(done, "15").role(), "'đã' reports what was done");
        List<Figure> after = reader.extract("Năm 2023, toàn tỉnh có 48 xã đạt chuẩn nông thôn mới. Đồng thời, có 15 sản phẩm đạt chuẩn OCOP.",
            2023, 2023);
        assertEquals(Role.RESULT, only(after, "15").role(), "after results it is a result");
    }

    @Test
    void aCountOfProvincesIsNoProvincesOwnFigure() {
        Figure among = reader.extract("Năm 2022, Bình Phước là một trong 12 tỉnh, thành phố có tỷ lệ hộ nghèo giảm nhanh nhất cả nước.", 2022, 2022,
            "Bình Phước").get(0);
        assertEquals(portalkb.core.PlaceWords.Level.NATIONAL, among.level(), "a province holds no provinces");
        Figure communes = reader.extract("Năm 2022, Bình Phước có 12 xã đạt chuẩn nông thôn mới.", 2022, 2022, "Bình Phước").get(0);
        assertEquals(portalkb.core.PlaceWords.Level.PROVINCE, communes.level());
    }

    @Test
    void moneySpentMeasuresItsPurpose() {
        Figure vi = reader.extract("Năm 2023, huyện đã bố trí hơn 46 tỷ đồng từ ngân sách địa phương để thực hiện chương trình nước sạch "
            + "nông thôn.", 2023).get(0);
        assertEquals("kinh phí bố trí chương trình nước sạch nông thôn", vi.measure(), "was 'số tỷ đồng'");
        Figure only = reader.extract("Huyện chỉ có 5 tỷ đồng.", 2023).get(0);
        assertTrue(!only.measure().startsWith("kinh phí"), "'chỉ' (only) is no 'chi' (spends): " + only.measure());
        Figure en = reader.extract("The district has spent over 46 billion VND (1.8 million USD) on rural clean water.", 2023).get(0);
        assertEquals("spending on rural clean water", en.measure(), "a qualifier between the verb and the amount");
    }

    @Test
    void theCommuneOrStationASentenceIsAboutIsItsLevel() {
        List<Figure> f = reader.extract("Last year, 4,100 people in the commune were covered by health insurance. The local health station "
            + "treated 2,950 patients.", 2023, 2024, "Sơn La");
        assertEquals(Level.COMMUNE, only(f, "4,100").level(), "'the commune' is one commune, not the province");
        assertEquals(Level.FACILITY, only(f, "2,950").level(), "'the local health station' is one facility");
        Figure local = reader.extract("Tại huyện Mường La, địa phương này được phân bổ hơn 90 tỷ đồng.", 2023, 2024, "Sơn La").get(0);
        assertEquals(Level.DISTRICT, local.level(), "'địa phương này' (this locality) is no 'phường này'");
    }

    @Test
    void aPlaceHeadingAListIsEveryItemsPlace() {
        List<Figure> f = reader.extract("Năm 2023, xã Nậm Xe: số hộ 412 hộ; số hộ nghèo 96 hộ; tỷ lệ hộ nghèo 23,3%.", 2023, 2024, "Lai Châu");
        f.forEach(x -> assertEquals(Level.COMMUNE, x.level(), x.toString()));
        Figure province = reader.extract("Tỷ lệ hộ nghèo cao nhất là xã Nậm Xe với 23,3%; toàn tỉnh còn 12,5%.", 2023, 2024, "Lai Châu")
            .get(1);
        assertEquals(Level.PROVINCE, province.level(), "a place not heading a list stops at the ';'");
    }

    @Test
    void anyTextIsReadWithoutFailing() {
        java.util.Random random = new java.util.Random(25);
        String alphabet = "0123456789.,/%-–:;()  aăâđeêioôơuưyạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹTHXhuyệnxãtỷlệsốnăm\n";
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            reader.extract(text.toString(), 2023, 2023, "Lạng Sơn"); // a reader that throws would lose the article
        }
    }

    private static Figure only(List<Figure> figures, String written) {
        List<Figure> found = figures.stream().filter(f -> f.written().equals(written)).toList();
        assertEquals(1, found.size(), written + " in " + figures);
        return found.get(0);
    }
}
