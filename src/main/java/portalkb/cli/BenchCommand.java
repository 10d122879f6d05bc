package portalkb.cli;

import portalkb.config.AppConfig;

/** ./kb bench …: placeholder until the benchmark classes land (see docs/BENCHMARKS.md). */
final class BenchCommand {
    private final AppConfig config;
    private final Args args;

    BenchCommand(AppConfig config, Args args) {
        this.config = config;
        this.args = args;
    }

    int run() throws java.io.IOException, InterruptedException {
        String what = args.word(1, "./kb bench ingest [--docs N]");
        throw new UsageException("unknown benchmark '" + what + "'");
    }
}
