package portalkb.cli;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code ./kb eval --json}: the summary and one row per question (a check not asked of a question is left out). */
record EvalReport(Summary summary, List<Row> questions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, String question, String answer, Boolean cited, Boolean noAnswer, Boolean baselineProvince,
               Boolean province, Boolean figure, Boolean citation, boolean right) {
    }

    record Summary(int questions, int right, double accuracy, double provinceAccuracy, double figureAccuracy,
                   double citationAccuracy, double bm25BaselineProvinceAccuracy, double englishProvinceAccuracy,
                   double bm25BaselineEnglishProvinceAccuracy, double provincialWhichProvinceAccuracy,
                   double nationalWhichProvinceAccuracy) {
    }
}
