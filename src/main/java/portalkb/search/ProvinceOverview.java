package portalkb.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import portalkb.figures.MetricCatalogue;

import java.util.List;

/** /api/provinces/{id}: a province's latest figure per metric, article counts by year, and its sources. */
public record ProvinceOverview(String id, String name, String today, long articles, List<LatestFigure> latestFigures,
                               List<SearchResult.Bucket> articlesByYear, List<SearchResult.Bucket> sources) {

    /** A card: the metric's latest figure with its names in English and Vietnamese, and whether articles disagree on it. */
    public record LatestFigure(@JsonUnwrapped Analysis.Report figure, String name, String vi, boolean conflict) {
        static LatestFigure of(Analysis.FigureCell cell) {
            var metric = MetricCatalogue.get().describe(cell.metric()).orElseThrow();
            return new LatestFigure(cell.figure(), metric.name(), metric.vi(), cell.conflicting());
        }
    }

    /** /api/provinces: the 63 provinces (as they were) and the 34 of today. */
    public record All(List<Row> provinces, List<Row> today) {
    }

    /** A province with its name today and how many articles it has. */
    public record Row(String id, String name, String today, long articles) {
    }
}
