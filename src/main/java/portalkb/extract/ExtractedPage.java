package portalkb.extract;

import java.util.List;

/**
 * What the parse step found in one HTML page: the article (when the page is one) and the links to
 * follow. {@code article} is false for listing, section and home pages, and for pages that say "not
 * found" or "under maintenance" ({@code notFound}: the phrase that told). {@code template}: the path of
 * the main-content block in the page ("div.article>div.content"), to tell a page of another layout.
 * {@code documents}: the files the article links as its own (PDF, Word, Excel in its text or its
 * attachment block), which the crawler fetches without spending link depth.
 */
public record ExtractedPage(String url, String canonical, String title, String body, String published,
                            String author, String lang, boolean article, boolean noindex, boolean nofollow,
                            List<String> links, List<String> nextPages, String notFound, String template, List<String> documents) {
}
