<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Cổng TTĐT tỉnh Bắc Kạn</title></head>
<body>
<div id="s4-ribbonrow" class="ms-cui-ribbon"><a href="#mainContent">Skip Ribbon Commands</a><a href="#mainContent">Skip to main content</a></div>
<div class="ms-welcome">Cổng thông tin điện tử Bắc Kạn kính chào quý khách! <a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Trang chủ</a> <a href="#">Góp ý</a> <a href="#">Sơ đồ trang</a> <a href="#">Liên hệ</a></div>
<div class="ms-quicklaunch"><ul><li><a href="${SITE}/backan-portal/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li></ul></div><div id="mainContent" class="news-list"><div class="news-item"><h3><a href="${SITE}/backan-portal/Pages/hoi-nghi-chat-luong-kham-chua-benh-2019.aspx">Bắc Kạn bàn giải pháp nâng cao chất lượng khám chữa bệnh</a></h3><p>Sáng 25/4/2019, UBND tỉnh Bắc Kạn họp chuyên đề về chất lượng khám chữa bệnh tại các cơ sở y tế.

Mạng lưới khám chữa bệnh đã được củng cố t…</p></div><div class="news-item"><h3><a href="${SITE}/backan-portal/Pages/bhyt-2021.aspx">Bắc Kạn: tỷ lệ tham gia bảo hiểm y tế đạt 98,6%</a></h3><p>Năm 2021, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh Bắc Kạn đạt 98,6%; tỉnh có 12,3 bác sĩ/vạn dân.…</p></div><div class="news-item"><h3><a href="${SITE}/backan-portal/Pages/bhyt-2019.aspx">Bắc Kạn: trên 97% người dân có thẻ bảo hiểm y tế</a></h3><p>Kết thúc năm 2019, tỷ lệ bao phủ bảo hiểm y tế toàn tỉnh Bắc Kạn đạt 97,4%.

Ngân sách nhà nước đóng hoặc hỗ trợ đóng cho phần lớn người tha…</p></div><div class="news-item"><h3><a href="${SITE}/backan-portal/Pages/y-te-2020.aspx">Ngành y tế Bắc Kạn vượt khó trong năm dịch bệnh</a></h3><p>Năm 2020, ngành y tế Bắc Kạn đạt 11,8 bác sĩ/vạn dân, dù dồn nhiều sức cho phòng, chống dịch Covid-19.

Tỷ lệ bao phủ bảo hiểm y tế năm 2020…</p></div></div>
</body></html>
