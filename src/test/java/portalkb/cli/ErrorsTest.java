package portalkb.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import portalkb.store.WriteBlocks;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one line a command prints for an Elasticsearch refusal (found by the fault campaign: a crawl under a full disk). */
class ErrorsTest {

    private static ElasticsearchException refused(int status, String type, String reason) {
        return new ElasticsearchException("index", ErrorResponse.of(r -> r.status(status).error(e -> e.type(type).reason(reason))));
    }

    @Test
    void aFullDiskSaysWhatToDoNotTheBlocksName() {
        String line = Errors.describe(new RuntimeException("crawl", refused(429, "cluster_block_exception",
            "index [portalkb-crawl-runs-1] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, "
                + "index has read-only-allow-delete block];")));
        assertEquals(WriteBlocks.DISK_FULL, line);
    }

    @Test
    void aConnectionTheNodeClosedSaysElasticsearchWentAway() {
        // Found by the fault campaign: an import while the node stopped ended with "error: Connection is closed".
        for (Exception closed : new Exception[] {new ConnectionClosedException(), new NoHttpResponseException("127.0.0.1:9200 failed to respond"),
            new SocketException("Connection reset")}) {
            String line = Errors.describe(closed);
            assertTrue(line.startsWith("Elasticsearch closed the connection") && line.contains("./kb es start"), line);
            assertEquals(line, Errors.describe(new java.io.IOException("wrapped", closed)));
        }
    }

    @Test
    void anotherRefusalKeepsItsReason() {
        String line = Errors.describe(refused(400, "mapper_parsing_exception", "failed to parse field [year]"));
        assertTrue(line.contains("mapper_parsing_exception") && line.contains("failed to parse field [year]"), line);
    }
}
