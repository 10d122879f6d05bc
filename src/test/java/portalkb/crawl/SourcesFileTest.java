package portalkb.crawl;

import org.junit.jupiter.api.Test;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.config.ConfigLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcesFileTest {

    private static final AppConfig.Crawler DEFAULTS = ConfigLoader.load(null, Map.of(), Map.of()).crawler();

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> SourcesFile.parse(yaml, "my-sources.yaml", DEFAULTS)).getMessage();
    }

    @Test
    void shippedSourcesFileIsValid() {
        List<Source> sources = SourcesFile.load(Path.of("crawler/sources.yaml"), DEFAULTS);
        assertTrue(sources.size() >= 4);
        assertTrue(sources.stream().anyMatch(s -> "Tân Uyên".equals(s.district()) && s.province().equals("Lai Châu")));
    }

    @Test
    void defaultsApplyAndScopeStaysOnTheSeedHost() {
        Source s = SourcesFile.parse("sources:\n  - id: a\n    province: lang son\n    seeds: http://127.0.0.1:8080/y-te/\n",
            "f.yaml", DEFAULTS).get(0);
        assertEquals("Lạng Sơn", s.province());
        assertEquals(DEFAULTS.maxDepth(), s.maxDepth());
        assertTrue(s.inScope("http://127.0.0.1:8080/other/page.html"));
        assertFalse(s.inScope("http://127.0.0.1:8081/y-te/"));
        assertFalse(s.inScope("http://example.org/y-te/"));
    }

    @Test
    void problemsNameTheFileTheSourceAndTheKey() {
        String base = "sources:\n  - id: news\n    province: Lạng Sơn\n    seeds: [http://x.vn/]\n";
        assertEquals("my-sources.yaml: source 'news': key 'delay': unknown key (known: allow, delayMs, deny, district, id, maxDepth, "
            + "maxPages, name, origin, province, region, schedule, scope, seeds, selectors)", error(base + "    delay: 5\n"));
        assertTrue(error(base.replace("Lạng Sơn", "Atlantis")).contains("source 'news': key 'province'"));
        assertTrue(error(base + "    allow: ['([']\n").contains("key 'allow'"));
        assertTrue(error(base + "    schedule: every day\n").contains("key 'schedule'"));
        assertTrue(error(base + "    maxPages: -3\n").contains("key 'maxPages'"));
        assertTrue(error(base + "    selectors: {body: 'div[['}\n").contains("key 'selectors.body'"));
        assertTrue(error("sources:\n  - province: Lạng Sơn\n    seeds: [http://x.vn/]\n").contains("source #1: key 'id': required"));
        assertTrue(error(base + "  - id: news\n    province: Lạng Sơn\n    seeds: [http://y.vn/]\n").contains("id used twice"));
        assertTrue(error("sources:\n  - id: a\n    province: Lạng Sơn\n    seeds: [ftp://x.vn/]\n").contains("key 'seeds'"));
        // Allow patterns match from the start of the URL: one written for the middle of it is caught here, not by a silent crawl.
        assertTrue(error(base + "    allow: ['x\\.vn/']\n").contains("key 'allow': no pattern matches the seed http://x.vn/"));
    }

    @Test
    void allowPatternsMatchFromTheStartOfTheUrl() {
        Source s = SourcesFile.parse("sources:\n  - id: a\n    province: lang son\n    seeds: [https://x.vn/tin/]\n    allow: ['https://x\\.vn/tin/']\n",
            "f.yaml", DEFAULTS).get(0);
        assertTrue(s.inScope("https://x.vn/tin/a.html"));
        assertFalse(s.inScope("http://127.0.0.1:9200/?q=https://x.vn/tin/"));
    }

    @Test
    void anAllowPatternThatEndsInsideTheHostDoesNotLetLongerHostsIn() {
        Source s = SourcesFile.parse("sources:\n  - id: a\n    province: lang son\n    seeds: [https://site.vn/]\n    allow: ['^https://site\\.vn']\n",
            "f.yaml", DEFAULTS).get(0);
        assertTrue(s.inScope("https://site.vn/tin/a.html"));
        assertTrue(s.inScope("https://site.vn:8443/tin/a.html"));
        assertTrue(s.inScope("https://site.vn"));
        assertFalse(s.inScope("https://site.vn.evil.tld/tin/a.html"));
        assertFalse(s.inScope("https://site.vnx.com/"));
        assertFalse(s.inScope("https://site.vn@evil.tld/"));
    }

    @Test
    void originSaysWhereTheAddressWasSeen() {
        String base = "sources:\n  - id: news\n    province: Lạng Sơn\n    seeds: [http://x.vn/]\n";
        Source s = SourcesFile.parse(base + "    origin: 'page https://x.vn/about (seen 2025)'\n", "f.yaml", DEFAULTS).get(0);
        assertEquals("page https://x.vn/about (seen 2025)", s.origin());
        assertEquals(null, SourcesFile.parse(base, "f.yaml", DEFAULTS).get(0).origin());
        assertTrue(error(base + "    origin: [a, b]\n").contains("source 'news': key 'origin': expected text"));
    }

    @Test
    void aNationalSourceNamesNoProvinceAndARegionalOneItsProvinces() {
        Source national = SourcesFile.parse("sources:\n  - id: vn\n    scope: national\n    seeds: [https://tin.vn/suc-khoe/]\n",
            "f.yaml", DEFAULTS).get(0);
        assertEquals(Source.Scope.NATIONAL, national.scope());
        assertEquals(null, national.province());
        assertEquals("national", national.coverage());
        Source regional = SourcesFile.parse("sources:\n  - id: mt\n    region: [ca mau, Bạc Liêu]\n    seeds: [https://mt.vn/]\n",
            "f.yaml", DEFAULTS).get(0);
        assertEquals(Source.Scope.REGIONAL, regional.scope());
        assertEquals(List.of("Cà Mau", "Bạc Liêu"), regional.region());
        assertEquals("region: Cà Mau, Bạc Liêu", regional.coverage());
        // as before scopes: a source without one is provincial, and names its province
        Source provincial = SourcesFile.parse("sources:\n  - id: ls\n    province: Lạng Sơn\n    seeds: [https://ls.vn/]\n",
            "f.yaml", DEFAULTS).get(0);
        assertEquals(Source.Scope.PROVINCIAL, provincial.scope());
        assertEquals("Lạng Sơn", provincial.coverage());
    }

    @Test
    void scopeMistakesNameTheFileTheSourceAndTheKey() {
        String seeds = "    seeds: [https://tin.vn/]\n";
        assertEquals("my-sources.yaml: source 'vn': key 'province': required", error("sources:\n  - id: vn\n" + seeds));
        assertTrue(error("sources:\n  - id: vn\n    scope: national\n    province: Hà Nội\n" + seeds)
            .startsWith("my-sources.yaml: source 'vn': key 'province': a national source names no province"));
        assertTrue(error("sources:\n  - id: vn\n    scope: nationwide\n" + seeds)
            .startsWith("my-sources.yaml: source 'vn': key 'scope': 'nationwide': expected provincial, regional or national"));
        assertTrue(error("sources:\n  - id: vn\n    scope: regional\n" + seeds).startsWith("my-sources.yaml: source 'vn': key 'region': required"));
        assertTrue(error("sources:\n  - id: vn\n    region: [Cà Mau, Atlantis]\n" + seeds)
            .startsWith("my-sources.yaml: source 'vn': key 'region': 'Atlantis' is not a province"));
        assertTrue(error("sources:\n  - id: vn\n    scope: national\n    region: [Cà Mau]\n" + seeds).contains("key 'region'"));
        assertTrue(error("sources:\n  - id: vn\n    scope: national\n    district: Tân Uyên\n" + seeds).contains("key 'district'"));
    }
}
