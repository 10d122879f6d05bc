package portalkb.ask.read;

import portalkb.ask.question.ConceptCredit;
import portalkb.ask.question.Question;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parts and wholes around a number: "10 out of 11 districts" (the part is the count of what the question
 * asks about, the whole only when a total is asked), "Trong đó, số hộ nghèo dân tộc thiểu số … 17.650 hộ"
 * (a breakdown of the figure before, the answer only when the question names what it breaks down to).
 */
final class Breakdowns {

    private static final Pattern SUBSET_OPENER = Pattern.compile("^\\W*(trong do|of which|of whom|among them|in particular)\\b");
    /** After a part: "out of 11", "trong tổng số 11" (folded). */
    private static final Pattern WHOLE_AFTER = Pattern.compile("^\\s*(out of|trong tong so|tren tong so)\\s+[\\d.,]+");
    /** Before a whole: "10 out of", "trên tổng số" (folded). */
    private static final Pattern WHOLE_BEFORE = Pattern.compile("\\b(out of|trong tong so|tren tong so)\\s*$");

    private final Question q;
    private final boolean totalAsked;

    Breakdowns(Question q) {
        this.q = q;
        this.totalAsked = q.asks(Question.Asks.TOTAL);
    }

    /** The folded text whose start is the number's unit: past "out of 11" for a part. */
    String unitText(String afterFolded) {
        Matcher whole = WHOLE_AFTER.matcher(afterFolded);
        return whole.find() ? afterFolded.substring(whole.end()) : afterFolded;
    }

    /** A penalty for the whole of "A out of B" when no total is asked. */
    double whole(String beforeFolded) {
        return !totalAsked && WHOLE_BEFORE.matcher(beforeFolded).find() ? -0.4 : 0;
    }

    /**
     * A penalty for a sentence that breaks down the figure before ("Trong đó, …"), unless the question names
     * a place or something this sentence holds and the sentence before does not.
     */
    double subset(Sentence s, String folded) {
        if (!q.places().isEmpty() || !SUBSET_OPENER.matcher(folded).find()) {
            return 0;
        }
        boolean namesThePart = q.concepts().stream().anyMatch(c -> !c.excluded()
            && ConceptCredit.of(c, s.words()) == 1 && ConceptCredit.of(c, s.previousWords()) < 1);
        return namesThePart ? 0 : -0.15;
    }
}
