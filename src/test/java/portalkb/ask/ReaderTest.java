package portalkb.ask;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline reader on a real node, over articles written for this test (our own sentences, in the shapes
 * portal articles have): each kind of answer, numbers at their written precision, the no-answer threshold,
 * and the answer's language.
 */
@ExtendWith(TestElastic.class)
class ReaderTest {

    static final String LANG_SON = "https://baolangson.example/y-te/tong-ket-2019.html";
    static final String QUANG_BINH = "https://baoquangbinh.example/xa-hoi/bhyt-2021.html";
    static final String YEN_BAI = "https://yenbai.example/tin/phong-chong-dich-2020.html";

    static final List<ArticleInput> ARTICLES = List.of(
        AskTest.article(LANG_SON, "Ngành y tế nhìn lại năm 2019", "Lạng Sơn", "2020-01-27T08:00:00+07:00",
            "Hội nghị của Sở Y tế đánh giá năm 2019 là năm thành công. Toàn tỉnh có tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số."),
        AskTest.article(QUANG_BINH, "Độ phủ bảo hiểm y tế tiếp tục tăng", "Quảng Bình", "2022-01-10T08:00:00+07:00",
            "Đến hết năm 2021, tỷ lệ người dân tham gia bảo hiểm y tế trên địa bàn tỉnh đạt 97,92%, tăng 0,4% so với năm 2020."),
        AskTest.article(YEN_BAI, "Yên Bái tổng kết phòng, chống dịch năm 2020", "Yên Bái", "2020-12-29T08:00:00+07:00",
            "Năm 2020, toàn tỉnh Yên Bái ghi nhận 412 ca sốt xuất huyết, giảm mạnh so với năm trước.\n\n"
                + "Trong đó, huyện Văn Yên có 120 ca, huyện Trấn Yên có 85 ca và thành phố Yên Bái có 60 ca.\n\n"
                + "Ngành y tế đã phun hóa chất diệt muỗi tại 15 ổ dịch và không để xảy ra trường hợp tử vong.\n\n"
                + "Bệnh viện đa khoa huyện Mù Cang Chải được khánh thành ngày 15/3/2020 với quy mô 120 giường bệnh."),
        AskTest.article("https://sonla.example/y-te/hiv-9-thang-2014.html", "Sơn La: phát hiện mới 97 người nhiễm HIV", "Sơn La",
            "2014-10-05T08:00:00+07:00",
            "Trong 9 tháng đầu năm 2014, tỉnh Sơn La phát hiện mới 97 người nhiễm HIV, nâng tổng số người nhiễm HIV lũy tích lên 8.650 người. "
                + "Số người tử vong do AIDS trong 9 tháng là 21 người."),
        AskTest.article("https://namdinh.example/y-te/xa-dai-thang-2017.html", "Xã Đại Thắng đạt chuẩn quốc gia về y tế", "Nam Định",
            "2017-11-02T08:00:00+07:00",
            "Năm 2017, toàn huyện có 15 xã đạt Bộ tiêu chí quốc gia về y tế xã; riêng xã Đại Thắng đạt 92 điểm, cao nhất huyện."),
        AskTest.article("https://dienbien.example/xa-hoi/giam-ngheo-2023.html", "Điện Biên giảm nghèo năm 2023", "Điện Biên",
            "2024-01-08T08:00:00+07:00", "Đến cuối năm 2023, tỷ lệ hộ nghèo của tỉnh Điện Biên còn 18,5%, giảm 4,1% so với năm 2022."),
        AskTest.article("https://sonla.example/xa-hoi/giam-ngheo-2023.html", "Sơn La: tỷ lệ hộ nghèo còn 11,2%", "Sơn La",
            "2024-01-10T08:00:00+07:00", "Theo kết quả rà soát cuối năm 2023, tỷ lệ hộ nghèo toàn tỉnh Sơn La còn 11,2%."),
        AskTest.article("https://en.nghean.example/society/new-rural-2022.html", "Nghe An adds 12 new-style rural communes", "Nghệ An",
            "2022-12-20T08:00:00+07:00",
            "The central province of Nghe An recognised 12 more communes as new-style rural areas in 2022, bringing its total to 299 communes."),
        AskTest.article("https://khanhhoa.example/y-te/so-ket-2021.html", "Khánh Hòa sơ kết công tác y tế năm 2021", "Khánh Hòa",
            "2021-12-28T08:00:00+07:00",
            "Năm 2021, tỷ lệ người trên 18 tuổi được tiêm mũi 3 vắc xin đạt 73,9%. Trên địa bàn hiện có 93 cơ sở hành nghề y tư nhân được cấp phép."),
        AskTest.article("https://binhphuoc.example/xa-hoi/giam-ngheo-2022.html", "Bình Phước tổng kết giảm nghèo và bảo hiểm y tế năm 2022", "Bình Phước",
            "2023-01-12T08:00:00+07:00",
            "Thu nhập bình quân của hộ nghèo tăng từ 1,2 triệu đồng/người/tháng (2020) lên 1,6 triệu đồng/người/tháng (năm 2022). "
                + "Năm 2022 có 9 trong tổng số 11 huyện, thị xã vượt chỉ tiêu giảm nghèo. "
                + "Tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 88,4%, trong khi bình quân cả nước đạt 93,4%. "
                + "Mục tiêu năm 2023 là tỷ lệ bao phủ bảo hiểm y tế đạt 91%."));

    private static Elastic elastic;
    private static AppConfig config;
    private static AskService ask;

    @BeforeAll
    static void start() throws Exception {
        config = TestElastic.config(ReaderTest.class);
        elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(ARTICLES);
        }
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().passages(), elastic.names().facts())));
        ask = new AskService(elastic, config);
    }

    @AfterAll
    static void stop() throws Exception {
        elastic.close();
    }

    private static String lead(AskResponse r) {
        return r.answer().split("\n")[0];
    }

    @Test
    void whichProvinceMatchesTheNumberAtItsWrittenPrecision() {
        AskResponse r = ask.ask("Which province reached 97.9% insurance coverage?", null, null, null);
        assertEquals("Lạng Sơn", r.province(), r.answer());
        assertTrue(lead(r).startsWith("Lạng Sơn") && lead(r).contains("97.9%"), "the figure as an English answer writes it: " + r.answer());
        assertEquals(LANG_SON, r.citations().get(0).url());
        assertTrue(r.citations().get(0).quote().contains("97,9%"), "the citation quotes the sentence with the figure");
        assertEquals("Lạng Sơn", ask.ask("Which province reached 97.90% insurance coverage?", null, null, null).province());
        AskResponse finer = ask.ask("Tỉnh nào có tỷ lệ tham gia bảo hiểm y tế đạt 97,92%?", null, null, null);
        assertEquals("Quảng Bình", finer.province(), finer.answer());
    }

    @Test
    void theLeadStatesTheMeasureAndTheAskedUnitNotLabels() {
        AskResponse dose = ask.ask("Tỉnh nào có tỷ lệ tiêm mũi 3 đạt 73,9% năm 2021?", null, null, null);
        assertTrue(lead(dose).startsWith("Khánh Hòa — 73,9%"), "'mũi 3' is a label, not the figure: " + dose.answer());
        AskResponse practices = ask.ask("Khánh Hòa có bao nhiêu cơ sở hành nghề y tư nhân năm 2021?", null, null, null);
        assertTrue(lead(practices).contains("93 cơ sở") && !lead(practices).contains("cơ sở hành"), "the unit the question counts: " + practices.answer());
    }

    @Test
    void quantitiesInSentencesOfSeveralFigures() {
        AskResponse income = ask.ask("What was the average income of poor households in Bình Phước in 2022?", null, null, null);
        assertTrue(lead(income).contains("1.6 million VND per person per month"), "the figure whose year follows it (an English answer writes 1.6, its unit in English): " + income.answer());
        AskResponse part = ask.ask("Bình Phước có bao nhiêu huyện, thị xã vượt chỉ tiêu giảm nghèo năm 2022?", null, null, null);
        assertTrue(lead(part).contains(": 9 "), "the part of 'A trong tổng số B': " + part.answer());
        AskResponse own = ask.ask("What was Bình Phước's health insurance coverage in 2022?", null, null, null);
        assertTrue(lead(own).contains("88.4"), "the province's figure, not the country's: " + own.answer());
        AskResponse target = ask.ask("What health insurance coverage does Bình Phước aim for in 2023?", null, null, null);
        assertTrue(lead(target).contains("91%"), "a target when a target is asked: " + target.answer());
    }

    @Test
    void whichDistrict() {
        AskResponse r = ask.ask("Which district of Yên Bái had 120 dengue cases in 2020?", null, null, null);
        assertTrue(lead(r).startsWith("Văn Yên (Yên Bái)"), r.answer());
    }

    @Test
    void quantityOnATopicOutsideTheMetricCatalogue() {
        AskResponse hiv = ask.ask("How many new HIV infections did Sơn La detect in the first nine months of 2014?", null, null, null);
        assertTrue(lead(hiv).startsWith("Sơn La: 97 "), hiv.answer());
        assertFalse(lead(hiv).contains("8.650"), "the cumulative total is another figure");
        AskResponse deaths = ask.ask("Sơn La có bao nhiêu người tử vong do AIDS trong 9 tháng đầu năm 2014?", null, null, null);
        assertTrue(lead(deaths).contains("21"), deaths.answer());
        AskResponse district = ask.ask("Huyện Trấn Yên có bao nhiêu ca sốt xuất huyết năm 2020?", null, null, null);
        assertTrue(lead(district).contains("85 ca"), "the figure that goes with the named district: " + district.answer());
        AskResponse score = ask.ask("What score did Đại Thắng commune achieve in the 2017 national commune health criteria?", null, null, null);
        assertTrue(lead(score).contains("92 points"), "a score, not the count of communes: " + score.answer());
        AskResponse english = ask.ask("Tổng số xã đạt chuẩn nông thôn mới của Nghệ An là bao nhiêu?", null, null, null);
        assertTrue(lead(english).contains("299"), "a Vietnamese question answered from an English article: " + english.answer());
    }

    @Test
    void rankingsAndSuperlativesComeFromTheFactsIndexWithACitationPerFigure() {
        AskResponse highest = ask.ask("Which province has the highest health insurance coverage?", null, null, null);
        assertTrue(lead(highest).startsWith("Quảng Bình — 97.92% (2021)"), "an English answer writes numbers the English way: " + highest.answer());
        assertTrue(highest.answer().contains("figures for 3 of 63 provinces"), highest.answer());
        assertTrue(highest.answer().contains("| 3 | Bình Phước | 88.4% | 2022 |"), "the province's own figure, not the country's 93,4%: " + highest.answer());
        assertTrue(highest.answer().contains("| 2 | Lạng Sơn | 97.9% | 2019 |"), "the ranking is a table: " + highest.answer());
        assertEquals(QUANG_BINH, highest.citations().get(0).url());
        AskResponse lowest = ask.ask("Tỉnh nào có tỷ lệ hộ nghèo thấp nhất năm 2023?", null, null, null);
        assertTrue(lead(lowest).startsWith("Sơn La — 11,2% (năm 2023)"), lowest.answer());
        assertTrue(lowest.citations().get(0).quote().contains("11,2%"), lowest.citations().toString());
        AskResponse trend = ask.ask("How did the poverty rate change in Điện Biên and Sơn La?", null, null, null);
        assertTrue(trend.answer().contains("Điện Biên: 18.5% (2023)") && trend.answer().contains("Sơn La: 11.2% (2023)"), trend.answer());
    }

    @Test
    void when() {
        AskResponse r = ask.ask("Khi nào bệnh viện đa khoa huyện Mù Cang Chải được khánh thành?", null, null, null);
        assertTrue(lead(r).contains("15/3/2020"), r.answer());
        assertEquals(YEN_BAI, r.citations().get(0).url());
    }

    @Test
    void openQuestionsGetAnExtractiveSummaryWithCitations() {
        AskResponse r = ask.ask("What happened in Yên Bái in 2020?", null, null, null);
        String[] lines = r.answer().split("\n");
        assertTrue(lines.length >= 3, "a lead and at least two quoted sentences: " + r.answer());
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].matches("- .+ \\[\\d+]"), "every sentence is cited: " + lines[i]);
        }
        assertTrue(r.citations().stream().allMatch(c -> c.url().equals(YEN_BAI)), "only Yên Bái's article: " + r.citations());
        assertEquals(lines.length - 1, r.answer().lines().skip(1).distinct().count(), "no sentence repeated");
    }

    @Test
    void noAnswerBelowTheThreshold() {
        for (String question : List.of("How many traffic accidents were there in Yên Bái in 2020?", "Which province reached 88.8% insurance coverage?",
            "Tỉnh Lạng Sơn có bao nhiêu ca sốt xuất huyết năm 2019?", "What happened in Cà Mau in 2021?")) {
            AskResponse r = ask.ask(question, null, null, null);
            assertTrue(r.citations().isEmpty(), question + " → " + r.answer());
        }
    }

    @Test
    void theAnswerIsInTheRequestedLanguageWhateverTheQuestions() {
        AskResponse en = ask.ask("Sơn La phát hiện mới bao nhiêu người nhiễm HIV trong 9 tháng đầu năm 2014?", null, null, "en");
        assertEquals("en", en.lang());
        assertTrue(lead(en).contains("97") && lead(en).contains("(2014)") && !lead(en).contains("năm 2014"), en.answer());
        AskResponse none = ask.ask("Tỉnh Lạng Sơn có bao nhiêu ca sốt xuất huyết năm 2019?", null, null, "en");
        assertTrue(none.answer().startsWith("The knowledge base has no"), none.answer());
        AskResponse vi = ask.ask("How many new HIV infections did Sơn La detect in the first nine months of 2014?", null, null, "vi");
        assertTrue(lead(vi).contains("(năm 2014)"), vi.answer());
    }
}
