package portalkb.index;

import portalkb.extract.Gazetteer;
import portalkb.extract.Gazetteer.Province;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic realistic-looking Vietnamese health reports with figures, for benchmarks. */
public final class ArticleGenerator {

    private static final String[] OPENINGS = {
        "Sở Y tế tổ chức hội nghị tổng kết công tác y tế năm %d, triển khai nhiệm vụ năm tiếp theo.",
        "Ủy ban nhân dân tỉnh làm việc với ngành y tế về kết quả thực hiện kế hoạch năm %d.",
        "Trung tâm Kiểm soát bệnh tật tỉnh báo cáo kết quả công tác y tế dự phòng năm %d."};
    private static final String[] FIGURES = {
        "Tỷ lệ người dân tham gia bảo hiểm y tế đạt %s%%.",
        "Toàn tỉnh đạt %s bác sĩ/vạn dân.",
        "Có %s%% xã đạt Bộ tiêu chí quốc gia về y tế.",
        "Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể thấp còi còn %s%%.",
        "Tỷ lệ người trên 18 tuổi được tiêm mũi 3 đạt %s%%.",
        "Trên địa bàn có %s cơ sở hành nghề y tư nhân.",
        "Các bệnh viện đã triển khai %s kỹ thuật mới."};
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

    public Map<String, Object> next(int n) {
        Province province = provinces.get(random.nextInt(provinces.size()));
        int year = 2015 + random.nextInt(10);
        StringBuilder body = new StringBuilder(String.format(OPENINGS[random.nextInt(OPENINGS.length)], year));
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            body.append("\n\n").append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            String template = FIGURES[random.nextInt(FIGURES.length)];
            String value = template.contains("%%") || template.contains("bác sĩ")
                ? String.format("%d,%d", 5 + random.nextInt(94), random.nextInt(10)) : Integer.toString(10 + random.nextInt(400));
            body.append(String.format(template, value));
        }
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("url", "https://bench-" + province.id() + ".example.vn/tin-tuc/" + n + ".html");
        article.put("title", "Tổng kết công tác y tế năm " + year + " tại " + province.name() + " (" + n + ")");
        article.put("body", body.toString());
        article.put("published", String.format("%d-%02d-%02dT08:00:00+07:00", year + 1, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        article.put("source", "bench-" + province.id());
        article.put("province", province.name());
        return article;
    }
}
