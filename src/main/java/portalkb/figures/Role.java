package portalkb.figures;

import java.util.Locale;

/** What a figure states: a level reached, a target or plan, a rise or fall, or a ratio against a plan or period. */
public enum Role {
    RESULT, TARGET, CHANGE, COMPARISON;

    /** "result", "target", … as labels and stored facts write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return id == null ? RESULT : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
