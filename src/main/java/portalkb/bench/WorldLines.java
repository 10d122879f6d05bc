package portalkb.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The lines of the files {@code ./kb bench world} writes: one record per file. */
final class WorldLines {

    private WorldLines() {
    }

    /** articles.jsonl: the fields {@code ./kb import} reads (portalkb.index.ArticleLine). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Article(String url, String title, String body, String published, String author, String lang, String source,
                   String sourceName, String province) {
    }

    /** truth.jsonl: a province's own level of a measure in a year, as one article states it. */
    record Truth(String province, int year, String measure, @JsonProperty("measure_en") String measureEn,
                 @JsonProperty("measure_vi") String measureVi, double value, String unit, String written, String url,
                 String lang, String sentence) {
    }

    /** distractors.jsonl: a figure that is not the province's level in the year (role: district, target, change …). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Distractor(String url, String province, int year, String measure, String role, double value, String written,
                      String place, String sentence) {
    }

    /** questions.jsonl: a superlative question and its one right answer. */
    record Question(String id, String lang, String question, String measure, int year, String order,
                    @JsonProperty("answer_province") String answerProvince, @JsonProperty("answer_value") double answerValue,
                    String unit) {
    }
}
