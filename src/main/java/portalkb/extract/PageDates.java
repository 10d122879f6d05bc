package portalkb.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import portalkb.core.Text;

import java.util.Optional;

/** A page's publish date: the source's selector, date meta tags, date-like blocks, else the date printed next to the title. */
final class PageDates {

    private static final String DATE_META = "meta[property=article:published_time], meta[itemprop=datePublished], "
        + "meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name=dc.date], meta[name=DC.date.issued], "
        + "meta[property=og:published_time], meta[name=article:published_time]";
    private static final String DATE_BLOCKS = "time, [itemprop=datePublished], [class*=date], [class*=time], [class*=ngay], "
        + "[class*=publish], [class*=cap-nhat], [class*=capnhat], [id*=date], [id*=time]";

    private PageDates() {
    }

    static String published(Document doc, ContentSelectors sel, String title) {
        if (sel.date() != null) {
            Element d = doc.selectFirst(sel.date());
            if (d != null) {
                Optional<String> parsed = DateParser.parse(d.hasAttr("datetime") ? d.attr("datetime") : d.text());
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        for (Element m : doc.select(DATE_META)) {
            Optional<String> parsed = DateParser.parse(m.attr("content"));
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        for (Element e : doc.select(DATE_BLOCKS)) {
            if (insideOtherList(e)) {
                continue;
            }
            Optional<String> parsed = DateParser.parse(e.hasAttr("datetime") ? e.attr("datetime") : e.ownText().isBlank() ? e.text() : e.ownText());
            if (parsed.isPresent() && e.text().length() < 80) {
                return parsed.get();
            }
        }
        // Otherwise the date printed nearest after the title, else before it.
        String page = Text.collapseSpaces(doc.body().text());
        int at = title.isEmpty() ? -1 : page.indexOf(title);
        if (at >= 0) {
            int from = at + title.length();
            Optional<String> after = DateParser.parse(page.substring(from, Math.min(page.length(), from + 200)));
            if (after.isPresent()) {
                return after.get();
            }
            return DateParser.parse(page.substring(0, at)).orElse(null);
        }
        return null;
    }

    private static boolean insideOtherList(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.tagName().equals("li") || (p.className() + " " + p.id()).matches("(?i).*(related|other|khac|lien-?quan|sidebar|footer|header|menu).*")) {
                return true;
            }
        }
        return false;
    }
}
