package portalkb.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portalkb.config.AppConfig;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** elasticsearch.url with several nodes: a node that does not answer is passed over (docs/SCALE-OUT.md). */
@ExtendWith(TestElastic.class)
class SeveralNodesTest {

    @Test
    void requestsGoPastANodeThatIsDown() throws Exception {
        String live = "http://127.0.0.1:" + TestElastic.port();
        String dead = "http://127.0.0.1:" + TestElastic.freePort();
        AppConfig config = TestElastic.config(SeveralNodesTest.class, Map.of("elasticsearch.url", dead + ", " + live));
        try (Elastic elastic = Elastic.open(config)) {
            for (int i = 0; i < 4; i++) {
                // Round robin would send every other request to the dead node first.
                assertTrue(elastic.client().ping().value(), "request " + i);
            }
        }
    }

    @Test
    void theUrlListIsReadStrictly() {
        assertEquals(3, Elastic.hosts("https://es1:9200,https://es2:9200, https://es3:9200").size());
        assertThrows(IllegalArgumentException.class, () -> Elastic.hosts(" , "));
    }
}
