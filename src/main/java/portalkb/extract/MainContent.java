package portalkb.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the block that holds an article's text (a small Readability: paragraphs vote for their parent
 * and grandparent) and tells an article block from a listing of teasers.
 */
final class MainContent {

    private MainContent() {
    }

    static Element find(Element body) {
        Element marked = body.selectFirst("[itemprop=articleBody], article .content, article, .ms-rtestate-field, main");
        if (marked != null && marked.text().length() >= 200) {
            return marked;
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : body.select("p, pre, td, blockquote, div")) {
            if (p.normalName().equals("div") && !p.select("p, div, table, ul, ol").isEmpty()) {
                continue;
            }
            String text = p.ownText().isBlank() ? p.text() : p.text();
            if (text.length() < 25 || Boilerplate.linkDensity(p) > 0.5) {
                continue;
            }
            double score = 1 + text.split("[,.;]").length + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double adjusted = e.getValue() * (1 - Boilerplate.linkDensity(e.getKey()));
            if (adjusted > bestScore) {
                bestScore = adjusted;
                best = e.getKey();
            }
        }
        if (best == null) {
            return body.text().length() >= 60 ? body : null;
        }
        return best;
    }

    /**
     * Where the main content sits in the page's layout: tag, id and first class of it and its nearest
     * ancestors ("div.article>div.content"), numbers dropped (CMS ids such as "post-1234"). Null without content.
     */
    static String template(Element content) {
        if (content == null) {
            return null;
        }
        ArrayDeque<String> path = new ArrayDeque<>();
        // The nearest eight levels name a layout; deeper wrappers add nothing but length.
        for (Element e = content; e != null && path.size() < 8 && !e.normalName().equals("body") && !e.normalName().equals("html"); e = e.parent()) {
            String id = e.id().replaceAll("\\d+", "");
            String cls = e.classNames().isEmpty() ? "" : e.classNames().iterator().next().replaceAll("\\d+", "");
            path.addFirst(e.normalName() + (id.isEmpty() ? "" : "#" + id) + (cls.isEmpty() ? "" : "." + cls));
        }
        return path.isEmpty() ? "body" : String.join(">", path);
    }

    /**
     * Headlines that are links (teasers pointing to articles), a list of links, or mostly link text: a
     * listing, not an article. Related-article lists were removed before this is asked.
     */
    static boolean isListing(Element content) {
        int linkedHeadings = content.select("h2 > a, h3 > a, h4 > a, h5 > a, .title > a, a.title").size();
        int listedLinks = content.select("li > a, li > h3 > a, li > h4 > a").size();
        return linkedHeadings >= 1 || listedLinks >= 3 || Boilerplate.linkDensity(content) > 0.35;
    }
}
