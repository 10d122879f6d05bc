package portalkb.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlNormalizerTest {

    @Test
    void oneSpellingPerPage() {
        assertEquals("https://baolangson.vn/a.html?id=3&p=1",
            UrlNormalizer.normalize("HTTPS://BaoLangSon.vn:443/a.html?p=1&utm_source=fb&id=3&fbclid=xyz#comments").orElseThrow());
        assertEquals("http://example.vn/", UrlNormalizer.normalize("http://example.vn:80").orElseThrow());
        assertEquals(UrlNormalizer.id("https://a.vn/x?utm_medium=zalo"), UrlNormalizer.id("https://a.vn/x"));
    }

    @Test
    void rejectsWhatIsNoWebPage() {
        assertTrue(UrlNormalizer.normalize("mailto:someone@a.vn").isEmpty());
        assertTrue(UrlNormalizer.normalize("javascript:void(0)").isEmpty());
        assertTrue(UrlNormalizer.normalize("not a url at all").isEmpty());
    }
}
