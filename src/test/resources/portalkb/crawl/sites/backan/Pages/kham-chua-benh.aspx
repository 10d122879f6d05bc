<!DOCTYPE html><html><head><meta charset="utf-8"><title>Nâng cao chất lượng khám chữa bệnh tại các cơ sở y tế</title></head><body>
<div id="s4-ribbonrow" class="ms-cui-ribbonTopBars"><a href="#main">Skip Ribbon Commands</a></div>
<div class="ms-breadcrumb">Trang chủ › Tin tức</div>
<div id="main"><h1 class="news-title">Nâng cao chất lượng khám chữa bệnh tại các cơ sở y tế</h1>
<div class="news-date">(Cập nhật lúc: 26/04/2019 10:22:19 )</div>
<div class="ms-rtestate-field"><p>Ngày 25/4/2019, UBND tỉnh đã họp chuyên đề về chất lượng khám, chữa bệnh với các sở, ngành và đơn vị y tế.</p>
<p>Mạng lưới khám chữa bệnh được củng cố từ tuyến tỉnh đến cơ sở; bên cạnh đó trên địa bàn còn 136 cơ sở hành nghề y tư nhân.</p></div>
<div class="other-news"><b>Các tin khác</b><ul><li><a href="/backan/Pages/nfd.aspx">Tiêm chủng mở rộng tại các huyện vùng cao</a></li></ul></div></div></body></html>
