package portalkb.cli;

import portalkb.eval.ReaderFit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./kb fit-reader FILE… [--out DIR]}: fits the quantity and which-place readers' weights to labelled
 * candidates written by {@code ./kb eval --devset DIR --features FILE} and writes them, each with a header saying
 * what it was fitted to and how well it does on held-out questions, to the readers' weights files (by default those
 * in the sources, so the next build uses them).
 */
final class FitReaderCommand {

    static final String WEIGHTS = "src/main/resources/portalkb/ask/read/";
    /** Each model's rows and weights file: the quantity reader's and the which-place reader's. */
    static final Map<String, String> MODELS = Map.of("quantity", "reader-weights.yaml", "place", "place-weights.yaml");

    private final Args args;

    FitReaderCommand(Args args) {
        this.args = args;
    }

    int run(PrintStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.positional().size(); i++) {
            files.add(Path.of(args.positional().get(i)));
        }
        if (files.isEmpty()) {
            throw new UsageException("./kb fit-reader FILE… [--out DIR]: FILEs from ./kb eval --devset DIR --features FILE");
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                throw new IOException("cannot read " + f);
            }
        }
        Path dir = Path.of(args.option("out", WEIGHTS));
        for (String model : List.of("quantity", "place")) {
            List<ReaderFit.Row> rows = ReaderFit.read(files, model);
            if (rows.isEmpty()) {
                out.printf("%s: no rows%n", model);
                continue;
            }
            ReaderFit.Result r = ReaderFit.fit(rows);
            Path target = dir.resolve(MODELS.get(model));
            Files.writeString(target, yaml(model, r, files), StandardCharsets.UTF_8);
            out.printf("%s reader:%n", model);
            report(out, r, target);
        }
        return 0;
    }

    private static void report(PrintStream out, ReaderFit.Result r, Path target) {
        out.printf(Locale.ROOT, "%d candidates of %d questions; %s, lambda %.2f; threshold %.3f%n", r.rows(), r.fitted().questions(),
            r.model().kind(), r.model().lambda(), r.model().threshold());
        out.printf(Locale.ROOT, "held out (5-fold): %d/%d questions right (%.1f%%), %d/%d unanswerable left unanswered%n",
            r.crossValidated().right(), r.crossValidated().questions(), 100 * r.crossValidated().accuracy(),
            r.crossValidated().unanswerableRight(), r.crossValidated().unanswerable());
        out.printf(Locale.ROOT, "fitted: %d/%d right (%.1f%%)%nweights written to %s%n", r.fitted().right(), r.fitted().questions(),
            100 * r.fitted().accuracy(), target);
    }

    private static String yaml(String model, ReaderFit.Result r, List<Path> files) {
        StringBuilder y = new StringBuilder();
        y.append(model.equals("place")
                ? "# Weights of the which-place reader (portalkb.ask.read.PlaceReader, through ReaderModel): a model over the named\n# features of each candidate sentence. Fitted, not set by hand: do not edit, refit.\n"
                : "# Weights of the quantity reader (portalkb.ask.read.CandidateReader, through ReaderModel): a model over the named\n# features of CandidateFeatures and FigureFit. Fitted, not set by hand: do not edit, refit.\n")
            .append("#\n")
            .append("# Refit after adding labelled questions (each eval loads its devset into indices of its own):\n")
            .append("#   ./kb eval --devset DIR [--split dev|all] [--questions FILE] --features OUT.jsonl   (one per question set)\n")
            .append("#   ./kb fit-reader OUT.jsonl… [--out DIR]   (writes reader-weights.yaml and place-weights.yaml; scripts/fit-reader does all)\n")
            .append("# The rows used here are kept in eval/reader/; no question of a held-out test half is among them.\n")
            .append("#\n")
            .append(String.format(Locale.ROOT, "# Fitted %s on %d candidates of %d questions from: %s%n", LocalDate.now(), r.rows(),
                r.fitted().questions(), String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())))
            .append(String.format(Locale.ROOT, "# A %s fit, L2 lambda %.2f, both chosen by 5-fold cross-validation over questions.%n",
                r.model().kind(), r.model().lambda()))
            .append(String.format(Locale.ROOT, "# Held out: %d/%d questions right (%.1f%%); fitted: %d/%d (%.1f%%).%n",
                r.crossValidated().right(), r.crossValidated().questions(), 100 * r.crossValidated().accuracy(), r.fitted().right(),
                r.fitted().questions(), 100 * r.fitted().accuracy()))
            .append("# threshold: below this probability the best candidate is no answer.\n")
            .append(String.format(Locale.ROOT, "bias: %.4f%n", r.model().bias()))
            .append(String.format(Locale.ROOT, "threshold: %.4f%n", r.model().threshold()))
            .append("weights:\n");
        for (Map.Entry<String, Double> w : r.model().weights().entrySet()) {
            y.append(String.format(Locale.ROOT, "  %s: %.4f%n", w.getKey(), w.getValue()));
        }
        return y.toString();
    }
}
