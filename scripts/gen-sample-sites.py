#!/usr/bin/env python3
"""Renders the bundled sample corpus (src/main/resources/portalkb/demo/articles.jsonl) into static
fixture websites under src/main/resources/portalkb/demo/sites/<site>/, in the layouts the crawler
meets on real provincial portals: a SharePoint portal, a provincial portal with hotline and view
counters, newspapers with paged listings and RSS, a district notice board with a sitemap.
Run it after editing the corpus; the output is committed (the demo and tests serve it as is)."""
import html, json, os, re, shutil, unicodedata
from datetime import datetime

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'portalkb', 'demo')
OUT = os.path.join(ROOT, 'sites')
MERGE = {'langson': 'baolangson', 'backan': 'backan-portal', 'yenbai': 'yenbai-portal'}
LAYOUT = {'backan-portal': 'sharepoint', 'yenbai-portal': 'portal', 'tanuyen-district': 'district'}
WEEKDAYS = ['Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật']
e = html.escape

def slug(text):
    t = unicodedata.normalize('NFD', text).replace('đ', 'd').replace('Đ', 'D')
    t = ''.join(c for c in t if unicodedata.category(c) != 'Mn').lower()
    return re.sub(r'[^a-z0-9]+', '-', t).strip('-')[:70]

def paras(body):
    return '\n'.join(f'<p>{e(p)}</p>' for p in body.split('\n\n') if p.strip())

def others(site, arts, current, heading):
    items = ''.join(f'<li><a href="{a["path"]}">{e(a["title"])}</a> <span class="date">({a["dt"].strftime("%d/%m/%Y")})</span></li>'
                    for a in arts if a is not current)
    return f'<div class="other-news"><h3>{heading}</h3><ul>{items}</ul></div>' if items else ''

def page(title, head_extra, body, lang='vi'):
    return f'''<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)}</title>{head_extra}</head>
<body>
{body}
</body></html>
'''

def sharepoint(site, arts, a):
    top = f'''<div id="s4-ribbonrow" class="ms-cui-ribbon"><a href="#mainContent">Skip Ribbon Commands</a><a href="#mainContent">Skip to main content</a></div>
<div class="ms-welcome">Cổng thông tin điện tử {e(site["province"])} kính chào quý khách! <a href="{site["base"]}/Pages/tin-tuc.aspx">Trang chủ</a> <a href="#">Góp ý</a> <a href="#">Sơ đồ trang</a> <a href="#">Liên hệ</a></div>
<div class="ms-quicklaunch"><ul><li><a href="{site["base"]}/Pages/tin-tuc.aspx">Tin tức - Sự kiện</a></li></ul></div>'''
    if a is None:
        items = ''.join(f'<div class="news-item"><h3><a href="{x["path"]}">{e(x["title"])}</a></h3><p>{e(x["body"][:140])}…</p></div>' for x in arts)
        return page(f'Tin tức - {site["name"]}', '', top + f'<div id="mainContent" class="news-list">{items}</div>')
    body = f'''<div id="mainContent"><div class="news-detail"><h1 class="news-title">{e(a["title"])}</h1>
<div class="news-date">(Cập nhật lúc: {a["dt"].strftime("%d/%m/%Y %H:%M:%S")} )</div>
<div class="ms-rtestate-field">{paras(a["body"])}<p style="text-align:right"><b>Phòng Thông tin</b></p></div></div>
{others(site, arts, a, "Các tin khác")}</div>
<div class="ms-footer">Bản quyền thuộc UBND tỉnh {e(site["province"])}. Số lượt truy cập: 1.204.331</div>'''
    return page(a['title'], f'<link rel="canonical" href="{a["path"]}">', top + body)

def portal(site, arts, a):
    top = f'''<div class="header"><div class="top-links"><ul><li>Welcome to {e(site["ascii"])} Portal</li><li class="hotline">Đường dây nóng: 02163.818.555</li><li>English</li></ul></div>
<div class="main-menu"><a href="{site["base"]}/tin-trong-tinh/">Tin trong tỉnh</a></div></div>
<div class="weather-box">{e(site["province"])}: 24°C, độ ẩm 80%</div>'''
    if a is None:
        items = ''.join(f'<li><h4><a href="{x["path"]}">{e(x["title"])}</a></h4><span>{x["dt"].strftime("%d/%m/%Y")}</span></li>' for x in arts)
        return page(f'Tin trong tỉnh - {site["name"]}', '', top + f'<div class="content"><ul class="list-news">{items}</ul></div>')
    body = f'''<div class="content"><div class="breadcrumb">Tin trong tỉnh &gt;&gt; Văn hóa - Xã hội</div>
<h2 class="title-detail">{e(a["title"])}</h2>
<div class="tools">{a["dt"].strftime("%d/%m/%Y %H:%M:%S")} <span class="font-size">Xem cỡ chữ</span> <a href="https://translate.google.com">Google</a></div>
<div class="detail-content">{paras(a["body"])}</div>
<div class="view-count">Lượt xem: 1.532</div>
{others(site, arts, a, "Tin khác")}</div>
<div class="footer">Cơ quan chủ quản: UBND tỉnh {e(site["province"])}</div>'''
    return page(a['title'] + ' - ' + site['name'], f'<link rel="canonical" href="{a["path"]}">', top + body)

# Files attached to articles: written by portalkb.extract.DemoDocuments (test sources), kept across regenerations.
ATTACHMENTS = {'/laichau/tin-tuc/tiem-chung-2022.html': ('files/bao-cao-tcmr-2022.pdf', 'Báo cáo kết quả tiêm chủng mở rộng năm 2022 (PDF)')}
DOCUMENT_FILES = ('.pdf', '.doc', '.docx', '.xls', '.xlsx')

def attachment(a):
    if a['path'] not in ATTACHMENTS:
        return ''
    file, label = ATTACHMENTS[a['path']]
    return f'\n<p class="attach">Tệp đính kèm: <a href="{a["path"].rsplit("/", 1)[0]}/{file}">{e(label)}</a></p>'

def newspaper(site, arts, a):
    top = f'''<header class="site-header"><div class="today">{WEEKDAYS[datetime.now().weekday()]}, 01/01/2026</div><a class="logo" href="{site["base"]}/">{e(site["name"])}</a>
<nav><a href="{site["base"]}/y-te/">Y tế</a> <a href="{site["base"]}/rss/y-te.rss">RSS</a></nav></header>
<div class="widget weather">Thời tiết {e(site["province"] or "Hà Nội")}: 21°C</div>'''
    if a is None:
        return None
    d = a['dt']
    body = f'''<main><article class="article"><div class="article-meta">{WEEKDAYS[d.weekday()]}, {d.strftime("%d/%m/%Y")}</div>
<h1>{e(a["title"])}</h1>
<div class="article-body">{paras(a["body"])}{attachment(a)}</div>
<div class="share"><a href="{a["path"]}?utm_source=facebook&amp;utm_medium=share">Chia sẻ</a></div></article>
{others(site, arts, a, "Tin liên quan")}</main>
<footer>© {e(site["name"])} — Giấy phép số 12/GP-BTTTT</footer>'''
    return page(a['title'], f'<meta property="og:type" content="article"><meta property="article:published_time" content="{d.isoformat()}"><link rel="canonical" href="{a["path"]}">', top + body, a.get('lang', 'vi'))

def newspaper_listing(site, arts, page_no, per_page=1):
    start = (page_no - 1) * per_page
    chunk = arts[start:start + per_page]
    items = ''.join(f'<div class="story"><h3><a href="{x["path"]}?utm_source=home">{e(x["title"])}</a></h3><p class="sapo">{e(x["body"][:120])}…</p></div>' for x in chunk)
    nxt = f'<a rel="next" href="{site["base"]}/y-te/trang-{page_no + 1}.html">Trang sau</a>' if start + per_page < len(arts) else ''
    top = f'<header><a href="{site["base"]}/">{e(site["name"])}</a><nav><a href="{site["base"]}/y-te/">Y tế</a></nav></header>'
    return page(f'Y tế - {site["name"]}', '', top + f'<main><h2>Y tế</h2><div class="stories">{items}</div><div class="paging">{nxt}</div></main>')

def rss(site, arts):
    items = ''.join(f'<item><title>{e(x["title"])}</title><link>{x["path"]}</link><pubDate>{x["dt"].strftime("%a, %d %b %Y %H:%M:%S +0700")}</pubDate></item>' for x in arts)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{e(site["name"])}</title><link>{site["base"]}/</link>{items}</channel></rss>\n'

def district(site, arts, a):
    top = f'<div class="banner">Cổng thông tin điện tử {e(site["name"])}</div><div class="menu"><a href="{site["base"]}/thong-bao/">Thông báo</a></div>'
    if a is None:
        items = ''.join(f'<li><a href="{x["path"]}">{e(x["title"])}</a></li>' for x in arts)
        return page('Thông báo', '', top + f'<div class="list"><ul>{items}</ul></div>')
    body = f'''<div class="notice"><p class="so">Số: /TB-UBND</p><p class="place">Tân Uyên, ngày tháng 12 năm {a["dt"].year}</p>
<h1>{e(a["title"])}</h1><div class="post-date">Ngày đăng: {a["dt"].strftime("%d/%m/%Y")}</div>
<div class="noi-dung">{paras(a["body"])}</div>
<p class="attach"><a href="{a["path"].rsplit("/", 1)[0]}/files/thong-bao.pdf">Tải văn bản (PDF)</a></p></div>'''
    return page(a['title'], '', top + body)

def main():
    arts = [json.loads(l) for l in open(os.path.join(ROOT, 'articles.jsonl'), encoding='utf-8') if l.strip()]
    sites = {}
    for a in arts:
        sid = MERGE.get(a['source'], a['source'])
        # a national outlet's articles name no province: each one's is read from the article
        site = sites.setdefault(sid, {'id': sid, 'province': a.get('province'), 'district': a.get('district'),
                                      'name': a.get('sourceName') or ('Báo ' + a['province']), 'arts': []})
        a['dt'] = datetime.fromisoformat(a['published'])
        site['arts'].append(a)
    documents = {}
    if os.path.exists(OUT):
        for folder, _, names in os.walk(OUT):
            for name in names:
                if name.endswith(DOCUMENT_FILES):
                    path = os.path.join(folder, name)
                    with open(path, 'rb') as f:
                        documents[os.path.relpath(path, OUT)] = f.read()
        shutil.rmtree(OUT)
    sources = ['# Sources of the bundled sample portal; ${SITE} is replaced by the local server\'s address.', 'sources:']
    for sid, site in sites.items():
        layout = LAYOUT.get(sid, 'newspaper')
        site['base'] = f'/{sid}'
        site['ascii'] = slug(site['province'] or 'Viet Nam').replace('-', ' ').title()
        for a in site['arts']:
            path = re.sub(r'^https?://[^/]+', '', a['url'])
            a['path'] = site['base'] + path
        files = {}
        if layout == 'sharepoint':
            files['Pages/tin-tuc.aspx'] = sharepoint(site, site['arts'], None)
            seeds = ['Pages/tin-tuc.aspx']
        elif layout == 'portal':
            files['tin-trong-tinh/index.html'] = portal(site, site['arts'], None)
            seeds = ['tin-trong-tinh/']
        elif layout == 'district':
            files['thong-bao/index.html'] = district(site, site['arts'], None)
            files['sitemap.xml'] = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                    + ''.join(f'<url><loc>{x["path"]}</loc><lastmod>{x["dt"].date()}</lastmod></url>' for x in site['arts']) + '</urlset>\n')
            seeds = ['sitemap.xml', 'thong-bao/']
        else:
            for n in range(1, len(site['arts']) + 1):
                files['y-te/index.html' if n == 1 else f'y-te/trang-{n}.html'] = newspaper_listing(site, site['arts'], n)
            files['rss/y-te.rss'] = rss(site, site['arts'])
            seeds = ['y-te/', 'rss/y-te.rss']
        home = {'sharepoint': 'Pages/tin-tuc.aspx', 'portal': 'tin-trong-tinh/index.html', 'district': 'thong-bao/index.html'}.get(layout, 'y-te/index.html')
        files['index.html'] = files[home]
        for a in site['arts']:
            render = {'sharepoint': sharepoint, 'portal': portal, 'district': district}.get(layout, newspaper)
            files[a['path'][len(site['base']) + 1:]] = render(site, site['arts'], a)
        for rel, content in files.items():
            target = os.path.join(OUT, sid, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, 'w', encoding='utf-8') as f:
                f.write(content.replace('href="/', 'href="${SITE}/').replace('<link>/', '<link>${SITE}/').replace('<loc>/', '<loc>${SITE}/'))
        sources += [f'  - id: {sid}', f'    name: {site["name"]}',
                    f'    province: {site["province"]}' if site['province'] else '    scope: national']
        if site['district']:
            sources.append(f'    district: {site["district"]}')
        sources += [f'    seeds: [{", ".join("${SITE}/" + sid + "/" + s for s in seeds)}]',
                    f'    allow: ["^${{SITE}}/{sid}/"]', '    delayMs: 0']
    for rel, content in documents.items():
        os.makedirs(os.path.dirname(os.path.join(OUT, rel)), exist_ok=True)
        with open(os.path.join(OUT, rel), 'wb') as f:
            f.write(content)
    with open(os.path.join(OUT, 'robots.txt'), 'w') as f:
        f.write('User-agent: *\nDisallow: /admin/\n')
    with open(os.path.join(ROOT, 'sources.yaml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(sources) + '\n')

main()
