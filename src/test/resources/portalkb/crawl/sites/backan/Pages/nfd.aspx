<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tiêm chủng mở rộng tại các huyện vùng cao</title></head><body>
<div id="main"><h1>Tiêm chủng mở rộng tại các huyện vùng cao</h1><div class="news-date">(Cập nhật lúc: 02/07/2022 09:00:00 )</div>
<div class="ms-rtestate-field"><p>Đến hết tháng 6/2022, tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi tại các huyện vùng cao đạt 96,1%.</p>
<p>Các trạm y tế xã tổ chức buổi tiêm lưu động tại thôn bản.</p></div></div></body></html>
