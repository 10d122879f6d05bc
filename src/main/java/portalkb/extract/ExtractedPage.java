package portalkb.extract;

import java.util.List;

/**
 * What the parse step found in one HTML page: the article (when the page is one) and the links to
 * follow. {@code article} is false for listing, section and home pages.
 */
public record ExtractedPage(String url, String canonical, String title, String body, String published,
                            String author, String lang, boolean article, boolean noindex, boolean nofollow,
                            List<String> links, List<String> nextPages) {
}
