package portalkb.search;

import portalkb.config.AppConfig;
import portalkb.index.ArticleInput;
import portalkb.index.ArticleWriter;
import portalkb.store.BulkIndexer;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.util.List;

/**
 * Our own articles (own sentences) written through the real ArticleWriter into the test node, for the
 * analytics: poverty rates of five provinces with one conflicting year (Lạng Sơn 2023: 4,1% vs 4,3%), a
 * tie, a province absorbed in 2025 (Hà Giang → Tuyên Quang), an article stating two dengue counts (no
 * conflict), a district's figure in a province's article and a district portal's article (no province figures) and a
 * hostile title for CSV exports.
 */
public final class AnalyticsFixture {

    public static final String HOSTILE_TITLE = "=HYPERLINK(\"http://evil.example\",\"xem\") tỷ lệ hộ nghèo";

    static final List<ArticleInput> ARTICLES = List.of(
        article("https://baolangson.example/xa-hoi/giam-ngheo-2022.html", "Lạng Sơn tổng kết giảm nghèo năm 2022", "Lạng Sơn", "baolangson",
            "2023-03-10T08:00:00+07:00", "Năm 2022, tỷ lệ hộ nghèo của tỉnh còn 5,2%. Tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh đạt 96,1%."),
        article("https://baolangson.example/xa-hoi/ra-soat-ho-ngheo-2023.html", "Kết quả rà soát hộ nghèo năm 2023", "Lạng Sơn", "baolangson",
            "2024-02-01T08:00:00+07:00", "Theo kết quả rà soát cuối năm 2023, tỷ lệ hộ nghèo toàn tỉnh còn 4,1%."),
        article("https://langson-portal.example/tin/giam-ngheo.html", "Lạng Sơn giảm nghèo bền vững", "Lạng Sơn", "langson-portal",
            "2024-05-01T08:00:00+07:00", "Năm 2023, tỷ lệ hộ nghèo của tỉnh còn 4,3%, hộ cận nghèo còn 6,8%."),
        article("https://backan.example/tin/bhyt-2023.html", "Bắc Kạn: bảo hiểm y tế và giảm nghèo", "Bắc Kạn", "backan-portal",
            "2024-01-15T08:00:00+07:00", "Năm 2023, tỷ lệ hộ nghèo còn 9,8%. Tỷ lệ tham gia bảo hiểm y tế năm 2023 đạt 98,6%."),
        article("https://hagiang.example/tin/ho-ngheo-2023.html", "Hà Giang công bố hộ nghèo năm 2023", "Hà Giang", "hagiang-portal",
            "2024-01-20T08:00:00+07:00", "Năm 2023, tỷ lệ hộ nghèo còn 15,2%. Riêng huyện Mèo Vạc có tỷ lệ hộ nghèo còn 30,5%."),
        article("https://hagiang.example/tin/ho-ngheo-2022.html", "Hà Giang giảm nghèo năm 2022", "Hà Giang", "hagiang-portal",
            "2023-01-20T08:00:00+07:00", "Năm 2022, tỷ lệ hộ nghèo còn 18,0%."),
        article("https://tuyenquang.example/tin/ho-ngheo-2023.html", "Tuyên Quang giảm nghèo năm 2023", "Tuyên Quang", "tuyenquang-portal",
            "2024-01-22T08:00:00+07:00", "Năm 2023, tỷ lệ hộ nghèo của tỉnh còn 4,3%."),
        article("https://backan.example/tin/sot-xuat-huyet.html", "Bắc Kạn theo dõi sốt xuất huyết", "Bắc Kạn", "backan-portal",
            "2023-10-02T08:00:00+07:00", "Từ đầu năm 2023 đến nay, toàn tỉnh ghi nhận 1.020 ca mắc sốt xuất huyết. Riêng tuần qua có 35 ca mắc sốt xuất huyết."),
        ArticleInput.of("https://meovac.example/thong-bao/ho-ngheo.html", "Huyện Mèo Vạc rà soát hộ nghèo năm 2023",
                "Năm 2023, tỷ lệ hộ nghèo còn 30,5%.")
            .withDistrict("Mèo Vạc").withSource("meovac-district").withPublished("2024-01-05T08:00:00+07:00"),
        article("https://hostile.example/tin/ngheo.html", HOSTILE_TITLE, "Yên Bái", "hostile",
            "2024-03-01T08:00:00+07:00", "Năm 2023, tỷ lệ hộ nghèo của tỉnh còn 11,4%."));

    private AnalyticsFixture() {
    }

    static ArticleInput article(String url, String title, String province, String source, String published, String body) {
        return ArticleInput.of(url, title, body).withProvince(province).withSource(source).withPublished(published);
    }

    /** This class's indices, fresh, with the articles written and refreshed. */
    public static Elastic load(AppConfig config) throws Exception {
        Elastic elastic = TestElastic.freshIndices(config);
        try (BulkIndexer bulk = new BulkIndexer(elastic)) {
            new ArticleWriter(elastic, bulk).write(ARTICLES);
        }
        elastic.client().indices().refresh(r -> r.index(List.of(elastic.names().articles(), elastic.names().facts())));
        return elastic;
    }
}
