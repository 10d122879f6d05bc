package portalkb.cli;

import java.io.IOException;

/** One {@code ./kb} command: its exit code, or a failure that {@link Main#exitCode} turns into a message. */
@FunctionalInterface
public interface Command {
    int run() throws IOException, InterruptedException;
}
