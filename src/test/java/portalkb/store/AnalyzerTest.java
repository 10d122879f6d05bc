package portalkb.store;

import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vietnamese analyzers of index-config/, run by the real node through _analyze. */
@ExtendWith(TestElastic.class)
class AnalyzerTest {

    private static Elastic elastic;

    @BeforeAll
    static void indices() throws IOException {
        elastic = TestElastic.freshIndices(AnalyzerTest.class);
    }

    @AfterAll
    static void close() throws IOException {
        elastic.close();
    }

    private List<String> tokens(String analyzer, String text) throws IOException {
        return elastic.client().indices().analyze(a -> a.index(elastic.names().articles()).analyzer(analyzer).text(text))
            .tokens().stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void nfdInputBecomesNfcTokens() throws IOException {
        String nfd = Normalizer.normalize("Tỷ lệ bảo hiểm", Normalizer.Form.NFD);
        assertEquals(List.of("tỷ", "lệ", "bảo", "hiểm"), tokens("vi_text", nfd));
    }

    @Test
    void foldedKeepsNoDiacriticsAndMapsDToD() throws IOException {
        assertEquals(List.of("duong", "day", "nong", "dak", "lak"), tokens("vi_folded", "Đường dây nóng ĐẮK LẮK"));
        assertEquals(tokens("vi_folded", "bao hiem y te"), tokens("vi_folded", "BẢO HIỂM Y TẾ"));
    }

    @Test
    void decimalCommaAndPointAreOneToken() throws IOException {
        assertEquals(List.of("97.9"), tokens("vi_text", "97,9%"));
        assertEquals(List.of("97.9"), tokens("vi_text", "97.9 %"));
        assertEquals(List.of("97.9"), tokens("vi_text_search", "97.9"));
    }

    @Test
    void thousandsDotsAreRemoved() throws IOException {
        assertEquals(List.of("147645", "mũi"), tokens("vi_text", "147.645 mũi"));
        assertEquals(List.of("1234567"), tokens("vi_text", "1.234.567"));
    }

    @Test
    void synonymsExpandAtSearchTimeOnly() throws IOException {
        List<String> search = tokens("vi_text_search", "BHYT");
        assertTrue(search.containsAll(List.of("bhyt", "bảo", "hiểm", "y", "tế")), search.toString());
        assertEquals(List.of("bhyt"), tokens("vi_text", "BHYT"));
        assertTrue(tokens("vi_folded_search", "bhyt").contains("bao"));
    }

    @Test
    void shinglesJoinSyllables() throws IOException {
        assertTrue(tokens("vi_shingle", "bảo hiểm y tế").containsAll(List.of("bao hiem", "y te", "bao hiem y")));
    }
}
