package portalkb.core;

import org.junit.jupiter.api.Test;
import portalkb.core.Gazetteer.Province;
import portalkb.core.ProvinceReader.Prior;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The province of an article from its own words and address, on fixture sentences (our own; figures from real reports). */
class ProvinceReaderTest {

    private static final String NATIONAL = "https://tin-quoc-gia.example/xa-hoi/bai-1.html";

    private final ProvinceReader reader = new ProvinceReader();

    private static Province province(String name) {
        return Gazetteer.get().resolve(name).orElseThrow();
    }

    private ProvinceReading national(String title, String body) {
        return reader.read(NATIONAL, title, body, Prior.none());
    }

    private static List<String> names(ProvinceReading r) {
        return r.provinces().stream().map(Province::name).toList();
    }

    @Test
    void theTitleNamesTheProvince() {
        ProvinceReading r = national("An Giang ghi nhận hơn 13 nghìn ca sốt xuất huyết",
            "Từ đầu năm, ngành y tế ghi nhận hơn 13 nghìn ca bệnh, gấp nhiều lần cùng kỳ năm trước.");
        assertEquals("An Giang", r.primary().name());
        assertTrue(r.confidence() > 0.5, "confidence " + r.confidence());
        assertEquals("title start", r.evidence().get(0).kind());
    }

    @Test
    void aDatelinePlaceCountsAndTheAgencyDeskDoesNot() {
        assertEquals("Lạng Sơn", national("Thêm 12 xã đạt chuẩn nông thôn mới",
            "Lạng Sơn – Tỉnh vừa công nhận thêm 12 xã đạt chuẩn nông thôn mới trong năm.").primary().name());
        ProvinceReading desk = national("Health insurance reaches nine in ten residents",
            "Hanoi (VNA) – As many as 91 percent of residents in the northern province of Vinh Phuc now hold health insurance. "
                + "Vinh Phuc set itself a target of 90 percent for the year.");
        assertEquals("Vĩnh Phúc", desk.primary().name());
        assertEquals(List.of("Vĩnh Phúc"), names(desk));
    }

    @Test
    void aPapersCodeIsReadWithTheAddress() {
        String body = "(HG) - Đến cuối tháng 9, toàn tỉnh có hơn 600 nghìn người tham gia bảo hiểm y tế.";
        assertEquals("Hậu Giang", reader.read("http://baohaugiang.com.vn/xa-hoi/bai-2.html", "Bảo hiểm y tế đạt gần 79%", body,
            Prior.none()).primary().name());
        // the same code on a national site: Hậu Giang or Hà Giang, nothing else says which
        assertFalse(national("Bảo hiểm y tế đạt gần 79%", body).confident());
        // "(BL-TA)": Báo Bạc Liêu's code before the reporter's initials
        assertEquals("Bạc Liêu", national("Thêm 3 xã về đích nông thôn mới",
            "(BL-TA) Đến nay toàn tỉnh đã có 21 xã đạt đủ 19 tiêu chí.").primary().name());
    }

    @Test
    void aRegionTellsAnAmbiguousCode() {
        ProvinceReading r = reader.read(NATIONAL, "Thêm 30 nghìn người có thẻ bảo hiểm y tế",
            "(ĐN)- Sáu tháng đầu năm, toàn tỉnh có thêm gần 30 nghìn người tham gia bảo hiểm y tế.",
            Prior.region(List.of(province("Đồng Nai"), province("Bình Dương"), province("Tây Ninh"))));
        assertEquals("Đồng Nai", r.primary().name());
    }

    @Test
    void anOutletNamedInTheTextIsASign() {
        ProvinceReading r = national("Dấu ấn nửa chặng đường giảm nghèo",
            "Cuối năm 2023 toàn tỉnh còn hơn 9 nghìn hộ nghèo, chiếm 3,14%.\n\nTin từ Báo Cà Mau");
        assertEquals("Cà Mau", r.primary().name());
        assertTrue(r.evidence().stream().anyMatch(s -> s.kind().equals("outlet")));
    }

    @Test
    void anAddressOfAProvincialOutletIsASignButTheTextOutweighsIt() {
        assertEquals("Thái Nguyên", reader.read("https://thainguyentv.vn/giao-duc/bai-3.html", "Giữ vững phổ cập mầm non",
            "Hiện toàn tỉnh có trên 240 trường mầm non.", Prior.none()).primary().name());
        ProvinceReading elsewhere = reader.read("http://nghean24h.vn/suc-khoe/bai-4.html", "Đà Nẵng thêm 19 ca bệnh mới",
            "Chiều 11-9, Ban Chỉ đạo phòng chống dịch TP Đà Nẵng cho biết thành phố ghi nhận thêm 19 ca bệnh.", Prior.none());
        assertEquals("Đà Nẵng", elsewhere.primary().name());
        assertEquals(List.of("Đà Nẵng"), names(elsewhere));
    }

    @Test
    void districtsCountForTheirProvince() {
        assertEquals("Quảng Trị", national("Đakrông: tỉ lệ hộ nghèo giảm hơn 5%",
            "UBND huyện Đakrông cho biết toàn huyện còn 3.594 hộ nghèo.").primary().name());
        ProvinceReading english = national("Two more communes reach new-style rural status",
            "Le Ninh and Phuc Thanh communes of Kinh Mon district have met all criteria, as has a commune of Kim Thanh district.");
        assertEquals("Hải Dương", english.primary().name());
        // an old-style tone mark ("Thuỷ") is the same district as "Thủy"
        assertEquals("Phú Thọ", national("Tiêm chủng cho trẻ ở hai huyện",
            "Huyện Thanh Thuỷ và thành phố Việt Trì đạt tỷ lệ tiêm chủng trên 95%.").primary().name());
    }

    @Test
    void aProvinceNameThatNamesALowerPlaceIsNotTheProvince() {
        ProvinceReading r = national("Khánh thành trạm y tế mới",
            "Trạm y tế xã Hòa Bình và trạm y tế phường Long An vừa được khánh thành; thị xã Phú Thọ cũng có trạm mới.");
        assertFalse(r.confident());
    }

    @Test
    void aTitleInCapitalsIsRead() {
        assertEquals("Sơn La", national("THỰC TRẠNG MẤT CÂN BẰNG GIỚI TÍNH KHI SINH TẠI SƠN LA",
            "Theo niên giám thống kê, tỷ số giới tính khi sinh là 101,2 bé trai/100 bé gái.").primary().name());
    }

    @Test
    void anArticleAboutSeveralProvincesReportsOnEach() {
        ProvinceReading r = national("Đắk Lắk và Gia Lai tăng tốc bao phủ bảo hiểm y tế",
            "Đắk Lắk có 95,1% dân số tham gia bảo hiểm y tế, trong khi Gia Lai đạt 93,4%. Tỉnh Gia Lai đặt mục tiêu 95% vào năm sau, "
                + "còn Đắk Lắk giữ mức trên 95%.");
        assertEquals("Đắk Lắk", r.primary().name());
        assertEquals(List.of("Đắk Lắk", "Gia Lai"), names(r));
    }

    @Test
    void aNationalArticleWithoutAProvinceHasNone() {
        assertFalse(national("Cả nước có hơn 93% dân số tham gia bảo hiểm y tế",
            "Theo Bảo hiểm xã hội Việt Nam, tỷ lệ bao phủ cả nước đạt 93,35%.").confident());
        // a list of provinces is about none of them
        ProvinceReading list = national("Nắng nóng kéo dài ở miền Trung",
            "Nhiều nơi như Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị ghi nhận nhiệt độ trên 39 độ C.");
        assertFalse(list.confident());
        assertNull(list.primary());
        assertTrue(list.provinces().isEmpty());
    }

    @Test
    void aProvincialSourceIsAStrongPriorButNotTheOnlySign() {
        Prior haiDuong = Prior.provincial(province("Hải Dương"));
        ProvinceReading own = reader.read("https://tin-tinh.example/a.html", "Tỷ lệ trẻ mầm non đến lớp tăng",
            "Toàn tỉnh huy động được 23.921 trẻ đến nhà trẻ, đạt 34,36%. Đoàn công tác của Hà Nội đến thăm.", haiDuong);
        assertEquals("Hải Dương", own.primary().name());
        assertEquals(List.of("Hải Dương"), names(own));
        ProvinceReading other = reader.read("https://tin-tinh.example/b.html", "Quảng Ninh: hơn 92% trẻ được tiêm vắc-xin sởi",
            "Quảng Ninh – Tỉnh Quảng Ninh đã tiêm vắc-xin sởi cho hơn 92% trẻ. Các huyện của Quảng Ninh đều đạt trên 90%. "
                + "Quảng Ninh sẽ tiêm bù trong tháng tới.", haiDuong);
        assertEquals("Quảng Ninh", other.primary().name());
    }

    @Test
    void evidenceIsKeptForTheProvincesReadAndTheRunnerUp() {
        ProvinceReading r = reader.read("https://baocamau.vn/xa-hoi/bai-5.html", "Cà Mau còn 3,14% hộ nghèo",
            "(CMO) Toàn tỉnh còn 9.604 hộ nghèo. Tỉnh Bạc Liêu lân cận còn 2,1%.", Prior.none());
        assertEquals("Cà Mau", r.primary().name());
        assertTrue(r.evidence().stream().anyMatch(s -> s.kind().equals("host") && s.province().equals("Cà Mau")));
        assertTrue(r.evidence().stream().anyMatch(s -> s.province().equals("Bạc Liêu")));
    }

    @Test
    void repetitionAndReferencesToTheWholeProvinceCount() {
        // named once in the lead, then "toàn thành phố", "UBND thành phố": the text goes on about it
        assertEquals("Huế", national("Hội nghị tổng kết công tác y tế năm 2022",
            "Sáng 12/1, UBND thành phố Huế tổ chức hội nghị tổng kết năm 2022.\n\nNgành y tế hoàn thành 11/12 nhiệm vụ được UBND "
                + "thành phố giao. Toàn thành phố có 130/145 xã, phường đạt chuẩn quốc gia về y tế. Số ca sốt xuất huyết toàn thành "
                + "phố giảm 53,9%, thấp hơn tỉnh Quảng Ngãi.").primary().name());
        // never in the title or the lead, but five times in the body
        StringBuilder body = new StringBuilder("Hội nghị tổng kết năm 2023 diễn ra sáng nay với nhiều đại biểu dự.\n\n");
        for (String s : List.of("Kon Tum có 12 xã đạt chuẩn mới.", "Ngành y tế Kon Tum giảm tỷ lệ suy dinh dưỡng.",
            "Số bác sĩ của Kon Tum tăng.", "Kon Tum đặt mục tiêu mới.", "Đoàn công tác của Kon Tum học tập kinh nghiệm ở Gia Lai.")) {
            body.append(s).append(' ');
        }
        ProvinceReading r = national("Hội nghị tổng kết công tác y tế năm 2023", body.toString());
        assertEquals("Kon Tum", r.primary().name());
        assertEquals(List.of("Kon Tum"), names(r));
    }
}
