package portalkb.bench;

/**
 * A figure an article states and what it is, as a correct reader should take it: {@code RESULT} is the province's own
 * level in {@code year} (the ground truth of rankings); every other role is a figure a ranking must leave out.
 * {@code place} names the district, the other province or "national" where the figure is not the province's.
 */
record WorldFigure(String measure, String province, int year, double value, String written, Role role, String place) {

    enum Role {
        /** The province's own level in the year. */
        RESULT,
        /** A change against an earlier year ("tăng 0,77% so với cùng kỳ"). */
        CHANGE,
        /** A target for the next year ("phấn đấu năm 2024 đạt 95%"). */
        TARGET,
        /** The country's figure quoted for comparison. */
        NATIONAL,
        /** Another province's figure quoted for comparison. */
        OTHER_PROVINCE,
        /** A district's figure. */
        DISTRICT,
        /** The urban or rural part of the province ("khu vực thành thị …"). */
        BREAKDOWN,
        /** The denominator of a count ("16.003/80.276 hộ"). */
        TOTAL
    }

    static WorldFigure result(String measure, String province, int year, double value, String written) {
        return new WorldFigure(measure, province, year, value, written, Role.RESULT, null);
    }
}
