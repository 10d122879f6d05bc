package portalkb.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lanes' scheduling alone (ImportLanes hands batches to a writer); JsonlImporterTest runs them against Elasticsearch. */
class ImportLanesTest {

    private static final String URL = "https://yenbai.example/tin/ban-tin.html";

    @Test
    void twoSpellingsOfOneAddressAreWrittenInLineOrderWhileTheFirstBatchIsSlow() throws Exception {
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        ImportLanes.BatchWriter writer = (batch, lines) -> {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).url().contains("ban-tin")) {
                    if (lines.get(i) == 1) {
                        try {
                            Thread.sleep(500); // the batch holding the first version is slow to write
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    written.add(lines.get(i));
                }
            }
        };
        try (ImportLanes lanes = new ImportLanes(4, writer)) {
            lanes.add(1, ArticleInput.of(URL, "Bản tin", "bản đầu"));
            long line = 2;
            for (int i = 0; i < 8 * JsonlImporter.BATCH; i++) {
                lanes.add(line++, ArticleInput.of("https://yenbai.example/tin/" + i + ".html", "Tin " + i, "nội dung " + i));
            }
            // Another spelling of the same address (tracking parameter, upper-case host): the same article.
            lanes.add(line, ArticleInput.of("https://YENBAI.example/tin/ban-tin.html?utm_source=fb", "Bản tin", "bản sau"));
            lanes.finish();
            assertEquals(List.of(1L, line), written);
        }
    }
}
