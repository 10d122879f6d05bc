package portalkb.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An import's counts and problems, kept by the lanes together; problems come out in line order. */
final class ImportTally {

    private record Problem(long line, String text) {
    }

    private long indexed;
    private long changed;
    private long unchanged;
    private long rejected;
    private long refused;
    private final List<Problem> problems = new ArrayList<>();

    synchronized void count(ArticleWriter.Result result, long line) {
        switch (result.outcome()) {
            case INDEXED -> indexed++;
            case CHANGED -> changed++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> rejected(line, result.reason());
            case REFUSED -> {
                refused++;
                problems.add(new Problem(line, "line " + line + ": kept the stored version: " + result.reason()));
            }
        }
    }

    synchronized void rejected(long line, String reason) {
        rejected++;
        problems.add(new Problem(line, "line " + line + ": " + reason));
    }

    synchronized long indexed() {
        return indexed;
    }

    synchronized long changed() {
        return changed;
    }

    synchronized long unchanged() {
        return unchanged;
    }

    synchronized long rejected() {
        return rejected;
    }

    synchronized long refused() {
        return refused;
    }

    /** A new list, by line number. */
    synchronized List<String> problems() {
        return new ArrayList<>(problems.stream().sorted(Comparator.comparingLong(Problem::line)).map(Problem::text).toList());
    }
}
