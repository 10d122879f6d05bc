package portalkb.search;

/** A stored fact (index-config/facts.json) as a type: one figure of one article. */
record FactDoc(String articleId, String url, String title, String source, String province, String provinceToday,
               String published, Integer year, String metric, Double value, String unit, String raw, String text,
               Integer sentenceOffset) {

    Analysis.Report report() {
        return new Analysis.Report(metric, province, provinceToday, year == null ? 0 : year, value == null ? 0 : value, unit, raw,
            text, articleId, url, title, source, published);
    }
}
