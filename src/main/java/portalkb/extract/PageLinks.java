package portalkb.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import portalkb.core.UrlNormalizer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A page's addresses: its links, its next pages, its same-host canonical, and the document files it attaches. */
final class PageLinks {

    private PageLinks() {
    }

    static String canonical(Document doc, String url) {
        Element link = doc.selectFirst("link[rel=canonical]");
        if (link == null) {
            return null;
        }
        Optional<String> canonical = UrlNormalizer.normalize(link.absUrl("href"));
        // A page may only speak for its own host: a cross-site canonical is how one site could hijack another's article.
        if (canonical.isPresent() && sameHost(canonical.get(), url)) {
            return canonical.get();
        }
        return null;
    }

    private static boolean sameHost(String a, String b) {
        try {
            return URI.create(a).getRawAuthority().equalsIgnoreCase(URI.create(b).getRawAuthority());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    static List<String> links(Document doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Element a : doc.select("a[href], area[href]")) {
            UrlNormalizer.normalize(a.absUrl("href")).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** Document links of the article: in its main content, or in a block the page names as attachments ("file đính kèm"). */
    static List<String> attachments(Document doc, Element content) {
        Set<String> out = new LinkedHashSet<>();
        List<Element> anchors = new ArrayList<>(content == null ? List.of() : content.select("a[href]"));
        anchors.addAll(doc.select("[class*=attach] a[href], [id*=attach] a[href], [class*=dinh-kem] a[href], [class*=dinhkem] a[href], "
            + "[class*=file] a[href], [class*=download] a[href], [class*=tai-lieu] a[href], [class*=tailieu] a[href]"));
        for (Element a : anchors) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = resolve(doc.location(), a.attr("href")); // the content block is a detached copy: resolve against the page
            }
            if (DocumentType.namesDocument(href)) {
                UrlNormalizer.normalize(href).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static String resolve(String base, String href) {
        try {
            return base.isEmpty() ? href : URI.create(base).resolve(href.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static List<String> nextPages(Document doc, ContentSelectors sel) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.select("link[rel=next], a[rel=next]" + (sel.next() == null ? "" : ", " + sel.next()))) {
            UrlNormalizer.normalize(e.absUrl("href")).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
