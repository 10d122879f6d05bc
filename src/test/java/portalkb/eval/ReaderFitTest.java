package portalkb.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReaderFitTest {

    /**
     * Questions of five candidates each; the right one has a high "fit" and the others noise; unanswerable
     * questions have only low "fit" candidates. The fitted model must weigh "fit" up, "noise" near zero, and
     * answer held-out questions right, leaving the unanswerable ones unanswered.
     */
    @Test
    void learnsWhichFeatureTellsTheAnswerAndWhereToAbstain() {
        Random random = new Random(3);
        List<ReaderFit.Row> rows = new ArrayList<>();
        for (int q = 0; q < 120; q++) {
            boolean answerable = q % 4 != 0;
            int right = random.nextInt(5);
            for (int c = 0; c < 5; c++) {
                boolean isRight = answerable && c == right;
                double fit = isRight ? 0.7 + 0.3 * random.nextDouble() : 0.4 * random.nextDouble();
                rows.add(new ReaderFit.Row("q" + q, answerable, isRight, Map.of("fit", fit, "noise", random.nextDouble())));
            }
        }
        ReaderFit.Result r = ReaderFit.fit(rows);
        assertTrue(r.model().weights().get("fit") > 3, "fit weighs up: " + r.model().weights());
        assertTrue(Math.abs(r.model().weights().get("noise")) < r.model().weights().get("fit") / 4, "noise near zero: " + r.model().weights());
        assertTrue(r.crossValidated().accuracy() > 0.95, "held out: " + r.crossValidated());
        assertEquals(30, r.crossValidated().unanswerable());
        assertTrue(r.crossValidated().unanswerableRight() >= 28, "unanswerable left unanswered: " + r.crossValidated());
    }

    @Test
    void solvesALinearSystem() {
        double[] x = ReaderFit.solve(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
        assertArrayEquals(new double[] {1.0 / 11, 7.0 / 11}, x, 1e-12);
    }
}
