<!DOCTYPE html><html><head><title>BaÒn tin y têì cõ sõÒ thaìng 3</title></head><body>
<div id="main"><h1>BaÒn tin y têì cõ sõÒ thaìng 3</h1><div class="news-date">(Câòp nhâòt luìc: 31/03/2021 16:00:00 )</div>
<div class="ms-rtestate-field"><p>Trong quyì I nãm 2021, toaÌn tiÒnh coì 98,6% dân sôì tham gia baÒo hiêÒm y têì, caìc traòm y têì xaŞ ğêÌu coì baìc siŞ laÌm viêòc.</p>
<p>SõÒ Y têì ğêÌ nghiò caìc huyêòn ğâÒy maònh khaìm saÌng loòc bêònh không lây nhiêŞm.</p></div></div></body></html>
