package portalkb.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the local node's CPU goes while a loop runs: its hot threads, read from a JFR recording of the node's JVM
 * (execution samples, started and stopped with {@code jcmd}), summed by thread pool and by the top frames of the stack.
 * The node's own {@code _nodes/hot_threads} answers an empty body on the embedded node, so the JVM is asked directly;
 * on an external cluster (no pid) nothing is recorded. The recording is kept for {@code jfr view hot-methods}.
 */
final class HotThreads {

    private static final Pattern THREAD = Pattern.compile("sampledThread = \"([^\"]*)\"");
    private static final Pattern POOL = Pattern.compile("\\]\\[([a-z_/]+)\\]\\[T#\\d+\\]|\\[([a-z_/]+)\\]$");
    private static final int FRAMES = 3;

    private final Long pid;
    private final Path recording;
    private final String name;

    private HotThreads(Long pid, Path recording, String name) {
        this.pid = pid;
        this.recording = recording;
        this.name = name;
    }

    /** Starts recording the node {@code pid} (null: none) into {@code recording}. */
    static HotThreads start(Long pid, Path recording) throws IOException, InterruptedException {
        HotThreads hot = new HotThreads(pid, recording, "portalkb-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        if (pid != null) {
            hot.jcmd("JFR.start", "name=" + hot.name, "settings=profile");
        }
        return hot;
    }

    /** Stops the recording and prints the node's samples by pool and by top frames (the first {@code top}). */
    void report(PrintStream out, String label, int top) throws IOException, InterruptedException {
        if (pid == null) {
            return;
        }
        jcmd("JFR.stop", "name=" + name, "filename=" + recording);
        List<Sample> samples = samples();
        Map<String, Integer> byPool = new HashMap<>();
        Map<String, Integer> byFrames = new HashMap<>();
        for (Sample s : samples) {
            byPool.merge(s.pool(), 1, Integer::sum);
            byFrames.merge(s.pool() + ": " + String.join(" < ", s.frames()), 1, Integer::sum);
        }
        int n = Math.max(1, samples.size());
        out.printf("node hot threads, %s: %,d CPU samples (JFR, %s)%n  by pool:", label, samples.size(), recording);
        byPool.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
            .forEach(e -> out.printf(" %s %.0f%%", e.getKey(), 100.0 * e.getValue() / n));
        out.println();
        byFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
            .forEach(e -> out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
    }

    private record Sample(String pool, List<String> frames) {
    }

    private List<Sample> samples() throws IOException, InterruptedException {
        Path text = Files.createTempFile("portalkb-jfr-", ".txt");
        try {
            run(List.of(tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", Integer.toString(FRAMES),
                recording.toString()), text);
            List<Sample> samples = new ArrayList<>();
            String pool = null;
            List<String> frames = null;
            for (String line : Files.readAllLines(text, StandardCharsets.UTF_8)) {
                Matcher t = THREAD.matcher(line);
                if (t.find()) {
                    Matcher p = POOL.matcher(t.group(1));
                    pool = p.find() ? (p.group(1) != null ? p.group(1) : p.group(2)) : t.group(1).replaceAll("\\d+", "#");
                    frames = new ArrayList<>();
                } else if (frames != null && line.startsWith("    ") && !line.strip().equals("...")) {
                    frames.add(line.strip().replaceFirst("\\(.*$", "").replaceFirst(" line: \\d+.*$", ""));
                } else if (frames != null && line.strip().equals("]")) {
                    samples.add(new Sample(pool, frames));
                    frames = null;
                }
            }
            return samples;
        } finally {
            Files.deleteIfExists(text);
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(tool("jcmd"), pid.toString()));
        args.addAll(List.of(command));
        run(args, null);
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
