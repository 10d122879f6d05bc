package portalkb.index;

import portalkb.core.UrlNormalizer;
import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.core.Figure;
import portalkb.core.FigureExtractor;
import portalkb.core.Fingerprints;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.core.Text;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article as given (crawled page, JSONL line) → the document stored: normalised URL and id, NFC text,
 * ISO date and years, province then and today, mentions, figures and metrics, content hash and SimHash.
 */
final class ArticlePreparer {

    private static final Pattern TITLE_YEAR = Pattern.compile("(?i)năm\\s+((?:19|20)\\d{2})");

    private final FigureExtractor figures = new FigureExtractor();
    private final Gazetteer gazetteer = Gazetteer.get();
    private final SimHasher simHasher = new SimHasher();

    /** Normalises and enriches one article; throws IllegalArgumentException with a reason for bad input. */
    PreparedArticle prepare(Map<String, Object> raw) {
        Object urlValue = raw.get("url");
        String url = urlValue instanceof String s ? UrlNormalizer.normalize(s).orElse(null) : null;
        if (url == null) {
            throw new IllegalArgumentException("missing or invalid url (http or https)");
        }
        String title = Text.collapseSpaces(Text.nfc(string(raw.get("title"))));
        String body = Text.nfc(string(raw.get("body"))).strip();
        if (title.isEmpty() && body.isEmpty()) {
            throw new IllegalArgumentException("neither title nor body");
        }
        Map<String, Object> doc = new LinkedHashMap<>(raw);
        // A file's parts and table figures become passages and facts: they are not stored in the article.
        doc.remove("parts");
        doc.remove("tableFigures");
        List<ExtractedDocument.Part> parts = DocumentParts.parts(raw);
        doc.put("id", UrlNormalizer.id(url));
        doc.put("url", url);
        doc.put("host", URI.create(url).getHost());
        doc.put("title", title);
        doc.put("body", body);
        String published = Dates.toIso(raw.get("published"));
        if (raw.get("published") != null && published == null) {
            throw new IllegalArgumentException("published is not a date: " + raw.get("published"));
        }
        doc.put("published", published);
        Integer year = published == null ? null : Integer.parseInt(published.substring(0, 4));
        doc.put("year", year);
        attributeProvince(doc, raw, title, body);
        Integer reportYear = reportYear(title, year);
        List<Figure> found;
        List<DocumentFigure> located = null;
        if (parts != null) {
            // A document: figures page by page (or sheet by sheet) and those of its tables, each with where it stands.
            located = DocumentParts.figures(parts, raw.get("tableFigures"), figures, reportYear);
            found = located.stream().map(DocumentFigure::figure).toList();
        } else {
            found = figures.extract(body, reportYear, year);
        }
        Set<Integer> years = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (Figure f : found) {
            if (f.year() != null) {
                years.add(f.year());
            }
            if (!f.metric().equals("other")) {
                metrics.add(f.metric());
            }
        }
        if (reportYear != null) {
            years.add(reportYear);
        }
        doc.put("reportYears", List.copyOf(years));
        doc.put("metrics", List.copyOf(metrics));
        doc.put("contentHash", Fingerprints.sha256Hex(title + "\n" + body, 16));
        String simhash = simHasher.hex(title + " " + body);
        doc.put("simhash", simhash);
        doc.put("simhashBands", NearDuplicates.bands(simhash));
        doc.putIfAbsent("lang", "vi");
        doc.putIfAbsent("type", "html");
        return new PreparedArticle(doc, found, located, parts);
    }

    private void attributeProvince(Map<String, Object> doc, Map<String, Object> raw, String title, String body) {
        Province province = gazetteer.resolve(string(raw.get("province"))).orElse(null);
        if (province == null) {
            province = gazetteer.provinceOfDistrict(string(raw.get("district"))).orElse(null);
        }
        List<Province> mentioned = gazetteer.mentions(title + "\n" + body);
        if (province == null) {
            province = gazetteer.mainProvince(title, body);
        }
        if (raw.get("province") != null && province == null) {
            throw new IllegalArgumentException("unknown province: " + raw.get("province"));
        }
        doc.put("province", province == null ? null : province.name());
        doc.put("provinceToday", province == null ? null : gazetteer.today(province).name());
        Province own = province;
        doc.put("mentions", mentioned.stream().filter(p -> p != own).map(Province::name).toList());
    }

    /** The year a report is about: "tổng kết công tác y tế năm 2019" published in 2020 is about 2019. */
    static Integer reportYear(String title, Integer publishedYear) {
        Matcher m = TITLE_YEAR.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : publishedYear;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
