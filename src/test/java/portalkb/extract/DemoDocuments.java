package portalkb.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the sample portal's documents (src/main/resources/portalkb/demo/sites): Báo Lai Châu's 2022
 * immunisation report with a table of districts (figures of our own making, consistent with the
 * article that links it: 93,4% for the province), and Tân Uyên's notice. Run once when they change:
 * {@code java -cp target/classes:target/test-classes:target/lib/* portalkb.extract.DemoDocuments}.
 */
public final class DemoDocuments {

    private DemoDocuments() {
    }

    public static void main(String[] args) throws Exception {
        Path sites = Path.of(args.length > 0 ? args[0] : "src/main/resources/portalkb/demo/sites");
        Files.write(sites.resolve("laichau/tin-tuc/files/bao-cao-tcmr-2022.pdf"), laiChauReport());
        Files.write(sites.resolve("tanuyen-district/thong-bao/files/thong-bao.pdf"), tanUyenNotice());
    }

    static byte[] laiChauReport() {
        TestDocuments.Table table = new TestDocuments.Table(
            "Bảng 1. Kết quả tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi theo huyện, thành phố năm 2022",
            List.of("STT", "Huyện, thành phố", "Số trẻ dưới 1 tuổi (trẻ)", "Số trẻ được tiêm chủng đầy đủ (trẻ)", "Tỷ lệ tiêm chủng đầy đủ (%)"),
            List.of(
                List.of("1", "Thành phố Lai Châu", "1.498", "1.462", "97,6"),
                List.of("2", "Tam Đường", "1.085", "1.037", "95,6"),
                List.of("3", "Phong Thổ", "1.702", "1.566", "92,0"),
                List.of("4", "Sìn Hồ", "1.893", "1.702", "89,9"),
                List.of("5", "Mường Tè", "1.230", "1.052", "85,5"),
                List.of("6", "Nậm Nhùn", "602", "551", "91,5"),
                List.of("7", "Than Uyên", "1.296", "1.283", "99,0"),
                List.of("8", "Tân Uyên", "1.061", "1.015", "95,7"),
                List.of("", "Toàn tỉnh", "10.367", "9.668", "93,4")));
        return TestDocuments.pdf("Microsoft Word - BC TCMR 2022.docx", List.of(
            TestDocuments.Page.of("UBND TỈNH LAI CHÂU", "SỞ Y TẾ",
                "# BÁO CÁO", "# Kết quả tiêm chủng mở rộng năm 2022",
                "Năm 2022, chương trình tiêm chủng mở rộng được triển khai tại tất cả các xã, phường, thị trấn trên địa bàn",
                "tỉnh Lai Châu. Các huyện vùng cao tổ chức các buổi tiêm chủng bổ sung cho trẻ chưa được tiêm đủ mũi.",
                "Khó khăn chủ yếu là địa bàn rộng, giao thông đi lại khó khăn vào mùa mưa."),
            TestDocuments.Page.of("II. KẾT QUẢ THEO ĐỊA BÀN", table,
                "Nguồn: Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu (số liệu minh họa).")));
    }

    static byte[] tanUyenNotice() {
        return TestDocuments.pdf("Thông báo kết luận hội nghị ngành y tế huyện Tân Uyên năm 2022", List.of(
            TestDocuments.Page.of("UBND HUYỆN TÂN UYÊN",
                "# THÔNG BÁO", "# Kết luận của Chủ tịch UBND huyện tại hội nghị ngành y tế năm 2022",
                "Chủ tịch UBND huyện yêu cầu các xã tiếp tục củng cố mạng lưới y tế cơ sở, nâng cao chất lượng",
                "khám chữa bệnh ban đầu và tăng cường truyền thông về dinh dưỡng cho bà mẹ và trẻ em.")));
    }
}
