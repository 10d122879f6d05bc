package portalkb.extract;

import portalkb.figures.MetricCatalogue.Metric;

/**
 * One column of a table as {@link TableColumnReader} reads its header: the metric and unit it measures
 * and its year; {@code skipped}: a column that is no indicator and no text to repeat (row numbers, notes).
 */
record TableColumn(int index, String header, Metric metric, String unit, Integer year, boolean skipped) {
    boolean indicator() {
        return metric != null || unit != null;
    }
}
