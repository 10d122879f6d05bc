package portalkb.index;

import portalkb.core.UrlNormalizer;
import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.figures.MetricCatalogue;
import portalkb.core.Fingerprints;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.core.ProvinceReader;
import portalkb.core.ProvinceReading;
import portalkb.core.Text;
import portalkb.store.Article;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article as given (crawled page, JSONL line) → the document stored: normalised URL and id, NFC text,
 * ISO date and years, the provinces it is about (read from it, the source's province a prior) then and today, mentions,
 * figures (the article's province the default for a figure whose clause names none) and metrics, content hash and SimHash.
 */
final class ArticlePreparer {

    private static final Pattern TITLE_YEAR = Pattern.compile("(?i)năm\\s+((?:19|20)\\d{2})");

    private final FigureExtractor figures = new FigureExtractor();
    private final Gazetteer gazetteer = Gazetteer.get();
    private final SimHasher simHasher = new SimHasher();
    private final ProvinceReader provinceReader = new ProvinceReader();

    /** Normalises and enriches one article; throws IllegalArgumentException with a reason for bad input. */
    PreparedArticle prepare(ArticleInput input) {
        String url = input.url() == null ? null : UrlNormalizer.normalize(input.url()).orElse(null);
        if (url == null) {
            throw new IllegalArgumentException("missing or invalid url (http or https)");
        }
        String title = Text.collapseSpaces(Text.nfc(string(input.title())));
        String body = Text.nfc(string(input.body())).strip();
        if (title.isEmpty() && body.isEmpty()) {
            throw new IllegalArgumentException("neither title nor body");
        }
        String published = Dates.toIso(input.published());
        if (input.published() != null && published == null) {
            throw new IllegalArgumentException("published is not a date: " + input.published());
        }
        Integer year = published == null ? null : Integer.parseInt(published.substring(0, 4));
        Place place = attributeProvince(input, url, title, body);
        Integer reportYear = reportYear(title, year);
        List<ExtractedDocument.Part> parts = input.parts();
        List<Figure> found;
        List<DocumentFigure> located = null;
        if (parts != null) {
            // A document: figures page by page (or sheet by sheet) and those of its tables, each with where it stands.
            located = DocumentParts.figures(parts, input.tableFigures(), figures, reportYear);
            found = located.stream().map(DocumentFigure::figure).toList();
        } else {
            // a sentence naming no year takes the one named before it in its passage, as the reader of the passage does
            found = figures.extract(body, reportYear, year, place.province(), input.lang(), Passages.starts(body, ArticleParts.PASSAGE_CHARS));
        }
        Set<Integer> years = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (Figure f : found) {
            if (f.year() != null) {
                years.add(f.year());
            }
            // the article's catalogued measures (open ones are many and rare: they are found through the facts)
            if (MetricCatalogue.get().byId(f.metric()).isPresent()) {
                metrics.add(f.metric());
            }
        }
        if (reportYear != null) {
            years.add(reportYear);
        }
        String simhash = simHasher.hex(title + " " + body);
        Article article = new Article(UrlNormalizer.id(url), url, URI.create(url).getHost(), title, body, published, year,
            List.copyOf(years), input.source(), input.sourceName(), place.province(), place.provinceToday(), input.district(),
            place.mentions(), List.copyOf(metrics), input.lang() == null ? "vi" : input.lang(), input.author(), input.template(),
            Fingerprints.sha256Hex(title + "\n" + body, 16), simhash, NearDuplicates.bands(simhash), null,
            input.fetchedAt(), null, null, input.type() == null ? "html" : input.type(), input.documents(), input.linkedFrom(),
            input.fileName(), input.pages(), input.sheets(), null, null, place.provinces(), place.provincesToday(),
            place.reading().confident() ? place.reading().confidence() : null, place.reading().evidence());
        return new PreparedArticle(article, found, located, parts, input.extra());
    }

    /**
     * The article's province (then and today: null when none is confident), every province it reports on, the other
     * provinces it mentions, and the reading that decided.
     */
    private record Place(String province, String provinceToday, List<String> provinces, List<String> provincesToday,
                         List<String> mentions, ProvinceReading reading) {
    }

    private Place attributeProvince(ArticleInput input, String url, String title, String body) {
        ProvinceReading reading = provinceReader.read(url, title, body, prior(input));
        Province primary = reading.primary();
        List<String> provinces = reading.provinces().stream().map(Province::name).toList();
        List<String> today = reading.provinces().stream().map(p -> gazetteer.today(p).name()).distinct().toList();
        List<String> mentioned = gazetteer.mentions(title + "\n" + body).stream().map(Province::name)
            .filter(n -> !provinces.contains(n)).toList();
        return new Place(primary == null ? null : primary.name(), primary == null ? null : gazetteer.today(primary).name(),
            provinces, today, mentioned, reading);
    }

    /** What the source says: its province (a provincial source, an imported line), its district's, its region, or nothing. */
    private ProvinceReader.Prior prior(ArticleInput input) {
        if (input.province() != null && !input.province().isBlank()) {
            return ProvinceReader.Prior.provincial(gazetteer.resolve(input.province())
                .orElseThrow(() -> new IllegalArgumentException("unknown province: " + input.province())));
        }
        Province ofDistrict = gazetteer.provinceOfDistrict(string(input.district())).orElse(null);
        if (ofDistrict != null) {
            return ProvinceReader.Prior.provincial(ofDistrict);
        }
        if (input.region() != null && !input.region().isEmpty()) {
            List<Province> region = new ArrayList<>();
            for (String name : input.region()) {
                region.add(gazetteer.resolve(name).orElseThrow(() -> new IllegalArgumentException("unknown province in region: " + name)));
            }
            return ProvinceReader.Prior.region(region);
        }
        return ProvinceReader.Prior.none();
    }

    /** The year a report is about: "tổng kết công tác y tế năm 2019" published in 2020 is about 2019. */
    static Integer reportYear(String title, Integer publishedYear) {
        Matcher m = TITLE_YEAR.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : publishedYear;
    }

    private static String string(String value) {
        return value == null ? "" : value;
    }
}
