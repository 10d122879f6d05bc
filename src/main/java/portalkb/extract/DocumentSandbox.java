package portalkb.extract;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads documents in child JVMs ({@link DocumentSandboxMain}) with a hard limit on heap
 * ({@code -Xmx}, exit on OutOfMemoryError) and on time (the child is killed at the deadline, however long
 * one page takes): a hostile file costs a child process, never the crawler's or the web server's memory.
 * The bytes travel through a temp file. Children are started on first use and kept for the next file;
 * one that failed is replaced.
 */
public final class DocumentSandbox implements DocumentReader {

    /** The exit status of a JVM ended by -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "document-sandbox-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentExtractor.Limits limits;
    private final int maxHeapMb;
    private final Semaphore slots;
    private final BlockingQueue<Child> idle;
    private final List<Child> started = new ArrayList<>();

    /** {@code readers}: files read at once (one child each). */
    public DocumentSandbox(DocumentExtractor.Limits limits, int maxHeapMb, int readers) {
        this.limits = limits;
        this.maxHeapMb = maxHeapMb;
        this.slots = new Semaphore(Math.max(1, readers));
        this.idle = new ArrayBlockingQueue<>(Math.max(1, readers));
    }

    @Override
    public ExtractedDocument extract(byte[] body, DocumentType type) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExtractedDocument.unreadable(type, "not read: the crawl is stopping");
        }
        Path file = null;
        Child child = idle.poll();
        try {
            if (child == null || !child.process.isAlive()) {
                child = start();
            }
            file = Files.createTempFile("portalkb-document", "." + type.name().toLowerCase());
            Files.write(file, body);
            ExtractedDocument read = child.read(file, type);
            if (read != null) {
                idle.offer(child);
                child = null;
                return read;
            }
            return ExtractedDocument.unreadable(type, child.whyNoAnswer());
        } catch (IOException e) {
            return ExtractedDocument.unreadable(type, "the document reader failed: " + DocumentExtractor.describe(e));
        } finally {
            if (child != null) {
                child.kill();
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp folder
                }
            }
            slots.release();
        }
    }

    private Child start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
            DocumentSandboxMain.class.getName());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Child child = new Child(process);
        synchronized (started) {
            started.add(child);
        }
        child.awaitReady();
        return child;
    }

    @Override
    public void close() {
        List<Child> all;
        synchronized (started) {
            all = List.copyOf(started);
        }
        all.forEach(Child::kill);
    }

    /** One child JVM and its request and answer streams. */
    private final class Child {
        final Process process;
        final OutputStream requests;
        final BufferedReader answers;
        final AtomicBoolean timedOut = new AtomicBoolean();

        Child(Process process) {
            this.process = process;
            this.requests = process.getOutputStream();
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Waits for the child's "ready" (its start is not counted against a file's time limit); a minute at most. */
        void awaitReady() throws IOException {
            ScheduledFuture<?> deadline = WATCHDOG.schedule(process::destroyForcibly, 60, TimeUnit.SECONDS);
            try {
                for (String line = answers.readLine(); !"ready".equals(line); line = answers.readLine()) {
                    if (line == null) {
                        kill();
                        throw new IOException("the document reader did not start (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")");
                    }
                }
            } finally {
                deadline.cancel(false);
            }
        }

        /** The document, or null when the child gave no answer (killed at the deadline, out of memory, crashed). */
        ExtractedDocument read(Path file, DocumentType type) throws IOException {
            String request = JSON.writeValueAsString(new DocumentSandboxMain.Request(file.toString(), type, limits));
            ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                process.destroyForcibly();
            }, limits.timeoutMs(), TimeUnit.MILLISECONDS);
            try {
                requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
                String answer = answers.readLine();
                // The JVM itself may print on stdout ("Terminating due to java.lang.OutOfMemoryError…"): answers are JSON objects.
                while (answer != null && !answer.startsWith("{")) {
                    answer = answers.readLine();
                }
                return answer == null ? null : JSON.readValue(answer, ExtractedDocument.class);
            } catch (IOException e) {
                if (process.isAlive() && !timedOut.get()) {
                    throw e;
                }
                return null;
            } finally {
                deadline.cancel(false);
            }
        }

        String whyNoAnswer() {
            if (timedOut.get()) {
                return "reading took longer than " + limits.timeoutMs() + " ms (crawler.documents.timeoutMs): not indexed";
            }
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!process.isAlive() && process.exitValue() == OUT_OF_MEMORY) {
                return "reading needed more than " + maxHeapMb + " MB of memory (crawler.documents.maxHeapMb): not indexed";
            }
            return "the document reader ended without an answer" + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")");
        }

        void kill() {
            process.destroyForcibly();
            synchronized (started) {
                started.remove(this);
            }
        }
    }
}
