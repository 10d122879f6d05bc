package portalkb.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import portalkb.search.Analysis.FigureCell;
import portalkb.search.Analysis.StatedValue;

import java.util.List;

/**
 * /api/compare: one value per province and year of a metric ({@code name} and {@code vi}: how people call it), the
 * same figures as the trend's; {@code unknown}: the names asked for that are no province.
 */
public record Comparison(String metric, String name, String vi, List<Series> series, List<String> unknown) {

    /** {@code absorbedInto}: set when the province was asked for as the province of today that absorbed it. */
    public record Series(String province, @JsonInclude(JsonInclude.Include.NON_NULL) String absorbedInto, List<Point> points) {
    }

    /**
     * The figure of one year, with its source ({@code sourceName}: the outlet's name). A point of a cell articles report
     * with different values has {@code conflict} and the other values with their sources.
     */
    public record Point(long year, Double value, String unit, String text, String articleId, String url, String title,
                        String source, String sourceName, String published, boolean conflict,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OtherValue> otherValues) {

        static Point of(FigureCell cell) {
            Analysis.Report f = cell.figure();
            List<OtherValue> others = cell.values().stream().skip(1).map(OtherValue::of).toList();
            return new Point(cell.year(), f.value(), f.unit(), f.text(), f.articleId(), f.url(), f.title(), f.source(), f.sourceName(),
                f.published(), cell.conflicting(), others);
        }
    }

    /** Another value stated for a point's cell: by how many articles, and the latest of them. */
    public record OtherValue(double value, int articles, String url, String title, String source, String sourceName, String published) {
        static OtherValue of(StatedValue v) {
            return new OtherValue(v.value(), v.articles(), v.latest().url(), v.latest().title(), v.latest().source(),
                v.latest().sourceName(), v.latest().published());
        }
    }
}
