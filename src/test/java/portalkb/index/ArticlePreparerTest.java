package portalkb.index;

import org.junit.jupiter.api.Test;
import portalkb.store.Article;
import portalkb.store.Fact;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provinces an article is stored under and those of its figures, as the source and the text say (no node needed). */
class ArticlePreparerTest {

    private final ArticlePreparer preparer = new ArticlePreparer();

    private static ArticleInput article(String title, String body) {
        return ArticleInput.of("https://tin.example/bai-" + Math.abs((title + body).hashCode()) + ".html", title, body)
            .withPublished("2024-02-20");
    }

    @Test
    void aProvincialSourcesArticleThatNamesNoPlaceIsItsProvinces() {
        Article a = preparer.prepare(article("Tỷ lệ trẻ đến lớp tăng", "Toàn tỉnh có 23.921 trẻ đến nhà trẻ, đạt 34,36%.")
            .withProvince("hai duong")).article();
        assertEquals("Hải Dương", a.province());
        assertEquals("Hải Phòng", a.provinceToday());
        assertEquals(List.of("Hải Dương"), a.provinces());
        assertTrue(a.provinceConfidence() > 0.5);
    }

    @Test
    void aNationalSourcesArticleAboutTheCountryHasNone() {
        PreparedArticle p = preparer.prepare(article("Cả nước có hơn 93% dân số tham gia bảo hiểm y tế",
            "Tại hội nghị ở Hà Nội, Bảo hiểm xã hội Việt Nam cho biết tỷ lệ bao phủ cả nước đạt 93,35%."));
        assertNull(p.article().province());
        assertNull(p.article().provinceToday());
        assertEquals(List.of(), p.article().provinces());
        assertNull(p.article().provinceConfidence());
        assertTrue(ArticleParts.facts(p).stream().allMatch(f -> f.province() == null), ArticleParts.facts(p).toString());
    }

    @Test
    void eachFigureOfAnArticleAboutSeveralProvincesIsItsOwnProvincesLevel() {
        PreparedArticle p = preparer.prepare(article("Gia Lai, Kon Tum và Đắk Nông đẩy nhanh bao phủ bảo hiểm y tế",
            "Đến cuối năm 2023, Gia Lai có 93,4% dân số tham gia bảo hiểm y tế, trong khi Kon Tum đạt 94,2% và Đắk Nông đạt 82%.\n\n"
                + "Đắk Nông vẫn thấp nhất khu vực; Bảo hiểm xã hội tỉnh Đắk Nông sẽ vận động hộ gia đình tham gia."));
        assertEquals(3, p.article().provinces().size(), p.article().provinceEvidence().toString());
        Map<Double, Fact> byValue = ArticleParts.facts(p).stream().collect(Collectors.toMap(Fact::value, f -> f, (x, y) -> x));
        assertEquals("Gia Lai", byValue.get(93.4).province());
        assertEquals("Kon Tum", byValue.get(94.2).province());
        assertEquals("Đắk Nông", byValue.get(82.0).province());
        assertTrue(byValue.values().stream().filter(f -> List.of(93.4, 94.2, 82.0).contains(f.value()))
            .allMatch(f -> "province".equals(f.level())), byValue.toString());
    }

    @Test
    void anotherProvincesFigureInAProvincialArticleStaysAnotherProvinces() {
        PreparedArticle p = preparer.prepare(article("Lạng Sơn: 97,9% dân số có bảo hiểm y tế",
            "Năm 2023, tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 97,9%, cao hơn Cao Bằng (96,4%).").withProvince("Lạng Sơn"));
        assertEquals(List.of("Lạng Sơn"), p.article().provinces());
        Fact other = ArticleParts.facts(p).stream().filter(f -> f.value() == 96.4).findFirst().orElseThrow();
        assertEquals("Cao Bằng", other.province());
        assertEquals("other-province", other.level());
    }

    @Test
    void aFigureOfAnArticleWithoutAProvinceTakesTheProvinceItsClauseNames() {
        PreparedArticle p = preparer.prepare(article("Bao phủ bảo hiểm y tế cả nước đạt 93,35%",
            "Cả nước đạt 93,35% dân số tham gia bảo hiểm y tế. Riêng Gia Lai đạt 90,1%."));
        assertNull(p.article().province());
        Fact gl = ArticleParts.facts(p).stream().filter(f -> f.value() == 90.1).findFirst().orElseThrow();
        assertEquals("Gia Lai", gl.province());
    }

    @Test
    void aRegionAndAnUnknownProvinceAreReadAsTheSourceSays() {
        Article a = preparer.prepare(article("Thêm 30 nghìn người có thẻ bảo hiểm y tế",
            "(ĐN)- Sáu tháng đầu năm, toàn tỉnh có thêm gần 30 nghìn người tham gia bảo hiểm y tế.")
            .withRegion(List.of("Đồng Nai", "Bình Dương"))).article();
        assertEquals("Đồng Nai", a.province());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> preparer.prepare(article("a", "b").withProvince("Atlantis")))
            .getMessage().contains("unknown province: Atlantis"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> preparer.prepare(article("a", "b").withRegion(List.of("Atlantis"))))
            .getMessage().contains("unknown province in region: Atlantis"));
    }
}
