package portalkb.extract;

import portalkb.core.Text;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what is on a portal page but not part of its article: navigation, hotline and weather boxes,
 * view counters, share bars, SharePoint ribbons, "other / related articles" lists. Decisions use tag
 * names, class/id words and the folded text of headings, so they carry over to layouts not seen yet.
 */
final class Boilerplate {

    private static final String NOISE_TAGS = "script, style, noscript, template, iframe, object, embed, form, nav, header, footer, "
        + "aside, svg, button, select, input, textarea, [role=navigation], [role=banner], [role=contentinfo], "
        + "[role=complementary], [role=search], [hidden], [aria-hidden=true]";
    /** Class or id words of blocks that are never article text (ms-rte* is SharePoint's article body: kept). */
    private static final Pattern NOISE_NAMES = Pattern.compile("(?i)(^|[\\s_-])(nav|navbar|menu|mega-?menu|breadcrumbs?|sidebar|side-?bar|"
        + "widgets?|weather|thoi-?tiet|hotline|duong-?day-?nong|counter|luot-?xem|view-?count|visitors?|truy-?cap|"
        + "related|others?|tin-?khac|tin-?lien-?quan|lien-?quan|cung-?chuyen-?muc|more-?news|share|sharing|social|"
        + "comments?|binh-?luan|footer|banner|ads?|advert\\w*|quang-?cao|ribbon|s4-\\w+|ms-(?!rte)\\w+|login|search|"
        + "tags?|print|rating|pagination|paging|phan-?trang|toolbar|font-?size|co-?chu|skip\\w*|popup|modal|cookie)($|[\\s_-])");
    /** Short lines that are widget text, wherever they sit. */
    static final Pattern NOISE_LINE = Pattern.compile("(?i)^\\W*(đường dây nóng|hotline|lượt xem|số lượt truy cập|đang truy cập|"
        + "đang online|xem cỡ chữ|cỡ chữ|in bài|bản in|chia sẻ|gửi email|tweet|like|share|skip ribbon commands|"
        + "skip to main content|welcome to|kính chào quý khách|trang chủ\\b.*liên hệ|nhiệt độ|độ ẩm|thời tiết)");
    /** Headings that introduce lists of other articles (folded, without diacritics). */
    private static final Pattern OTHER_ARTICLES = Pattern.compile("^(cac )?(tin|bai( viet)?)( da dua| moi)? ?(khac|lien quan|cung chuyen muc|moi nhat|doc nhieu|noi bat|da dua)"
        + "|^xem them|^doc them|^other (news|articles)|^related|^more (news|stories)|^tin tuc khac|^cung chuyen muc|^tin cung chuyen muc");

    private Boilerplate() {
    }

    static void remove(Element root) {
        int total = Math.max(1, root.text().length());
        root.select(NOISE_TAGS).remove();
        for (Element e : List.copyOf(root.getAllElements())) {
            if (e == root || e.parent() == null) {
                continue;
            }
            String names = e.className() + " " + e.id();
            // A block holding most of the page is a wrapper ("page has-sidebar"), not a widget.
            if (!names.isBlank() && NOISE_NAMES.matcher(names).find() && e.text().length() < total * 0.5) {
                e.remove();
            }
        }
        removeOtherArticleLists(root);
        for (Element e : List.copyOf(root.select("p, div, li, span, td"))) {
            if (e.parent() != null && e.text().length() < 120 && NOISE_LINE.matcher(e.text()).find() && e.select("p").size() <= 1) {
                e.remove();
            }
        }
    }

    private static void removeOtherArticleLists(Element root) {
        Elements headings = root.select("h1, h2, h3, h4, h5, h6, strong, b, span, div, p, a");
        for (Element h : List.copyOf(headings)) {
            if (h.parent() == null || h.text().length() > 60 || !OTHER_ARTICLES.matcher(Text.fold(h.text())).find()) {
                continue;
            }
            Element container = h.parent();
            if (container != root && linkDensity(container) > 0.5 && container.text().length() < root.text().length() * 0.5) {
                container.remove();
                continue;
            }
            Element next = h.nextElementSibling();
            if (next != null && linkDensity(next) > 0.5) {
                next.remove();
            }
            h.remove();
        }
    }

    static double linkDensity(Element e) {
        int text = e.text().length();
        if (text == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return (double) links / text;
    }
}
