package portalkb.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import portalkb.store.Fact;

import java.util.List;

/** /api/provinces/{id}: a province's latest figure per metric, article counts by year, and its sources. */
public record ProvinceOverview(String id, String name, String today, long articles, List<LatestFigure> latestFigures,
                               List<SearchResult.Bucket> articlesByYear, List<SearchResult.Bucket> sources) {

    /** The stored fact with its metric's name. */
    public record LatestFigure(@JsonUnwrapped Fact fact, String name) {
    }

    /** /api/provinces: the 63 provinces (as they were) and the 34 of today. */
    public record All(List<Row> provinces, List<Row> today) {
    }

    /** A province with its name today and how many articles it has. */
    public record Row(String id, String name, String today, long articles) {
    }
}
