package portalkb.figures;

import portalkb.figures.MetricCatalogue.Metric;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the catalogue metric of a number from the cues around it: a cue right before it, its unit after, or the clause's nearest cue. */
final class MetricCues {

    private static final int NEAR = 30;

    private static final Pattern LITERAL = Pattern.compile("[a-z]{3,}");
    private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[[^\\]]*\\]|\\\\.");

    private final List<Metric> metrics;
    private final List<Pattern> before;
    private final List<Pattern> after;
    private final List<List<String>> guards;

    MetricCues(List<Metric> metrics) {
        this.metrics = metrics;
        this.before = metrics.stream().map(Metric::beforePattern).toList();
        this.after = metrics.stream().map(Metric::afterPattern).toList();
        this.guards = metrics.stream().map(m -> literals(m.before())).toList();
    }

    /**
     * The words of three letters or more a cue's regex writes out: every cue of the catalogue holds one of them on
     * each of its paths, so a text holding none of them cannot match, and the regex is not run (it is the reader's
     * costliest step).
     */
    static List<String> literals(String regex) {
        if (regex == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        Matcher m = LITERAL.matcher(CHARACTER_CLASS.matcher(regex).replaceAll(" "));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private boolean mayMatch(int metric, String text) {
        List<String> g = guards.get(metric);
        if (g.isEmpty()) {
            return true;
        }
        for (String literal : g) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The metric a number's context names; {@code byUnit}: named by the words right after the number (its unit or noun). */
    record Choice(Metric metric, boolean byUnit) {
    }

    /** The metric a measure's phrase names: a cue anywhere in the phrase (the last wins). */
    Choice metricForPhrase(String foldedPhrase, String unused) {
        return new Choice(nearestBefore(foldedPhrase).metric(), false);
    }

    /** The metric whose cue ends near the end of the clause before a number ("điều trị ngoại trú cho 146.000"), or none. */
    Choice metricNear(String foldedClause) {
        Nearest nearest = nearestBefore(foldedClause);
        boolean near = nearest.end() >= 0 && foldedClause.length() - nearest.end() <= NEAR;
        return new Choice(near ? nearest.metric() : null, false);
    }

    /** The metric the words right after a number name (its unit or noun: "147.645 mũi tiêm"), or none. */
    Choice metricAfter(String rest) {
        for (int i = 0; i < metrics.size(); i++) {
            Pattern p = after.get(i);
            // the cues after a number are anchored at it: matched from its end, not searched through the sentence
            if (p != null && (p.pattern().startsWith("^") ? p.matcher(rest).lookingAt() : p.matcher(rest).find())) {
                return new Choice(metrics.get(i), true);
            }
        }
        return new Choice(null, false);
    }

    /** The metric whose cue ends last in the text (the first in catalogue order on a tie), and where it ends; -1 when none. */
    private record Nearest(Metric metric, int end) {
    }

    private Nearest nearestBefore(String beforeText) {
        Metric best = null;
        int bestEnd = -1;
        for (int i = 0; i < metrics.size(); i++) {
            if (before.get(i) == null || !mayMatch(i, beforeText)) {
                continue;
            }
            Matcher b = before.get(i).matcher(beforeText);
            int end = -1;
            while (b.find()) {
                end = b.end();
            }
            if (end > bestEnd) {
                bestEnd = end;
                best = metrics.get(i);
            }
        }
        return new Nearest(best, bestEnd);
    }
}
