package portalkb.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** /api/compare: one value per province and year of a metric ({@code name}: how people call it). */
public record Comparison(String metric, String name, List<Series> series) {

    public record Series(String province, List<Point> points) {
    }

    /**
     * The fact from the most recently published article of one year. {@code conflict} and
     * {@code otherValues} are there once {@link ConflictFlags} has looked: the other values articles state.
     */
    public record Point(long year, Double value, String unit, String text, String articleId, String url, String title,
                        String source, String published,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean conflict,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<OtherValue> otherValues) {

        Point flagged(boolean conflicting, List<OtherValue> others) {
            return new Point(year, value, unit, text, articleId, url, title, source, published, conflicting, others);
        }
    }

    /** Another value stated for a point's cell: by how many articles, and the latest of them. */
    public record OtherValue(double value, int articles, String url, String title, String source, String published) {
    }
}
