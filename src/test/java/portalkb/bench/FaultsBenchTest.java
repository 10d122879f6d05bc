package portalkb.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.store.LocalNode;
import portalkb.store.TestElastic;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault campaign at CI size: one round of every fault over a small portal and import, on a node of its own
 * (the campaign stops and restarts it), with nothing lost or stale after the repair runs. It takes 3–6 minutes
 * (seven child crawls and imports, a node restart), so it runs when asked: {@code ./kb test -Dtest=FaultsBenchTest
 * -Dportalkb.faults=true}, or with {@code PORTALKB_CI_FAULTS=1 .ci/run}.
 */
@EnabledIfSystemProperty(named = "portalkb.faults", matches = "true")
class FaultsBenchTest {

    @Test
    @Timeout(900)
    void oneRoundOfEveryFaultLosesNothing(@TempDir Path data) throws Exception {
        AppConfig config = ConfigLoader.load(null, Map.of(), Map.of("data", data.toString(),
            "elasticsearch.local.port", Integer.toString(TestElastic.freePort()),
            "elasticsearch.local.transportPort", Integer.toString(TestElastic.freePort()), "elasticsearch.local.heap", "384m"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try {
            exit = new FaultsBench(config, 29, 1, 10, 100, new PrintStream(output, true, StandardCharsets.UTF_8)).run();
        } finally {
            new LocalNode(config).stop();
        }
        String report = output.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        for (FaultsBench.Fault fault : FaultsBench.Fault.values()) {
            assertTrue(report.contains(fault.label), "a line for " + fault.label + ":\n" + report);
        }
        assertTrue(report.contains("seed 29"), report);
        assertEquals(0, exit, report);
    }
}
