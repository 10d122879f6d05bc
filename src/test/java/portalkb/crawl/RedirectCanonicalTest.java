package portalkb.crawl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.store.Elastic;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redirects and canonical links name where an article lives, but they must not freeze a URL, merge
 * different articles under one id, or hide a moved site's pages behind their old copies.
 */
@ExtendWith(TestElastic.class)
class RedirectCanonicalTest {

    private static TestSite site;
    private static AppConfig config;

    @BeforeAll
    static void start() throws IOException {
        site = new TestSite();
        // One worker: pages are then handled in link order, so the AMP copy comes after the page it names.
        config = TestElastic.config(RedirectCanonicalTest.class, Map.of("crawler.retryBackoffMs", "10", "crawler.maxRetries", "0",
            "crawler.threads", "1"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String yaml(String id, String path) {
        return Crawls.source(id, List.of(site.url(path)), List.of("^" + java.util.regex.Pattern.quote(site.url(path))), null);
    }

    @Test
    @Timeout(60)
    void aTemporaryRedirectIsFetchedAgainLater() throws Exception {
        site.page("/tam/", TestSite.listing("", "/tam/a.html"));
        site.redirect("/tam/a.html", 302, "/tam/bao-tri.html");
        site.page("/tam/bao-tri.html", TestSite.article("Trang tạm thời trong lúc chuyển đổi hệ thống", TestSite.report(2)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, yaml("tam", "/tam/"), Crawls.DUE);
            assertEquals(UrlState.Status.REDIRECTION, Crawls.state(elastic, site.url("/tam/a.html")).status());

            site.page("/tam/a.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
            Crawls.run(elastic, config, yaml("tam", "/tam/"), Crawls.ALL);
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/tam/a.html")), "the redirected URL was fetched again");
        }
    }

    @Test
    @Timeout(60)
    void aTemplateWhoseCanonicalIsTheHomePageKeepsEveryArticle() throws Exception {
        String canonicalHome = "<link rel=\"canonical\" href=\"/goc/\">";
        site.page("/goc/", TestSite.listing("", "/goc/a.html", "/goc/b.html", "/goc/c.html"));
        site.page("/goc/a.html", TestSite.articleWith(canonicalHome, "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(2)));
        site.page("/goc/b.html", TestSite.articleWith(canonicalHome, "Trẻ thấp còi giảm ở các xã vùng cao", TestSite.report(3)));
        site.page("/goc/c.html", TestSite.articleWith(canonicalHome, "Tiêm chủng mở rộng tại các huyện vùng cao", TestSite.report(4)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, yaml("goc", "/goc/"), Crawls.DUE);
            assertEquals(List.of(site.url("/goc/a.html"), site.url("/goc/b.html"), site.url("/goc/c.html")),
                List.copyOf(Crawls.articles(elastic).keySet()));
        }
    }

    @Test
    @Timeout(60)
    void aCanonicalToADifferentArticleDoesNotOverwriteIt() throws Exception {
        String toA = "<link rel=\"canonical\" href=\"/khac/a.html\">";
        site.page("/khac/", TestSite.listing("", "/khac/a.html", "/khac/b.html", "/khac/c.html", "/khac/a-amp.html"));
        site.page("/khac/a.html", TestSite.articleWith(toA, "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(2)));
        site.page("/khac/b.html", TestSite.articleWith(toA, "Trẻ thấp còi giảm ở các xã vùng cao", TestSite.report(3)));
        site.page("/khac/c.html", TestSite.articleWith(toA, "Tiêm chủng mở rộng tại các huyện vùng cao", TestSite.report(4)));
        // The same story on a second address (an AMP copy): that is what canonical links are for.
        site.page("/khac/a-amp.html", TestSite.articleWith(toA, "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(2)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            Crawls.run(elastic, config, yaml("khac", "/khac/"), Crawls.DUE);
            Map<String, Map<String, Object>> articles = Crawls.articles(elastic);
            assertEquals(List.of(site.url("/khac/a.html"), site.url("/khac/b.html"), site.url("/khac/c.html")), List.copyOf(articles.keySet()));
            assertEquals("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", articles.get(site.url("/khac/a.html")).get("title"));
            assertEquals("Trẻ thấp còi giảm ở các xã vùng cao", articles.get(site.url("/khac/b.html")).get("title"));
        }
    }

    @Test
    @Timeout(60)
    void aMovedArticleReplacesItsOldCopyInsteadOfHidingBehindIt() throws Exception {
        site.page("/cu/", TestSite.listing("", "/cu/tin.html"));
        site.page("/cu/tin.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            String yaml = Crawls.source("chuyen", List.of(site.url("/cu/")), List.of(), null);
            Crawls.run(elastic, config, yaml, Crawls.DUE);
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/cu/tin.html")));

            // The site moves its articles (as after an http → https move): old addresses answer 301.
            site.page("/moi/tin.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
            site.redirect("/cu/tin.html", 301, site.url("/moi/tin.html"));
            site.page("/cu/", TestSite.listing("", "/moi/tin.html"));
            Crawls.run(elastic, config, yaml, Crawls.ALL);
            List<String> visible = Crawls.articles(elastic).entrySet().stream()
                .filter(e -> e.getValue().get("duplicateOf") == null).map(Map.Entry::getKey).toList();
            assertEquals(List.of(site.url("/moi/tin.html")), visible, "what search shows: " + Crawls.articles(elastic).keySet());
        }
    }

    @Test
    @Timeout(60)
    void aPermanentRedirectToAnotherStoryKeepsTheArticle() throws Exception {
        site.page("/doi/", TestSite.listing("", "/doi/tiem-chung.html", "/doi/suy-dinh-duong.html"));
        site.page("/doi/tiem-chung.html", TestSite.article("Tiêm chủng mở rộng đạt 98% ở các huyện vùng cao",
            "Năm 2023, tỷ lệ trẻ em được tiêm chủng đầy đủ của tỉnh đạt 98%, cao nhất từ trước đến nay.",
            "Các trạm y tế xã tổ chức tiêm chủng định kỳ hằng tháng cho trẻ em dưới một tuổi."));
        site.page("/doi/suy-dinh-duong.html", TestSite.article("Trẻ suy dinh dưỡng thấp còi giảm còn 19%", TestSite.report(3)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            String yaml = Crawls.source("doi", List.of(site.url("/doi/")), List.of(), null);
            Crawls.run(elastic, config, yaml, Crawls.DUE);
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/doi/tiem-chung.html")));

            // The site points the old address at another of its stories (a CMS cleanup, a hijacked slug).
            site.redirect("/doi/tiem-chung.html", 301, site.url("/doi/suy-dinh-duong.html"));
            Crawls.run(elastic, config, yaml, Crawls.ALL);
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/doi/tiem-chung.html")),
                "a redirect to a different story does not retire the article: " + Crawls.articles(elastic).keySet());
            assertTrue(Crawls.count(elastic, elastic.names().passages(), portalkb.core.UrlNormalizer.id(site.url("/doi/tiem-chung.html"))) > 0,
                "its passages stay");
            assertTrue(Crawls.articles(elastic).containsKey(site.url("/doi/suy-dinh-duong.html")));
        }
    }

    @Test
    @Timeout(60)
    void aPageTurnedNoindexKeepsItsLinkToTheStoredArticle() throws Exception {
        site.page("/an/", TestSite.listing("", "/an/tin.html"));
        site.page("/an/tin.html", TestSite.article("Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
        try (Elastic elastic = TestElastic.freshIndices(config)) {
            String yaml = Crawls.source("an", List.of(site.url("/an/")), List.of(), null);
            Crawls.run(elastic, config, yaml, Crawls.DUE);
            String id = portalkb.core.UrlNormalizer.id(site.url("/an/tin.html"));
            assertEquals(id, Crawls.state(elastic, site.url("/an/tin.html")).articleId());
            site.page("/an/tin.html", TestSite.articleWith("<meta name=\"robots\" content=\"noindex\">",
                "Tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số", TestSite.report(3)));
            Crawls.run(elastic, config, yaml, Crawls.ALL);
            assertEquals(id, Crawls.state(elastic, site.url("/an/tin.html")).articleId(), "the URL still knows the article stored from it");
        }
    }
}
