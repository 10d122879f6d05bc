package portalkb.store;

import portalkb.config.AppConfig;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local Elasticsearch node of one data folder: started as its own JVM (own heap, own session, so it
 * outlives a crash of the app), found again through its pid file, stopped with SIGTERM.
 */
public final class LocalNode {

    /** The node JVM's main class, named rather than referenced: the application never loads node code. */
    static final String NODE_MAIN = "portalkb.node.LocalNodeMain";

    private final Path home;
    private final Path logs;
    private final AppConfig.Local settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalNode(AppConfig config) {
        this.home = config.dataDir().resolve("es");
        this.logs = config.dataDir().resolve("logs");
        this.settings = config.elasticsearch().local();
    }

    public record Status(boolean running, Long pid, String url, boolean ownedByThisDataFolder) {
    }

    public String url() {
        return "http://127.0.0.1:" + settings.port();
    }

    public Path pidFile() {
        return home.resolve("node.pid");
    }

    public Status status() {
        Optional<ProcessHandle> process = ourProcess();
        boolean answering = answers();
        return new Status(answering, process.map(ProcessHandle::pid).orElse(null), url(), process.isPresent());
    }

    /** Starts the node unless something already answers on its port; waits until it serves requests. */
    public Status start() throws IOException, InterruptedException {
        if (answers()) {
            return status();
        }
        if (ourProcess().isPresent()) {
            // Started but not yet answering (another launcher is starting it): just wait.
            return awaitStarted(ourProcess().get().pid(), null);
        }
        Files.createDirectories(home);
        Files.createDirectories(logs);
        Path console = logs.resolve("es-console.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // own session: Ctrl-C on the launcher does not reach the node
        }
        command.add(javaExecutable());
        command.addAll(List.of("-Xms256m", "-Xmx" + settings.heap(), "-XX:+UseG1GC",
            "-Dfile.encoding=UTF-8", "-Dlog4j2.disable.jmx=true", "-Djava.awt.headless=true",
            "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
            "-cp", nodeClasspath(), NODE_MAIN,
            home.toString(), home.resolve("data").toString(), logs.toString(),
            Integer.toString(settings.port()), Integer.toString(settings.transportPort())));
        command.addAll(diskSettings(settings.disk()));
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
        // With setsid the JVM is setsid's child; setsid execs, so the pid is the same.
        Files.writeString(pidFile(), Long.toString(process.pid()));
        return awaitStarted(process.pid(), console);
    }

    /**
     * The node JVM's classpath: its own jars (never on the application's classpath) and the folder or jar
     * holding portalkb.node.
     */
    String nodeClasspath() throws IOException {
        Path ownCode = codeLocation();
        Path lib = settings.nodeLib().isBlank() ? ownCode.toAbsolutePath().getParent().resolve("node-lib") : Path.of(settings.nodeLib());
        if (!holdsServerJar(lib)) {
            throw new IOException("the local Elasticsearch node's jars are missing from " + lib.toAbsolutePath()
                + " (build with 'mvn -DskipTests package', or set elasticsearch.local.nodeLib)");
        }
        return lib.toAbsolutePath() + File.separator + "*" + File.pathSeparator + ownCode.toAbsolutePath();
    }

    private static boolean holdsServerJar(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (DirectoryStream<Path> server = Files.newDirectoryStream(lib, "elasticsearch-[0-9]*.jar")) {
            return server.iterator().hasNext();
        }
    }

    private static Path codeLocation() throws IOException {
        try {
            return Path.of(LocalNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot tell where PortalKB's classes are, to find the local node's jars: set elasticsearch.local.nodeLib", e);
        }
    }

    /** Elasticsearch settings for the node's disk watermarks, as the node's extra key=value arguments. */
    static List<String> diskSettings(AppConfig.Disk disk) {
        String prefix = "cluster.routing.allocation.disk.watermark.";
        return List.of(prefix + "low=" + disk.low(), prefix + "high=" + disk.high(), prefix + "flood_stage=" + disk.floodStage(),
            "cluster.info.update.interval=" + disk.checkIntervalSeconds() + "s");
    }

    private Status awaitStarted(long pid, Path console) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.startTimeoutSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return status();
            }
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                Files.deleteIfExists(pidFile());
                throw new IOException("the local Elasticsearch node exited during start-up"
                    + (console != null ? ":\n" + tail(console, 15) + "\n(logs: " + logs + ")" : ""));
            }
            Thread.sleep(200);
        }
        throw new IOException("the local Elasticsearch node did not answer on " + url() + " within "
            + settings.startTimeoutSeconds() + " s (logs: " + logs + ")");
    }

    /** Stops the node of this data folder; returns false when none was running. */
    public boolean stop() throws IOException, InterruptedException {
        Optional<ProcessHandle> process = ourProcess();
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile());
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy(); // SIGTERM: the node's shutdown hook closes it cleanly
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
        }
        Files.deleteIfExists(pidFile());
        return true;
    }

    private Optional<ProcessHandle> ourProcess() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                // A recycled pid of an unrelated program must not be taken (or killed) for our node.
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/"))
                .timeout(Duration.ofSeconds(3)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
