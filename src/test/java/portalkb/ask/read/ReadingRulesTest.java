package portalkb.ask.read;

import org.junit.jupiter.api.Test;
import portalkb.ask.question.Question;
import portalkb.ask.question.QuestionAnalyzer;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;
import portalkb.ask.retrieve.TermWeights;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reading rules on sentences of our own, without a node: term weights are given (as the index would give
 * them: a common word weighs little), passages are built as the retrievers build them. Each test names the rule
 * it holds and fails when that rule changes.
 */
class ReadingRulesTest {

    private static final QuestionAnalyzer ANALYZER = new QuestionAnalyzer(Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));
    /** Common words weigh little, the words of a measure much: the shape of the passages' term statistics. */
    private static final TermWeights.Weights WEIGHTS = new TermWeights.Weights(Map.ofEntries(
        Map.entry("ca", 0.8), Map.entry("ho", 0.9), Map.entry("nam", 0.2), Map.entry("ty", 0.7), Map.entry("ti", 0.7), Map.entry("le", 0.7),
        Map.entry("sot", 4.0), Map.entry("xuat", 3.5), Map.entry("huyet", 4.2), Map.entry("ngheo", 3.8), Map.entry("covid", 3.0),
        Map.entry("bao", 1.5), Map.entry("hiem", 2.5), Map.entry("te", 1.0), Map.entry("y", 1.0)), 5.0);

    static Origin origin(String url, String title, String province, String published, int year) {
        return new Origin("a-" + url.hashCode(), url, title, "test", "Báo " + province, province, province, published, year, List.of(province));
    }

    /** The sentences of passages as the retrievers return them, in rank order; each passage is {url, title, province, text}. */
    static List<Sentence> sentences(String[]... passages) {
        List<Retrieved> retrieved = new ArrayList<>();
        for (String[] p : passages) {
            retrieved.add(new Retrieved.PassageHit(p[0] + "#0", p[3], origin(p[0], p[1], p[2], "2021-01-10T08:00:00+07:00", 2021)));
        }
        return Sentence.split(retrieved);
    }

    static Sentence sentence(String province, String text) {
        return sentences(new String[]{"https://" + province.hashCode() + ".example/tin.html", null, province, text}).get(0);
    }

    static List<SentenceScorer.Scored> ranked(SentenceScorer scorer, List<Sentence> sentences) {
        return sentences.stream().map(scorer::score).sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
    }

    @Test
    void aSentenceNamingNoYearIsOfTheYearNamedBeforeItInItsPassage() {
        // as the figure reader stores it: "Tỉnh có 13,5 bác sĩ/vạn dân" after "Năm 2023, …" is of 2023, not of the article's 2021
        List<Sentence> s = sentences(new String[]{"https://quangninh.example/bhyt.html", null, "Quảng Ninh",
            "Năm 2019, tỷ lệ bao phủ bảo hiểm y tế tại Quảng Ninh đạt 96,8%. Tỉnh có 13,5 bác sĩ/vạn dân."});
        assertEquals(List.of(2021, 2019), s.stream().map(Sentence::year).toList(), "the first names its own year; the article's is kept for it");
        assertEquals(2019, new SentenceFigures().at(s.get(1), "13,5").orElseThrow().year());
    }

    @Test
    void aSentenceSharingOnlyCommonWordsDoesNotHoldTheMeasureAsked() {
        Question q = ANALYZER.analyze("Đà Nẵng có bao nhiêu ca sốt xuất huyết năm 2019?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        assertFalse(scorer.holdsMostTelling(sentence("Đà Nẵng", "Năm 2019, Đà Nẵng ghi nhận thêm 19 ca Covid-19 trong cộng đồng.")));
        assertTrue(scorer.holdsMostTelling(sentence("Đà Nẵng", "Năm 2019, toàn thành phố ghi nhận 1.250 ca sốt xuất huyết.")));
    }

    @Test
    void theAskedMeasuresRarestWordIsLookedForInTheSentence() {
        Question q = ANALYZER.analyze("Đà Nẵng có bao nhiêu ca sốt xuất huyết năm 2019?");
        TellingMeasure telling = new TellingMeasure(q, new SentenceScorer(q, WEIGHTS));
        Sentence covid = sentence("Đà Nẵng", "Năm 2019, Đà Nẵng ghi nhận thêm 19 ca Covid-19 trong cộng đồng.");
        Sentence dengue = sentence("Đà Nẵng", "Năm 2019, toàn thành phố ghi nhận 1.250 ca sốt xuất huyết.");
        assertFalse(telling.heldBy(covid, telling.context(covid), null));
        assertTrue(telling.heldBy(dengue, telling.context(dengue), null));
    }

    @Test
    void theMeasureMayBeNamedInTheTitleInstead() {
        Question q = ANALYZER.analyze("How many dengue cases did Đà Nẵng record in 2019?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        List<Sentence> s = sentences(new String[]{"https://danang.example/sxh-2019.html", "Đà Nẵng: sốt xuất huyết giảm mạnh",
            "Đà Nẵng", "Năm 2019, toàn thành phố ghi nhận 1.250 ca, giảm 40% so với năm trước."});
        Sentence body = s.stream().filter(x -> x.text().startsWith("Năm 2019")).findFirst().orElseThrow();
        assertTrue(scorer.holdsMostTelling(body));
    }

    @Test
    void aChangeIsMarkedAndTheAskedUnitFits() {
        Question q = ANALYZER.analyze("Yên Bái ghi nhận bao nhiêu ca sốt xuất huyết năm 2020?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        CandidateFeatures features = new CandidateFeatures(q, scorer);
        Sentence s = sentence("Yên Bái", "Năm 2020, toàn tỉnh Yên Bái ghi nhận 412 ca sốt xuất huyết, tăng 15% so với năm trước.");
        List<Candidate> candidates = features.of(scorer.score(s), 0);
        Candidate cases = find(candidates, "412");
        Candidate change = find(candidates, "15");
        assertEquals(0.0, cases.features().get("change"));
        assertEquals(1.0, change.features().get("change"));
        assertTrue(cases.features().get("unitFit") > change.features().get("unitFit"), "a count of cases fits a count asked better than a share");
        assertTrue(candidates.stream().noneMatch(c -> c.written().equals("2020")), "a year is no candidate");
    }

    @Test
    void anArticleOfUnknownDateIsReadWithoutAYear() {
        Origin undated = new Origin("a-undated", "https://undated.example/tin.html", null, "test", "Báo Gia Lai", "Gia Lai", "Gia Lai",
            null, null, List.of("Gia Lai"));
        List<Sentence> s = Sentence.split(List.of(new Retrieved.PassageHit("https://undated.example/tin.html#0",
            "Toàn tỉnh có 491 trẻ suy dinh dưỡng. Tỉnh có 12 bác sĩ/vạn dân.", undated)));
        assertEquals(2, s.size(), "a page with no date (\"published: unknown\") is read, not an error");
        assertEquals(null, s.get(1).year());
    }

    @Test
    void aListOfKindsIsOneNounAndAListsItemsShareItsHead() {
        Question poor = ANALYZER.analyze("Tỉnh Sơn La có bao nhiêu huyện, thị xã thuộc diện huyện nghèo năm 2021?");
        SentenceScorer scorer = new SentenceScorer(poor, WEIGHTS);
        Sentence s = sentence("Sơn La", "Năm 2021, Sơn La có 5/12 huyện, thị xã thuộc diện huyện nghèo (trong số đó 3 huyện biên giới và 2 huyện nội địa).");
        List<Candidate> candidates = new CandidateFeatures(poor, scorer).of(scorer.score(s), 0);
        assertTrue(find(candidates, "5/12").features().get("attachment") >= find(candidates, "3").features().get("attachment"),
            "the comma of \"huyện, thị xã\" does not cut the count from what it counts");

        Question commune = ANALYZER.analyze("Tỷ lệ bao phủ bảo hiểm y tế của xã Nà Tấu là bao nhiêu?");
        SentenceScorer communeScorer = new SentenceScorer(commune, WEIGHTS);
        Sentence list = sentence("Điện Biên", "Nhiều xã có tỷ lệ bao phủ bảo hiểm y tế trên 90% như: xã Mường Phăng đạt 91,2%, xã Nà Tấu đạt 95,4%.");
        List<Candidate> items = new CandidateFeatures(commune, communeScorer).of(communeScorer.score(list), 0);
        assertTrue(find(items, "95,4").features().get("attachment") > 0, "a list item is about what its head before the colon names");
    }

    @Test
    void theUnitIsTheAskedNounWholeWhenItIsPerSomething() {
        Question doctors = ANALYZER.analyze("Hà Giang có bao nhiêu bác sĩ trên vạn dân?");
        SentenceScorer scorer = new SentenceScorer(doctors, WEIGHTS);
        Sentence s = sentence("Hà Giang", "Năm 2022, toàn tỉnh Hà Giang đạt 8,9 bác sĩ/vạn dân.");
        assertEquals("8,9 bác sĩ/vạn dân", find(new CandidateFeatures(doctors, scorer).of(scorer.score(s), 0), "8,9").withUnit());
        Question practices = ANALYZER.analyze("Khánh Hòa có bao nhiêu cơ sở hành nghề y tư nhân năm 2021?");
        SentenceScorer practiceScorer = new SentenceScorer(practices, WEIGHTS);
        Sentence p = sentence("Khánh Hòa", "Trên địa bàn hiện có 93 cơ sở hành nghề y tư nhân được cấp phép.");
        assertEquals("93 cơ sở", find(new CandidateFeatures(practices, practiceScorer).of(practiceScorer.score(p), 0), "93").withUnit());
    }

    @Test
    void datesAgesAndDocumentNumbersAreNoCandidates() {
        Question q = ANALYZER.analyze("How many children were vaccinated in Lai Châu?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        CandidateFeatures features = new CandidateFeatures(q, scorer);
        Sentence s = sentence("Lai Châu", "Đến ngày 15/3, theo Kế hoạch số 62-KH/UBND, tỉnh đã tiêm cho 8.120 trẻ từ 2 đến 5 tuổi.");
        List<String> written = features.of(scorer.score(s), 0).stream().map(Candidate::written).toList();
        assertEquals(List.of("8.120"), written);
    }

    @Test
    void aBreakdownAfterTrongDoIsMarkedUnlessTheQuestionNamesThePart() {
        List<Sentence> s = sentences(new String[]{"https://yenbai.example/sxh-2020.html", null, "Yên Bái",
            "Năm 2020, toàn tỉnh Yên Bái ghi nhận 412 ca sốt xuất huyết. Trong đó, huyện Văn Yên có 120 ca."});
        Sentence part = s.stream().filter(x -> x.text().startsWith("Trong đó")).findFirst().orElseThrow();
        Question province = ANALYZER.analyze("Yên Bái ghi nhận bao nhiêu ca sốt xuất huyết năm 2020?");
        SentenceScorer scorer = new SentenceScorer(province, WEIGHTS);
        assertEquals(1.0, find(new CandidateFeatures(province, scorer).of(scorer.score(part), 0), "120").features().get("breakdown"));
        Question district = ANALYZER.analyze("Huyện Văn Yên ghi nhận bao nhiêu ca sốt xuất huyết năm 2020?");
        SentenceScorer districtScorer = new SentenceScorer(district, WEIGHTS);
        assertEquals(0.0, find(new CandidateFeatures(district, districtScorer).of(districtScorer.score(part), 0), "120").features().get("breakdown"));
    }

    @Test
    void aNumberInBracketsIsAnAside() {
        String text = "Toàn tỉnh có 6/11 huyện đạt chuẩn (gồm 4 huyện miền núi).";
        assertTrue(CandidateFeatures.parenthetical(text, text.indexOf("4 huyện")));
        assertFalse(CandidateFeatures.parenthetical(text, text.indexOf("6/11")));
    }

    @Test
    void theFittedReaderTakesTheLevelNotTheChange() {
        Question q = ANALYZER.analyze("What was the poverty rate in Điện Biên at the end of 2023?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        CandidateReader reader = new CandidateReader(q, scorer, ReaderModel.get(), new ReadingLog() {
        });
        List<Sentence> s = sentences(new String[]{"https://dienbien.example/giam-ngheo-2023.html", "Điện Biên giảm nghèo năm 2023",
            "Điện Biên", "Đến cuối năm 2023, tỷ lệ hộ nghèo của tỉnh Điện Biên còn 18,5%, giảm 4,1% so với năm 2022."});
        Optional<CandidateReader.Reading> read = reader.read(ranked(scorer, s));
        assertTrue(read.isPresent(), "the level is read");
        assertEquals("18,5", read.get().candidate().written());
    }

    @Test
    void theFittedReaderAnswersNothingFromASentenceOfAnotherMeasure() {
        Question q = ANALYZER.analyze("Tỷ lệ hộ nghèo của Tây Ninh cuối năm 2020 là bao nhiêu?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        CandidateReader reader = new CandidateReader(q, scorer, ReaderModel.get(), new ReadingLog() {
        });
        List<Sentence> s = sentences(new String[]{"https://tayninh.example/chan-nuoi-2020.html", "Tây Ninh phát triển chăn nuôi",
            "Tây Ninh", "Năm 2020, toàn tỉnh có 28.303 hộ chăn nuôi, số chuồng trại được xây dựng hợp vệ sinh đạt tỷ lệ 83,37%."});
        assertTrue(reader.read(ranked(scorer, s)).isEmpty(), "a share of livestock households is no poverty rate");
    }

    @Test
    void theFittedPlaceReaderNamesTheProvinceWhoseSentenceStatesTheQuotedFigures() {
        Question q = ANALYZER.analyze("Which province had 16,003 poor households, 19.93% of all households, in 2019?");
        SentenceScorer scorer = new SentenceScorer(q, WEIGHTS);
        PlaceReader reader = new PlaceReader(q, scorer, ReaderModel.place(), new ReadingLog() {
        });
        List<Sentence> s = sentences(
            new String[]{"https://bacgiang.example/ngheo-2019.html", "Bắc Giang giảm nghèo", "Bắc Giang",
                "Năm 2019, tỷ lệ hộ nghèo của tỉnh Bắc Giang còn 3,2%, giảm 1,1% so với năm 2018."},
            new String[]{"https://backan.example/ngheo-2019.html", "Kết quả rà soát hộ nghèo năm 2019", "Bắc Kạn",
                "Năm 2019, toàn tỉnh còn 16.003 hộ nghèo, chiếm tỷ lệ 19,93% tổng số hộ."});
        Optional<PlaceReader.Reading> read = reader.read(ranked(scorer, s));
        assertTrue(read.isPresent());
        assertEquals("Bắc Kạn", read.get().candidate().province());
    }

    @Test
    void aTitlesFigureHasTheYearTheBodyStatesItFor() {
        List<String> body = List.of("(Cập nhật: 20/01/2023)", "Năm 2022, tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi đạt 97,4%, tăng 0,8% so với năm 2021.");
        assertEquals(2022, Sentence.yearStatedInBody("Tiêm chủng đầy đủ đạt 97,4%", body, false, 2023), "published in 2023, about 2022");
        assertEquals(2023, Sentence.yearStatedInBody("Tiêm chủng đầy đủ đạt 98%", body, false, 2023), "a number the body does not state");
        assertEquals(2023, Sentence.yearStatedInBody("Năm 2023 tiêm chủng đầy đủ đạt 97,4%", body, false, 2023), "a title naming its year");
    }

    private static Candidate find(List<Candidate> candidates, String written) {
        return candidates.stream().filter(c -> c.written().equals(written)).findFirst()
            .orElseThrow(() -> new AssertionError(written + " is not among " + candidates.stream().map(Candidate::written).toList()));
    }
}
