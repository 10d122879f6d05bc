package portalkb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fits the candidate reader's weights to labelled candidates ({@code ./kb eval --devset … --features FILE}): an
 * L2-regularised logistic regression by Newton's method, then the threshold below which the best candidate of
 * a question is no answer, chosen for the most questions answered right (an unanswerable question is right when
 * it gets no answer). The regularisation is chosen, and the reader's accuracy reported, by cross-validation over
 * questions, so the figure says how it does on questions it was not fitted to.
 */
public final class ReaderFit {

    /** One candidate: its question (set and id), label, whether its question has an answer, and features. */
    public record Row(String question, boolean answerable, boolean right, Map<String, Double> features) {
    }

    /** Fitted weights; {@code accuracy}: share of questions answered right on the rows fitted to (or held out). */
    public record Model(double bias, Map<String, Double> weights, double threshold, double lambda, String kind) {
        double score(Map<String, Double> features) {
            double z = bias;
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                z += w.getValue() * features.getOrDefault(w.getKey(), 0.0);
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Question-level results: right answers, wrong answers, right abstentions, wrong abstentions. */
    public record Tally(int questions, int right, int answerable, int unanswerableRight, int unanswerable) {
        public double accuracy() {
            return questions == 0 ? 0 : (double) right / questions;
        }
    }

    static final double[] LAMBDAS = {0.03, 0.3, 1, 3, 10};
    /** A logistic regression on candidates (right or not), or a pairwise ranking within each question. */
    static final String LOGISTIC = "logistic";
    static final String PAIRWISE = "pairwise";
    private static final int FOLDS = 5;

    private ReaderFit() {
    }

    /** The rows of one model ("quantity" or "place"; rows written before models were named are quantity rows). */
    public static List<Row> read(List<Path> files, String model) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                if (!n.path("model").asText("quantity").equals(model)) {
                    continue;
                }
                Map<String, Double> f = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = n.get("features").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    f.put(e.getKey(), e.getValue().asDouble());
                }
                rows.add(new Row(n.get("set").asText() + "/" + n.get("id").asText(), n.get("answerable").asBoolean(),
                    n.get("label").asInt() == 1, f));
            }
        }
        return rows;
    }

    /** The regularisation chosen by cross-validation, the model fitted to all rows with it, and the held-out tally. */
    public record Result(Model model, Tally crossValidated, Tally fitted, int rows) {
    }

    public static Result fit(List<Row> rows) {
        List<String> names = names(rows);
        List<String> questions = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(Row::question).toList()));
        java.util.Collections.shuffle(questions, new Random(7));
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            fold.put(questions.get(i), i % FOLDS);
        }
        double bestLambda = LAMBDAS[0];
        String bestKind = LOGISTIC;
        Tally best = null;
        for (String kind : List.of(LOGISTIC, PAIRWISE)) {
            for (double lambda : LAMBDAS) {
                Tally t = crossValidate(rows, names, fold, lambda, kind);
                if (best == null || t.right() > best.right()) {
                    best = t;
                    bestLambda = lambda;
                    bestKind = kind;
                }
            }
        }
        Model model = fit(rows, names, bestLambda, bestKind);
        return new Result(model, best, tally(rows, model), rows.size());
    }

    static Model fit(List<Row> rows, List<String> names, double lambda, String kind) {
        return kind.equals(PAIRWISE) ? fitPairwise(rows, names, lambda) : fit(rows, names, lambda);
    }

    private static Tally crossValidate(List<Row> rows, List<String> names, Map<String, Integer> fold, double lambda, String kind) {
        int right = 0;
        int answerable = 0;
        int unanswerableRight = 0;
        int unanswerable = 0;
        int questions = 0;
        for (int k = 0; k < FOLDS; k++) {
            int held = k;
            List<Row> train = rows.stream().filter(r -> fold.get(r.question()) != held).toList();
            List<Row> test = rows.stream().filter(r -> fold.get(r.question()) == held).toList();
            Tally t = tally(test, fit(train, names, lambda, kind));
            right += t.right();
            answerable += t.answerable();
            unanswerableRight += t.unanswerableRight();
            unanswerable += t.unanswerable();
            questions += t.questions();
        }
        return new Tally(questions, right, answerable, unanswerableRight, unanswerable);
    }

    /**
     * Pairwise ranking: a logistic regression on the differences between each right candidate and the wrong ones
     * of its question (no bias), so the weights order candidates within a question; then the threshold on the
     * score, as for the plain model.
     */
    static Model fitPairwise(List<Row> rows, List<String> names, double lambda) {
        Map<String, List<Row>> byQuestion = new LinkedHashMap<>();
        rows.forEach(r -> byQuestion.computeIfAbsent(r.question(), k -> new ArrayList<>()).add(r));
        List<Row> pairs = new ArrayList<>();
        Random random = new Random(11);
        for (List<Row> q : byQuestion.values()) {
            for (Row right : q) {
                if (!right.right()) {
                    continue;
                }
                for (Row wrong : q) {
                    if (wrong.right()) {
                        continue;
                    }
                    // Half the pairs are written the other way round, so the fit has both classes and no bias to learn.
                    boolean flip = random.nextBoolean();
                    Map<String, Double> diff = new LinkedHashMap<>();
                    for (String n : names) {
                        double d = right.features().getOrDefault(n, 0.0) - wrong.features().getOrDefault(n, 0.0);
                        diff.put(n, flip ? -d : d);
                    }
                    pairs.add(new Row(right.question(), true, !flip, diff));
                }
            }
        }
        Model ranking = fitLogistic(pairs, names, lambda);
        Model scored = new Model(0, ranking.weights(), 0, lambda, PAIRWISE);
        return new Model(0, ranking.weights(), threshold(rows, scored), lambda, PAIRWISE);
    }

    static Model fit(List<Row> rows, List<String> names, double lambda) {
        Model unthresholded = fitLogistic(rows, names, lambda);
        return new Model(unthresholded.bias(), unthresholded.weights(), threshold(rows, unthresholded), lambda, LOGISTIC);
    }

    private static Model fitLogistic(List<Row> rows, List<String> names, double lambda) {
        int d = names.size() + 1;
        double[] w = new double[d];
        double[][] x = new double[rows.size()][d];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i][0] = 1;
            for (int j = 1; j < d; j++) {
                x[i][j] = rows.get(i).features().getOrDefault(names.get(j - 1), 0.0);
            }
            y[i] = rows.get(i).right() ? 1 : 0;
        }
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double s = p * (1 - p);
                for (int j = 0; j < d; j++) {
                    gradient[j] += (p - y[i]) * x[i][j];
                    for (int k = 0; k < d; k++) {
                        hessian[j][k] += s * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 1; j < d; j++) { // the bias is not regularised
                gradient[j] += lambda * w[j];
                hessian[j][j] += lambda;
            }
            hessian[0][0] += 1e-6;
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-7) {
                break;
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int j = 1; j < d; j++) {
            weights.put(names.get(j - 1), w[j]);
        }
        return new Model(w[0], weights, 0, lambda, LOGISTIC);
    }

    /** The threshold that answers the most questions right: below it, the best candidate is no answer. */
    static double threshold(List<Row> rows, Model model) {
        Map<String, double[]> best = bestPerQuestion(rows, model);
        Set<Double> cuts = new java.util.TreeSet<>();
        best.values().forEach(b -> cuts.add(b[0]));
        double bestCut = 0.5;
        int bestRight = -1;
        for (double cut : cuts) {
            for (double t : new double[] {cut, Math.nextUp(cut)}) {
                int right = 0;
                for (double[] b : best.values()) {
                    boolean answered = b[0] >= t;
                    right += answered ? (b[1] == 1 ? 1 : 0) : (b[2] == 0 ? 1 : 0);
                }
                if (right > bestRight) {
                    bestRight = right;
                    bestCut = t;
                }
            }
        }
        return bestCut;
    }

    /** Per question: [best probability, whether that candidate is right, whether the question is answerable]. */
    private static Map<String, double[]> bestPerQuestion(List<Row> rows, Model model) {
        Map<String, double[]> best = new LinkedHashMap<>();
        for (Row r : rows) {
            double p = model.score(r.features());
            double[] held = best.get(r.question());
            if (held == null || p > held[0]) {
                best.put(r.question(), new double[] {p, r.right() ? 1 : 0, r.answerable() ? 1 : 0});
            }
        }
        return best;
    }

    static Tally tally(List<Row> rows, Model model) {
        int right = 0;
        int answerable = 0;
        int unanswerableRight = 0;
        int unanswerable = 0;
        for (double[] b : bestPerQuestion(rows, model).values()) {
            boolean answered = b[0] >= model.threshold();
            if (b[2] == 1) {
                answerable++;
                right += answered && b[1] == 1 ? 1 : 0;
            } else {
                unanswerable++;
                unanswerableRight += answered ? 0 : 1;
                right += answered ? 0 : 1;
            }
        }
        return new Tally(answerable + unanswerable, right, answerable, unanswerableRight, unanswerable);
    }

    private static List<String> names(List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.features().keySet()));
        return List.copyOf(names);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * out[k];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
