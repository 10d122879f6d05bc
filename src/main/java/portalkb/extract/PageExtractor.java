package portalkb.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import portalkb.core.Language;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML page → {@link ExtractedPage}: title, publish date, author, main text and links. The source's CSS
 * selectors win when given; otherwise the main content is the block with the most paragraph text once
 * {@link Boilerplate} is gone (a small Readability), and the page counts as an article only when that
 * block reads like one (a title, real sentences, few links, not a list of teasers).
 */
public final class PageExtractor {

    private static final int MIN_ARTICLE_CHARS = 60;
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr",
        "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "br", "hr");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\\-–—»:]\\s+[^|\\-–—»]{2,60}$");
    private static final Pattern AUTHOR_LINE = Pattern.compile("^(?:(?:Theo|Nguồn|Tác giả|Bài và ảnh|Tin, ảnh|Bài, ảnh|Ảnh)\\s*:?\\s*)(.{2,80})$");

    /** A page whose elements nest deeper than the limit: extraction would take time quadratic in the depth. */
    public static final class TooDeep extends IllegalArgumentException {
        TooDeep(int limit) {
            super("HTML nested deeper than " + limit + " elements: not read");
        }
    }

    private final int maxDepth;

    /** {@code maxDepth}: elements nested deeper make the page unreadable ({@link TooDeep}); real pages nest well under 100. */
    public PageExtractor(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public ExtractedPage extract(String html, String url, ContentSelectors selectors) {
        Document doc = Jsoup.parse(html, url);
        if (deeperThan(doc, maxDepth)) {
            throw new TooDeep(maxDepth);
        }
        ContentSelectors sel = selectors == null ? ContentSelectors.NONE : selectors;
        String robots = doc.select("meta[name=robots]").attr("content").toLowerCase();
        List<String> links = PageLinks.links(doc);
        List<String> next = PageLinks.nextPages(doc, sel);
        String title = title(doc, sel);
        String published = PageDates.published(doc, sel, title);
        String author = meta(doc, "meta[name=author], meta[property=article:author]");
        String ogType = meta(doc, "meta[property=og:type]");

        Element content;
        String template;
        if (sel.body() != null) {
            content = doc.selectFirst(sel.body());
            template = MainContent.template(content);
            if (content != null) {
                content = content.clone();
                Boilerplate.remove(content);
            }
        } else {
            Element body = doc.body().clone();
            Boilerplate.remove(body);
            content = MainContent.find(body);
            template = MainContent.template(content);
        }
        List<String> paragraphs = content == null ? List.of() : paragraphs(content, title);
        if (author == null && !paragraphs.isEmpty()) {
            author = authorLine(paragraphs);
        }
        String text = String.join("\n\n", paragraphs);
        String notFound = SoftNotFound.phrase(title, text).orElse(null);
        // A title of one to three words ("Y tế", "Tin tức") names a section, not a story.
        boolean looksLikeArticle = content != null && notFound == null && title.split("\\s+").length >= 4 && text.length() >= MIN_ARTICLE_CHARS
            && (sel.body() != null || "article".equalsIgnoreCase(ogType) || !MainContent.isListing(content));
        return new ExtractedPage(url, PageLinks.canonical(doc, url), title, text, published, author, Language.detect(title + " " + text),
            looksLikeArticle, robots.contains("noindex"), robots.contains("nofollow"), links, next, notFound, template,
            looksLikeArticle ? PageLinks.attachments(doc, content) : List.of());
    }

    private static boolean deeperThan(Document doc, int limit) {
        boolean[] deep = new boolean[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth > limit) {
                    deep[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, doc);
        return deep[0];
    }

    private static String title(Document doc, ContentSelectors sel) {
        if (sel.title() != null) {
            Element t = doc.selectFirst(sel.title());
            if (t != null && !t.text().isBlank()) {
                return Text.collapseSpaces(t.text());
            }
        }
        String og = meta(doc, "meta[property=og:title], meta[name=twitter:title]");
        if (og != null) {
            return Text.collapseSpaces(og);
        }
        for (Element h : doc.select("h1, .title, .news-title, .article-title, h2")) {
            String t = Text.collapseSpaces(h.text());
            if (t.length() >= 15 && !Boilerplate.NOISE_LINE.matcher(t).find()) {
                return t;
            }
        }
        return TITLE_SUFFIX.matcher(Text.collapseSpaces(doc.title())).replaceFirst("");
    }

    private static List<String> paragraphs(Element content, String title) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(out, current, title);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(out, current, title);
                }
            }
        }, content);
        flush(out, current, title);
        return out;
    }

    private static void flush(List<String> out, StringBuilder current, String title) {
        String line = Text.collapseSpaces(current.toString());
        current.setLength(0);
        if (line.isEmpty() || line.equals(title) || Boilerplate.NOISE_LINE.matcher(line).find() || isDateLine(line)) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).equals(line)) {
            return;
        }
        out.add(line);
    }

    /** "12/05/2022 07:48:09 Xem cỡ chữ Google", "(Cập nhật lúc: 26/04/2019 10:22:19 )": a date and a few words. */
    private static boolean isDateLine(String line) {
        return line.length() < 70 && DateParser.parse(line).isPresent()
            && line.replaceAll("[\\d/:.()\\-,|]", " ").trim().split("\\s+").length <= 6;
    }

    private static String authorLine(List<String> paragraphs) {
        String last = paragraphs.get(paragraphs.size() - 1);
        var m = AUTHOR_LINE.matcher(last);
        return m.matches() ? m.group(1).strip() : null;
    }

    private static String meta(Document doc, String selector) {
        for (Element m : doc.select(selector)) {
            String v = m.attr("content").strip();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

}
