package portalkb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import portalkb.store.TestElastic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real ./kb script (JDK choice included), run with the test classpath instead of a build. */
@ExtendWith(TestElastic.class)
class LauncherTest {

    record Run(int exit, String out) {
    }

    static Run kb(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("kb").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ES_") || k.startsWith("PORTALKB_"));
        pb.environment().put("PORTALKB_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    @Test
    void statusOfAStoppedNode(@TempDir Path data) throws Exception {
        Run run = kb(Map.of("PORTALKB_DATA", data.toString(), "PORTALKB_ES_PORT", Integer.toString(TestElastic.freePort())),
            "es", "status");
        assertEquals(3, run.exit(), run.out());
        assertTrue(run.out().contains("stopped"), run.out());
    }

    @Test
    void statusOfTheRunningNode() throws Exception {
        Run run = kb(Map.of("PORTALKB_DATA", TestElastic.dataDir().toString(), "PORTALKB_ES_PORT", Integer.toString(TestElastic.port())),
            "es", "status");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("running at http://127.0.0.1:" + TestElastic.port()), run.out());
        assertTrue(run.out().contains("pid"), run.out());
    }

    @Test
    void badInputGivesOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Run missing = kb(Map.of("PORTALKB_DATA", dir.toString()), "import", dir.resolve("nope.jsonl").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.out().contains("cannot read"), missing.out());
        assertTrue(!missing.out().contains("\tat "), "no stack trace: " + missing.out());

        Run unknown = kb(Map.of(), "frobnicate");
        assertEquals(2, unknown.exit());
        Run badPort = kb(Map.of(), "serve", "--port", "seventy");
        assertEquals(2, badPort.exit());
        assertTrue(badPort.out().contains("--port expects a number"), badPort.out());
    }

    @Test
    void configMasksSecrets() throws Exception {
        Run run = kb(Map.of("ES_API_KEY", "c2VjcmV0OmtleQ==", "PORTALKB_ADMIN_TOKEN", "hunter2"), "config");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("apiKey: \"****\""), run.out());
        assertTrue(!run.out().contains("hunter2") && !run.out().contains("c2VjcmV0OmtleQ=="), run.out());
    }
}
