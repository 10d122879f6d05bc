package portalkb.eval;

/**
 * A figure as a reader under test states it, in the terms of the labels: {@code value} as written ("97,9",
 * "272/706"), unit, the measure (a catalogue id and its names, or an open measure's key and phrase; null when
 * the reader gives none), year, level, place, role and the sentence it stands in.
 */
public record ReadFigure(String value, String unit, String measureId, String measureVi, String measureEn, String measurePhrase,
                         Integer year, String level, String place, String role, String sentence) {

    /** Whether the reader named what the figure measures (a catalogue id or an open measure). */
    public boolean hasMeasure() {
        return measureId != null && !measureId.isBlank() && !"other".equals(measureId);
    }
}
