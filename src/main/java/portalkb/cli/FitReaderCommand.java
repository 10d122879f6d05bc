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
 * {@code ./kb fit-reader FILE… [--out PATH]}: fits the candidate reader's weights to labelled candidates
 * written by {@code ./kb eval --devset DIR --features FILE} and writes them, with a header saying what they were
 * fitted to and how well they do on held-out questions, to the reader's weights file (by default the one in the
 * sources, so the next build uses them).
 */
final class FitReaderCommand {

    static final String DEFAULT_OUT = "src/main/resources/portalkb/ask/read/reader-weights.yaml";

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
            throw new UsageException("./kb fit-reader FILE… [--out PATH]: FILEs from ./kb eval --devset DIR --features FILE");
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                throw new IOException("cannot read " + f);
            }
        }
        List<ReaderFit.Row> rows = ReaderFit.read(files);
        ReaderFit.Result r = ReaderFit.fit(rows);
        Path target = Path.of(args.option("out", DEFAULT_OUT));
        Files.writeString(target, yaml(r, files), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%d candidates of %d questions; %s, lambda %.2f; threshold %.3f%n", r.rows(), r.fitted().questions(),
            r.model().kind(), r.model().lambda(), r.model().threshold());
        out.printf(Locale.ROOT, "held out (5-fold): %d/%d questions right (%.1f%%), %d/%d unanswerable left unanswered%n",
            r.crossValidated().right(), r.crossValidated().questions(), 100 * r.crossValidated().accuracy(),
            r.crossValidated().unanswerableRight(), r.crossValidated().unanswerable());
        out.printf(Locale.ROOT, "fitted: %d/%d right (%.1f%%)%nweights written to %s%n", r.fitted().right(), r.fitted().questions(),
            100 * r.fitted().accuracy(), target);
        return 0;
    }

    private static String yaml(ReaderFit.Result r, List<Path> files) {
        StringBuilder y = new StringBuilder();
        y.append("# Weights of the candidate reader (portalkb.ask.read.ReaderModel): a logistic model over the named features of\n")
            .append("# portalkb.ask.read.CandidateFeatures and FigureFit. Fitted, not set by hand: do not edit, refit.\n")
            .append("#\n")
            .append("# Refit after adding labelled questions (each eval loads its devset into indices of its own):\n")
            .append("#   ./kb eval --devset DIR [--split dev|all] [--questions FILE] --features OUT.jsonl   (one per question set)\n")
            .append("#   ./kb fit-reader OUT.jsonl… [--out ").append(DEFAULT_OUT).append("]\n")
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
