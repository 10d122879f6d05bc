<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Bắc Kạn bàn giải pháp nâng cao chất lượng khám chữa bệnh</title><link rel="canonical" href="${SITE}/backan-portal/Pages/hoi-nghi-chat-luong-kham-chua-benh-2019.aspx"></head>
<body>
<div id="s4-ribbonrow" class="ms-cui-ribbon"><a href="#mainContent">Skip Ribbon Commands</a><a href="#mainContent">Skip to main content</a></div>
<div class="ms-welcome">Cổng thông tin điện tử Bắc Kạn kính chào quý khách! <a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Trang chủ</a> <a href="#">Góp ý</a> <a href="#">Sơ đồ trang</a> <a href="#">Liên hệ</a></div>
<div class="ms-quicklaunch"><ul><li><a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li></ul></div><div id="mainContent"><div class="news-detail"><h1 class="news-title">Bắc Kạn bàn giải pháp nâng cao chất lượng khám chữa bệnh</h1>
<div class="news-date">(Cập nhật lúc: 26/04/2019 10:22:19 )</div>
<div class="ms-rtestate-field"><p>Sáng 25/4/2019, UBND tỉnh Bắc Kạn họp chuyên đề về chất lượng khám chữa bệnh tại các cơ sở y tế.</p>
<p>Mạng lưới khám chữa bệnh đã được củng cố từ tuyến tỉnh tới xã; bên cạnh đó trên địa bàn có 136 cơ sở hành nghề y tư nhân, cơ bản đáp ứng nhu cầu của người dân. Nhân lực y tế vẫn còn thiếu ở nhiều đơn vị.</p><p style="text-align:right"><b>Phòng Thông tin</b></p></div></div>
<div class="other-news"><h3>Các tin khác</h3><ul><li><a href="${SITE}/backan-portal/Pages/bhyt-2021.aspx">Bắc Kạn: tỷ lệ tham gia bảo hiểm y tế đạt 98,6%</a> <span class="date">(25/01/2022)</span></li><li><a href="${SITE}/backan-portal/Pages/bhyt-2019.aspx">Bắc Kạn: trên 97% người dân có thẻ bảo hiểm y tế</a> <span class="date">(21/01/2020)</span></li><li><a href="${SITE}/backan-portal/Pages/y-te-2020.aspx">Ngành y tế Bắc Kạn vượt khó trong năm dịch bệnh</a> <span class="date">(22/01/2021)</span></li></ul></div></div>
<div class="ms-footer">Bản quyền thuộc UBND tỉnh Bắc Kạn. Số lượt truy cập: 1.204.331</div>
</body></html>
