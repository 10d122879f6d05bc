package portalkb.bench;

import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.index.ArticleInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Deterministic realistic-looking Vietnamese health reports with figures, for benchmarks. The figures
 * come from one consistent world: every article about a province and year reports the same value for
 * a metric, so questions over the generated corpus have one right answer (see {@link #value}).
 */
public final class ArticleGenerator {

    /** One kind of figure sentence: its template and the range its values are drawn from. */
    public record Metric(String template, double min, double max, boolean decimal) {
    }

    /** A generated article and the (metric, value) cells it reports, for question generation. */
    public record Article(ArticleInput doc, Province province, int year, List<Integer> metrics) {
    }

    public static final List<Metric> METRICS = List.of(
        new Metric("Tỷ lệ người dân tham gia bảo hiểm y tế đạt %s%%.", 85, 99.9, true),
        new Metric("Toàn tỉnh đạt %s bác sĩ/vạn dân.", 6, 16, true),
        new Metric("Có %s%% xã đạt Bộ tiêu chí quốc gia về y tế.", 40, 100, true),
        new Metric("Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể thấp còi còn %s%%.", 10, 35, true),
        new Metric("Tỷ lệ người trên 18 tuổi được tiêm mũi 3 đạt %s%%.", 40, 99.9, true),
        new Metric("Trên địa bàn có %s cơ sở hành nghề y tư nhân.", 20, 420, false),
        new Metric("Các bệnh viện đã triển khai %s kỹ thuật mới.", 5, 220, false));
    public static final int FIRST_YEAR = 2015;
    public static final int YEARS = 10;

    private static final long WORLD = 0x504B42L; // one world for every seed: the seed only picks which articles
    private static final String[] OPENINGS = {
        "Sở Y tế tổ chức hội nghị tổng kết công tác y tế năm %d, triển khai nhiệm vụ năm tiếp theo.",
        "Ủy ban nhân dân tỉnh làm việc với ngành y tế về kết quả thực hiện kế hoạch năm %d.",
        "Trung tâm Kiểm soát bệnh tật tỉnh báo cáo kết quả công tác y tế dự phòng năm %d."};
    private static final String[] FILLER = {
        "Ngành y tế tiếp tục nâng cao chất lượng khám chữa bệnh và đổi mới phong cách phục vụ người bệnh.",
        "Công tác phòng chống dịch bệnh được chỉ đạo quyết liệt, không để dịch lớn xảy ra trên địa bàn.",
        "Mạng lưới y tế cơ sở được củng cố, các trạm y tế xã được đầu tư trang thiết bị.",
        "Hội nghị đã thảo luận các khó khăn về nhân lực, cơ sở vật chất và cơ chế tự chủ tài chính.",
        "Lãnh đạo tỉnh đề nghị ngành đẩy mạnh chuyển đổi số và ứng dụng công nghệ thông tin."};

    private final Random random;
    private final List<Province> provinces;

    public ArticleGenerator(long seed) {
        this.random = new Random(seed);
        this.provinces = new ArrayList<>(Gazetteer.get().provinces());
    }

    public ArticleInput next(int n) {
        return nextArticle(n).doc();
    }

    public Article nextArticle(int n) {
        Province province = provinces.get(random.nextInt(provinces.size()));
        int year = FIRST_YEAR + random.nextInt(YEARS);
        StringBuilder body = new StringBuilder(String.format(OPENINGS[random.nextInt(OPENINGS.length)], year));
        int paragraphs = 3 + random.nextInt(4);
        List<Integer> reported = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            body.append("\n\n").append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            int metric = random.nextInt(METRICS.size());
            if (!reported.contains(metric)) {
                reported.add(metric);
                body.append(String.format(METRICS.get(metric).template(), value(province, year, metric)));
            }
        }
        ArticleInput article = ArticleInput.of("https://bench-" + province.id() + ".example.vn/tin-tuc/" + n + ".html",
                "Tổng kết công tác y tế năm " + year + " tại " + province.name() + " (" + n + ")", body.toString())
            .withPublished(String.format("%d-%02d-%02dT08:00:00+07:00", year + 1, 1 + random.nextInt(12), 1 + random.nextInt(28)))
            .withSource("bench-" + province.id()).withProvince(province.name());
        return new Article(article, province, year, List.copyOf(reported));
    }

    /** The world's value of a metric for a province and year, written the Vietnamese way ("97,9"). */
    public static String value(Province province, int year, int metric) {
        SplittableRandom cell = new SplittableRandom(WORLD ^ ((province.id().hashCode() * 31L + year) * 31 + metric));
        Metric m = METRICS.get(metric);
        if (!m.decimal()) {
            return Integer.toString((int) Math.round(m.min() + cell.nextDouble() * (m.max() - m.min())));
        }
        int tenths = (int) Math.round(m.min() * 10 + cell.nextDouble() * (m.max() - m.min()) * 10);
        return (tenths / 10) + "," + (tenths % 10);
    }

    public List<Province> provinces() {
        return List.copyOf(provinces);
    }
}
