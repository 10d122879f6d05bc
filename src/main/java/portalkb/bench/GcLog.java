package portalkb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap peaks of a child JVM, read from its {@code -Xlog:gc} file: the child's heap cannot be polled from
 * outside, but each collection logs the heap in use before it (the high-water mark since the last one) and after it
 * (what the JVM really holds). A JVM that never collected used less than its young generation and logs nothing.
 */
record GcLog(long usedMaxBytes, long liveMaxBytes, int collections) {

    /** "… Pause Young (Allocation Failure) 70M->12M(247M) 8.1ms": before, after, committed. */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    static final GcLog NONE = new GcLog(0, 0, 0);

    /** The JVM options that write the log {@link #read} takes. */
    static List<String> options(Path file) {
        return List.of("-Xlog:gc:file=" + file);
    }

    static GcLog read(Path file) throws IOException {
        return Files.exists(file) ? of(Files.readAllLines(file)) : NONE;
    }

    static GcLog of(List<String> lines) {
        long used = 0;
        long live = 0;
        int collections = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("Pause") && m.find()) {
                used = Math.max(used, bytes(m.group(1), m.group(2)));
                live = Math.max(live, bytes(m.group(3), m.group(4)));
                collections++;
            }
        }
        return new GcLog(used, live, collections);
    }

    GcLog max(GcLog other) {
        return new GcLog(Math.max(usedMaxBytes, other.usedMaxBytes), Math.max(liveMaxBytes, other.liveMaxBytes), collections + other.collections);
    }

    private static long bytes(String number, String unit) {
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return Long.parseLong(number) << shift;
    }
}
