package portalkb.bench;

import portalkb.cli.Args;
import portalkb.cli.Main;

/**
 * {@code ./kb bench …}: the benchmarks' own entry point, so that the commands users run never load
 * benchmark code (the launcher starts this class for {@code bench}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        System.exit(Main.exitCode(() -> new BenchCommand(Main.config(args), args).run()));
    }
}
