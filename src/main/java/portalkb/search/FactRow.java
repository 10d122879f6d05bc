package portalkb.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import portalkb.store.Fact;

import java.util.Arrays;
import java.util.List;

/**
 * A row of /api/facts: the stored fact's fields, its id and, once {@link ConflictFlags} has looked, whether
 * articles report its province, metric and year with different values.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactRow(@JsonUnwrapped Fact fact, String id, Boolean conflict) {

    /** The CSV columns of /api/facts?format=csv, in the order {@link #cells} gives them. */
    public static final List<String> COLUMNS = List.of("province", "provinceToday", "district", "year", "metric",
        "value", "unit", "raw", "text", "title", "url", "source", "published", "articleId", "conflict");

    public FactRow withConflict(boolean conflicting) {
        return new FactRow(fact, id, conflicting);
    }

    public List<Object> cells() {
        Fact f = fact;
        return Arrays.asList(f.province(), f.provinceToday(), f.district(), f.year(), f.metric(), f.value(), f.unit(), f.raw(),
            f.text(), f.title(), f.url(), f.source(), f.published(), f.articleId(), conflict);
    }
}
