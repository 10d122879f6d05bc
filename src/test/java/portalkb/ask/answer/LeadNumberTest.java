package portalkb.ask.answer;

import org.junit.jupiter.api.Test;
import portalkb.ask.read.Candidate;
import portalkb.ask.read.Sentence;
import portalkb.ask.read.SentenceScorer;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An English answer states a Vietnamese sentence's quantity the English way; a Vietnamese answer as the article writes it. */
class LeadNumberTest {

    private static Candidate candidate(String text, String written, String withUnit) {
        Origin origin = new Origin("a1", "https://example.vn/tin.html", null, "test", "Báo test", "Lạng Sơn", "Lạng Sơn",
            "2020-01-10T08:00:00+07:00", 2019, List.of("Lạng Sơn"));
        Sentence s = Sentence.split(List.of(new Retrieved.PassageHit("a1#0", text, origin))).get(0);
        SentenceScorer.Scored scored = new SentenceScorer.Scored(s, 1, 1, List.of(), true, true, true,
            new SentenceScorer.Signals(0, false, false, false, 0, false));
        return new Candidate(scored, written, List.of(), withUnit, null, Map.of());
    }

    @Test
    void anEnglishAnswerWritesTheNumberAndKnownUnitTheEnglishWay() {
        assertEquals("97.9%", LeadNumber.of(candidate("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số.", "97,9", "97,9%"), "en"));
        assertEquals("147,645 people", LeadNumber.of(candidate("Toàn tỉnh có 147.645 người tham gia.", "147.645", "147.645 người"), "en"));
        assertEquals("10.8 doctors per 10,000 people",
            LeadNumber.of(candidate("Toàn tỉnh đạt 10,8 bác sĩ/vạn dân.", "10,8", "10,8 bác sĩ/vạn dân"), "en"));
    }

    @Test
    void anEnglishAnswerNamesUnitsTheGlossaryDoesNotList() {
        assertEquals("1.4 million visits", LeadNumber.of(candidate("Có 1,4 triệu lượt khám bệnh.", "1,4", "1,4 triệu lượt"), "en"),
            "a scale word, then the unit");
        assertEquals("700 beds", LeadNumber.of(candidate("Bệnh viện đa khoa 700 giường ở cơ sở mới đã đi vào hoạt động.", "700",
            "700 giường ở cơ"), "en"), "the words read after the unit are the sentence's");
        assertEquals("1,236 visits", LeadNumber.of(candidate("Các khu cách ly đã tiếp nhận 1.236 lượt người trở về từ vùng dịch.", "1.236",
            "1.236 lượt người trở"), "en"));
        assertEquals("3,594 poor households", LeadNumber.of(candidate("Toàn tỉnh còn 3.594 hộ nghèo.", "3.594", "3.594 hộ nghèo"), "en"));
        assertEquals("12 \u201ccon\u201d", LeadNumber.of(candidate("Trang trại của hộ ông Tư nuôi được 12 con.", "12", "12 con"), "en"),
            "a unit nothing names is the article's word, marked as such");
        assertEquals("12 \u201cchiếc\u201d", LeadNumber.of(candidate("Tỉnh nhận 12 chiếc xe cứu thương.", "12", "12 chiếc"), "en"));
    }

    private static portalkb.search.Analysis.Report report(double value, String unit, String raw, String text) {
        return new portalkb.search.Analysis.Report("m", "Lạng Sơn", "Lạng Sơn", 2019, value, unit, raw, text, "a1", "https://example.vn/a",
            "t", "s", "2020-01-10", null, null);
    }

    @Test
    void aRankingsCellIsWrittenInTheAnswersLanguage() {
        assertEquals("97.9%", LeadNumber.of(report(97.9, "%", "97,9%", "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%."), "en"));
        assertEquals("97,9%", LeadNumber.of(report(97.9, "%", "97,9%", "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9%."), "vi"));
        assertEquals("10.8 doctors per 10,000 people",
            LeadNumber.of(report(10.8, "bác sĩ/vạn dân", "10,8 bác sĩ/vạn dân", "Toàn tỉnh đạt 10,8 bác sĩ/vạn dân."), "en"));
        assertEquals("440,000 people", LeadNumber.of(report(440000, "people", "440,000 people", "Nearly 440,000 people were covered."), "en"));
        assertEquals("12.5%", LeadNumber.of(report(12.5, "%", null, null), "en"), "without the words as written: its value and unit");
        assertEquals("12,5%", LeadNumber.of(report(12.5, "%", null, null), "vi"));
        assertEquals("+0.4", LeadNumber.signed(0.4, "en"));
        assertEquals("−1,2", LeadNumber.signed(-1.2, "vi"));
    }

    @Test
    void aVietnameseAnswerAndAnEnglishSentenceKeepTheirWriting() {
        assertEquals("97,9%", LeadNumber.of(candidate("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số.", "97,9", "97,9%"), "vi"));
        assertEquals("440,000 people", LeadNumber.of(candidate("Nearly 440,000 people in the province were covered by health insurance.",
            "440,000", "440,000 people"), "en"));
        assertEquals("272/706", LeadNumber.of(candidate("Toàn tỉnh có 272/706 trường đạt chuẩn.", "272/706", "272/706"), "en"));
    }
}
