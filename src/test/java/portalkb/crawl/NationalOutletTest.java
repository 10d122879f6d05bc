package portalkb.crawl;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;
import portalkb.core.UrlNormalizer;
import portalkb.demo.StaticSiteServer;
import portalkb.search.SearchRequest;
import portalkb.search.SearchResult;
import portalkb.search.SearchService;
import portalkb.store.Elastic;
import portalkb.store.Fact;
import portalkb.store.TestElastic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo portal's national outlet (one site, articles about twelve provinces in Vietnamese and English, with datelines,
 * district-only mentions, an article about three provinces and one about the whole country), crawled from 127.0.0.1 as a
 * {@code scope: national} source: every article's provinces are read from the article, never from the outlet.
 */
@ExtendWith(TestElastic.class)
class NationalOutletTest {

    private static final String SITE = "/thoibao-xahoi";
    private static final String THREE_PROVINCES = SITE + "/suc-khoe/tay-nguyen-day-nhanh-bao-phu-bao-hiem-y-te-5104.html";
    private static final String WHOLE_COUNTRY = SITE + "/xa-hoi/ca-nuoc-hon-93-phan-tram-dan-so-co-bao-hiem-y-te-5109.html";
    /** Each article's provinces, the one it is about first. */
    private static final Map<String, List<String>> PROVINCES = new LinkedHashMap<>();

    static {
        PROVINCES.put(SITE + "/suc-khoe/them-52-xa-phuong-dat-chuan-quoc-gia-ve-y-te-5101.html", List.of("Bình Định"));
        PROVINCES.put(SITE + "/xa-hoi/dakrong-giam-hon-5-phan-tram-ho-ngheo-5102.html", List.of("Quảng Trị"));
        PROVINCES.put(SITE + "/suc-khoe/kim-thanh-tiem-mui-2-cho-tre-5103.html", List.of("Hải Dương"));
        PROVINCES.put(SITE + "/en/society/nine-in-ten-residents-hold-health-insurance-5105.html", List.of("Vĩnh Phúc"));
        PROVINCES.put(SITE + "/en/society/two-more-communes-meet-new-rural-standards-5106.html", List.of("Trà Vinh"));
        PROVINCES.put(SITE + "/en/health/hai-chau-district-steps-up-hiv-testing-5107.html", List.of("Đà Nẵng"));
        PROVINCES.put(SITE + "/xa-hoi/21-xa-dat-du-19-tieu-chi-nong-thon-moi-5108.html", List.of("Bạc Liêu"));
        PROVINCES.put(SITE + "/suc-khoe/dong-thap-sot-xuat-huyet-tang-manh-5110.html", List.of("Đồng Tháp"));
        // the estimate that conflicts with the provincial paper's year-end figure (issue 28: a conflict in the demo)
        PROVINCES.put(SITE + "/xa-hoi/cao-bang-uoc-dat-96-phan-tram-bao-hiem-y-te-5111.html", List.of("Cao Bằng"));
    }

    private static StaticSiteServer portal;
    private static Elastic elastic;
    private static Map<String, Map<String, Object>> articles;

    @BeforeAll
    static void crawlTheNationalOutlet() throws Exception {
        AppConfig config = TestElastic.config(NationalOutletTest.class, Map.of("crawler.threads", "2"));
        elastic = TestElastic.freshIndices(config);
        portal = new StaticSiteServer("/portalkb/demo/sites", 0);
        String yaml;
        try (InputStream in = NationalOutletTest.class.getResourceAsStream("/portalkb/demo/sources.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${SITE}", portal.baseUrl());
        }
        String national = "sources:\n" + yaml.substring(yaml.indexOf("  - id: thoibao-xahoi\n"));
        Crawls.run(elastic, config, national, Crawls.ALL);
        articles = Crawls.articles(elastic);
    }

    @AfterAll
    static void stop() throws IOException {
        portal.close();
        elastic.close();
    }

    private static Map<String, Object> article(String path) {
        Map<String, Object> a = articles.get(portal.baseUrl() + path);
        assertTrue(a != null, path + " not crawled: " + articles.keySet());
        return a;
    }

    @Test
    void eachArticleIsAboutTheProvinceItsOwnWordsName() {
        assertEquals(PROVINCES.size() + 2, articles.size(), articles.keySet().toString());
        PROVINCES.forEach((path, provinces) -> {
            Map<String, Object> a = article(path);
            assertEquals(provinces.get(0), a.get("province"), path + " " + a.get("provinceEvidence"));
            assertEquals(provinces, a.get("provinces"), path + " " + a.get("provinceEvidence"));
            assertTrue(((Number) a.get("provinceConfidence")).doubleValue() > 0, path);
        });
        // the outlet's home (the agency's Hanoi desk, the weather box) is never an article's province
        assertTrue(articles.values().stream().noneMatch(a -> "Hà Nội".equals(a.get("province"))));
    }

    @Test
    void anArticleAboutTheWholeCountryHasNoProvinceAndIsShownSo() throws Exception {
        Map<String, Object> a = article(WHOLE_COUNTRY);
        assertNull(a.get("province"));
        assertEquals(List.of(), a.getOrDefault("provinces", List.of()));
        SearchResult none = new SearchService(elastic).search(request("bảo hiểm y tế", List.of(SearchService.NO_PROVINCE)));
        assertEquals(List.of(portal.baseUrl() + WHOLE_COUNTRY), none.hits().stream().map(SearchResult.Hit::url).toList());
        assertTrue(none.hits().get(0).provinces().isEmpty());
        SearchResult all = new SearchService(elastic).search(request("bảo hiểm y tế", List.of()));
        assertTrue(all.facets().get("province").contains(new SearchResult.Bucket(SearchService.NO_PROVINCE, 1)), all.facets().toString());
    }

    @Test
    void anArticleAboutSeveralProvincesIsFoundUnderEach() throws Exception {
        Map<String, Object> a = article(THREE_PROVINCES);
        assertEquals(List.of("Gia Lai", "Kon Tum", "Đắk Nông"), sorted(a.get("provinces")), String.valueOf(a.get("provinceEvidence")));
        SearchService search = new SearchService(elastic);
        for (String province : List.of("Gia Lai", "Kon Tum", "Đắk Nông")) {
            SearchResult found = search.search(request("bảo hiểm y tế", List.of(province)));
            assertEquals(List.of(portal.baseUrl() + THREE_PROVINCES), found.hits().stream().map(SearchResult.Hit::url).toList(), province);
        }
        SearchResult all = search.search(request("", List.of()));
        for (String province : List.of("Gia Lai", "Kon Tum", "Đắk Nông", "Vĩnh Phúc", "Bình Định")) {
            assertTrue(all.facets().get("province").contains(new SearchResult.Bucket(province, 1)), province + " " + all.facets());
        }
    }

    @Test
    void eachFigureOfTheArticleAboutSeveralProvincesCarriesItsOwn() throws Exception {
        Map<Double, Fact> byValue = new LinkedHashMap<>();
        facts(UrlNormalizer.id(portal.baseUrl() + THREE_PROVINCES)).forEach(f -> byValue.putIfAbsent(f.value(), f));
        Map<Double, String> expected = Map.of(93.4, "Gia Lai", 94.2, "Kon Tum", 82.0, "Đắk Nông");
        expected.forEach((value, province) -> {
            Fact f = byValue.get(value);
            assertTrue(f != null, value + " not stored: " + byValue.keySet());
            assertEquals(province, f.province(), value + " in: " + f.text());
            // a level of a province the article reports on: rankings and comparisons read it
            assertEquals("province", f.level(), value + " in: " + f.text());
            assertEquals("result", f.role(), value + " in: " + f.text());
        });
    }

    @Test
    void figuresOfAnArticleWithoutAProvinceHaveNone() throws Exception {
        List<Fact> facts = facts(UrlNormalizer.id(portal.baseUrl() + WHOLE_COUNTRY));
        assertTrue(!facts.isEmpty());
        assertTrue(facts.stream().noneMatch(f -> "Hà Nội".equals(f.province())), facts.toString());
    }

    private static List<Fact> facts(String articleId) throws IOException {
        SearchResponse<Fact> r = elastic.client().search(s -> s.index(elastic.names().facts()).size(100)
            .query(q -> q.term(t -> t.field("articleId").value(articleId))), Fact.class);
        List<Fact> out = new ArrayList<>();
        for (Hit<Fact> h : r.hits().hits()) {
            out.add(h.source());
        }
        return out;
    }

    private static SearchRequest request(String q, List<String> provinces) {
        return new SearchRequest(q, provinces, List.of(), List.of(), null, null, List.of(), 1, 20, SearchRequest.Sort.RELEVANCE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> sorted(Object list) {
        List<String> names = new ArrayList<>((List<String>) list);
        List<String> order = List.of("Gia Lai", "Kon Tum", "Đắk Nông");
        names.sort((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
        return names;
    }
}
