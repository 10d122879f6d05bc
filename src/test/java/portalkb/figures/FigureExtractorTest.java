package portalkb.figures;

import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MetricCatalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureExtractorTest {

    private final FigureExtractor extractor = new FigureExtractor();

    @Test
    void precisionAndRecallOnTheLabelledSet() throws IOException {
        LabelledFigures.Score score = LabelledFigures.score(extractor, LabelledFigures.read("/portalkb/figures/labelled-figures.tsv"), l -> true);
        System.out.println(score.describe("figure extraction"));
        score.misses().forEach(m -> System.out.println("  " + m));
        assertTrue(score.precision() >= 0.95, score.describe("precision") + "\n" + String.join("\n", score.misses()));
        assertTrue(score.recall() >= 0.95, score.describe("recall") + "\n" + String.join("\n", score.misses()));
    }

    @Test
    void vietnameseNumberFormats() {
        assertEquals(147645, FigureExtractor.parse("147.645"));
        assertEquals(97.9, FigureExtractor.parse("97,9"), 1e-9);
        assertEquals(97.9, FigureExtractor.parse("97.9"), 1e-9);
        assertEquals(1234567.5, FigureExtractor.parse("1.234.567,5"), 1e-9);
    }

    @Test
    void scaleWordsMultiplyAndStayInTheRawText() {
        Figure visits = extractor.extract("Cả năm, các cơ sở đã khám, chữa bệnh cho hơn 1,4 triệu lượt người.", 2019).get(0);
        assertEquals(1_400_000, visits.value(), 1e-6);
        assertTrue(visits.raw().startsWith("1,4 triệu"), visits.raw());
    }

    @Test
    void reportYearComesFromTheSentenceElseTheDefault() {
        Figure inSentence = extractor.extract("Năm 2019, tỷ lệ tham gia bảo hiểm y tế đạt 97,9%.", 2020).get(0);
        assertEquals(2019, inSentence.year());
        Figure fallback = extractor.extract("Tỷ lệ tham gia bảo hiểm y tế đạt 97,9%.", 2020).get(0);
        assertEquals(2020, fallback.year());
        assertEquals("97,9%", fallback.raw());
    }

    @Test
    void aSentenceNamingNoYearIsOfTheYearNamedBeforeItInItsPassage() {
        // a year-end report published in January: the second sentence's figure is of 2021, not of the publication year
        String text = "Năm 2021, tỷ lệ người dân tham gia bảo hiểm y tế trên địa bàn tỉnh đạt 98,2%. Ngành y tế có 8,9 bác sĩ/vạn dân.";
        List<Figure> figures = extractor.extract(text, 2022, 2022, "Hà Giang", "vi");
        assertEquals(List.of(2021, 2021), figures.stream().map(Figure::year).toList());
        assertEquals(List.of(2021, 2022), extractor.extract(text, 2022, 2022, "Hà Giang", "vi", java.util.Set.of(1)).stream().map(Figure::year).toList(),
            "a passage starts with the second sentence: nothing is carried into it");
        // a year written right after a figure is that figure's, not passed on
        List<Figure> owned = extractor.extract("Tỷ lệ hộ nghèo giảm từ 26,65% cuối năm 2020 xuống còn 24,93%. Toàn tỉnh có 3.594 hộ nghèo.", 2021, 2022,
            "Cao Bằng", "vi");
        assertEquals(2021, owned.get(owned.size() - 1).year(), owned.toString());
        assertEquals(java.util.Arrays.asList(null, 2021, 2021, null, 2019), years(extractor.carriedYears(List.of("Năm 2021, tỷ lệ đạt 98,2%.",
            "Ngành y tế có 8,9 bác sĩ/vạn dân.", "Có 120 giường bệnh.", "Năm 2019, có 3 ca.", "Có 5 trạm."), "vi", 2022)));
    }

    private static List<Integer> years(List<FigureExtractor.CarriedYear> carried) {
        return carried.stream().map(c -> c == null ? null : c.year()).toList();
    }

    @Test
    void aPeriodAPlansYearAndThePresentCarryNoYear() {
        // a resolution's period, then "đến nay" (the time of writing): 14/15 is of the report's year, not of 2023
        List<Figure> period = extractor.extract("Đoàn kiểm tra làm việc về Nghị quyết số 62-NQ/TU giai đoạn 2021 – 2023. "
            + "Toàn ngành có 14/15 cơ sở khám chữa bệnh từ xa.", 2022, 2022, "Yên Bái", "vi");
        assertEquals(2022, period.get(period.size() - 1).year(), period.toString());
        List<Figure> plan = extractor.extract("Năm 2019, tỷ lệ đạt 97,9%. Phấn đấu năm 2025 đạt 99%. Toàn tỉnh có 10,8 bác sĩ/vạn dân.", 2019,
            2020, "Lạng Sơn", "vi");
        assertEquals(2019, plan.get(plan.size() - 1).year(), "a year after the report's is a plan's, not passed on: " + plan);
        List<Figure> now = extractor.extract("Năm 2021, tỷ lệ bao phủ bảo hiểm y tế đạt 98,2%. Đến nay, toàn tỉnh có 130 trạm y tế.", 2022, 2022,
            "Hà Giang", "vi");
        assertEquals(2022, now.get(now.size() - 1).year(), "a sentence of the present is of the report's year: " + now);
        assertEquals(java.util.Arrays.asList(null, null, 2021), years(extractor.carriedYears(List.of("Năm 2021, tỷ lệ đạt 98,2%.",
            "Hiện nay, toàn tỉnh có 130 trạm y tế.", "Ngành y tế có 8,9 bác sĩ/vạn dân."), "vi", 2022)));
    }

    @Test
    void aShareAfterACountCueIsNoCount() {
        Figure f = extractor.extract("Số lượt điều trị nội trú tăng lên 12% so với cùng kỳ.", 2023).get(0);
        assertTrue(MetricCatalogue.get().byId(f.metric()).map(m -> m.quantity() != MetricCatalogue.Kind.COUNT).orElse(true),
            "12% is no number of inpatients: " + f.metric());
        assertEquals("%", f.unit());
    }

    @Test
    void aChangeIsNoLevel() {
        List<Figure> figures = extractor.extract("Tỷ lệ bao phủ bảo hiểm y tế tăng 2,1% so với năm trước, đạt 93,6%.", 2023);
        assertEquals(List.of(Role.CHANGE, Role.RESULT), figures.stream().map(Figure::role).toList());
        assertEquals("health_insurance_coverage", figures.get(1).metric());
        assertEquals(93.6, figures.get(1).value(), 1e-9);
    }

    @Test
    void aYearWrittenRightAfterTheFigureIsItsYear() {
        List<Figure> figures = extractor.extract("Tỷ lệ bao phủ bảo hiểm y tế tăng từ 85,2% năm 2019 lên 92,3% năm 2023.", 2024);
        assertEquals(List.of(2019, 2023), figures.stream().map(Figure::year).toList());
        assertEquals(List.of("health_insurance_coverage", "health_insurance_coverage"), figures.stream().map(Figure::metric).toList());
    }

    @Test
    void aYearComparedAgainstIsNotTheReportYear() {
        List<Figure> figures = extractor.extract("Tỷ lệ bao phủ bảo hiểm y tế đạt 92,4%, cao hơn so với năm 2022.", 2023);
        assertEquals("health_insurance_coverage", figures.get(0).metric());
        assertEquals(2023, figures.get(0).year());
    }

    @Test
    void targetsAreNoLevels() {
        List<Figure> listed = extractor.extract("Mục tiêu đến năm 2030: mỗi trạm y tế có ít nhất một bác sĩ; duy trì 100% xã đạt Bộ tiêu chí quốc gia về y tế.",
            2024);
        assertTrue(listed.stream().allMatch(f -> f.role() == Role.TARGET), "after a target's colon: " + listed);
        Figure later = extractor.extract("Đến năm 2030, 100% xã đạt Bộ tiêu chí quốc gia về y tế.", 2024, 2024).get(0);
        assertEquals(Role.TARGET, later.role(), "a year after the publication is a plan");
        assertEquals("communes_health_standard", later.metric(), "a target keeps its measure");
        Figure reached = extractor.extract("Năm 2023, 100% xã đạt Bộ tiêu chí quốc gia về y tế.", 2024, 2024).get(0);
        assertEquals("communes_health_standard", reached.metric());
        assertEquals(Role.RESULT, reached.role());
    }

    @Test
    void aCountFoundByAShareCueIsTheCountVariant() {
        List<Figure> figures = extractor.extract("Toàn tỉnh còn 4.210 hộ nghèo, chiếm 2,35% tổng số hộ.", 2023);
        assertEquals(List.of("poor_households", "poverty_rate"), figures.stream().map(Figure::metric).toList());
        assertEquals("hộ", figures.get(0).unit());
    }

    @Test
    void anotherUnitNounAfterACueFoundNumberIsNotTheMetric() {
        Figure f = extractor.extract("Dịch sốt xuất huyết đã lan ra 14 xã trong huyện.", 2023).get(0);
        assertTrue(!f.metric().equals("dengue_cases"), "14 communes are no dengue cases: " + f.metric());
        assertEquals("xã", f.unit());
    }
}
