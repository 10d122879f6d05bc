package portalkb.cli;

import portalkb.figures.MetricCatalogue;
import portalkb.search.OpenMeasures;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./kb metrics [--discover] [--limit N] [--examples K] [--json]}: the catalogue's metrics; with {@code --discover},
 * the most frequent open measures the knowledge base holds (figures the catalogue has no id for), with examples, so
 * the catalogue grows from what crawls find.
 */
final class MetricsCommand {

    private final Args args;
    private final PrintStream out;

    MetricsCommand(Args args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run(OpenMeasures open) throws IOException {
        if (!args.has("discover")) {
            for (MetricCatalogue.Metric m : MetricCatalogue.get().metrics()) {
                out.printf("%-34s %-6s %-22s %s%n", m.id(), m.kind(), String.join(", ", m.units()), m.name());
            }
            return 0;
        }
        List<OpenMeasures.Found> found = open.discover(args.intOption("limit", 30), args.intOption("examples", 3));
        if (args.has("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(found));
            return 0;
        }
        if (found.isEmpty()) {
            out.println("no open measures: every figure read so far has a catalogue id, or nothing is indexed yet");
            return 0;
        }
        out.printf("%d most frequent open measures (figures · provinces · key), with examples%n", found.size());
        for (OpenMeasures.Found f : found) {
            out.printf("%n%6d · %3d · %s%n", f.figures(), f.provinces(), f.key());
            for (OpenMeasures.Example e : f.examples()) {
                out.printf("         \"%s\" %s — %s%s, %s%n", e.measure(), e.raw(), e.province() == null ? "?" : e.province(),
                    e.year() == null ? "" : " " + e.year(), e.role() == null ? "result" : e.role());
            }
        }
        return 0;
    }
}
