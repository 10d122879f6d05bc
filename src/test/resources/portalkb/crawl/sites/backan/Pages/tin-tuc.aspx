<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<div id="s4-ribbonrow" class="ms-cui-ribbonTopBars"><a href="#main">Skip Ribbon Commands</a> <a href="#main">Skip to main content</a></div>
<div class="welcome">Cổng thông tin điện tử Bắc Kạn kính chào quý khách! <a href="/backan/Pages/tin-tuc.aspx">Trang chủ</a> <a href="/backan/_layouts/login.aspx">Đăng nhập</a></div>
<div id="main" class="news-list"><div class="news-item"><h3><a href="/backan/Pages/kham-chua-benh.aspx">Nâng cao chất lượng khám chữa bệnh tại các cơ sở y tế</a></h3></div>
<div class="news-item"><h3><a href="/backan/Pages/ban-tin-1258.aspx">Bản tin y tế cơ sở tháng 3</a></h3></div>
<div class="news-item"><h3><a href="/backan/Pages/nfd.aspx">Tiêm chủng mở rộng tại các huyện vùng cao</a></h3></div></div></body></html>
