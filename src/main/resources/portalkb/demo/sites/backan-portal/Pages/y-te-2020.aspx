<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Ngành y tế Bắc Kạn vượt khó trong năm dịch bệnh</title><link rel="canonical" href="${SITE}/backan-portal/Pages/y-te-2020.aspx"></head>
<body>
<div id="s4-ribbonrow" class="ms-cui-ribbon"><a href="#mainContent">Skip Ribbon Commands</a><a href="#mainContent">Skip to main content</a></div>
<div class="ms-welcome">Cổng thông tin điện tử Bắc Kạn kính chào quý khách! <a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Trang chủ</a> <a href="#">Góp ý</a> <a href="#">Sơ đồ trang</a> <a href="#">Liên hệ</a></div>
<div class="ms-quicklaunch"><ul><li><a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li></ul></div><div id="mainContent"><div class="news-detail"><h1 class="news-title">Ngành y tế Bắc Kạn vượt khó trong năm dịch bệnh</h1>
<div class="news-date">(Cập nhật lúc: 22/01/2021 10:00:00 )</div>
<div class="ms-rtestate-field"><p>Năm 2020, ngành y tế Bắc Kạn đạt 11,8 bác sĩ/vạn dân, dù dồn nhiều sức cho phòng, chống dịch Covid-19.</p>
<p>Tỷ lệ bao phủ bảo hiểm y tế năm 2020 đạt 98,1% dân số.</p><p style="text-align:right"><b>Phòng Thông tin</b></p></div></div>
<div class="other-news"><h3>Các tin khác</h3><ul><li><a href="${SITE}/backan-portal/Pages/hoi-nghi-chat-luong-kham-chua-benh-2019.aspx">Bắc Kạn bàn giải pháp nâng cao chất lượng khám chữa bệnh</a> <span class="date">(26/04/2019)</span></li><li><a href="${SITE}/backan-portal/Pages/bhyt-2021.aspx">Bắc Kạn: tỷ lệ tham gia bảo hiểm y tế đạt 98,6%</a> <span class="date">(25/01/2022)</span></li><li><a href="${SITE}/backan-portal/Pages/bhyt-2019.aspx">Bắc Kạn: trên 97% người dân có thẻ bảo hiểm y tế</a> <span class="date">(21/01/2020)</span></li></ul></div></div>
<div class="ms-footer">Bản quyền thuộc UBND tỉnh Bắc Kạn. Số lượt truy cập: 1.204.331</div>
</body></html>
