package portalkb.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import portalkb.core.ProvinceReading;
import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.store.Article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One article as given to {@link ArticleWriter}: a crawled page or file, an imported JSONL line
 * ({@link ArticleLine}), a generated one. {@code published} is kept as given ({@link Dates#toIso} reads
 * it); {@code province} may be any spelling the gazetteer knows: the
 * province of a provincial source (or an imported line's), a strong prior for the article's province, which is read from
 * the article ({@link portalkb.core.ProvinceReader}); {@code region}: a regional source's provinces; neither for a national
 * source. For a file: {@code type}, {@code fileName},
 * {@code pages} or {@code sheets}, the articles that link it ({@code linkedFrom}), and its {@code parts} and
 * {@code tableFigures}, which become passages and facts and are never stored in the article. {@code fetchedAt}
 * may be a plain date, as stored times may ({@link InputInstant}). {@code extra}:
 * fields of an imported line that no stored field takes, kept in the article's source as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleInput(String url, String title, String body, String published, String author, String lang, String source,
                           String sourceName, String province, String district, String template,
                           @JsonDeserialize(using = InputInstant.class) Instant fetchedAt,
                           List<String> documents, String type, String fileName, Integer pages, List<String> sheets,
                           List<Article.Link> linkedFrom, @JsonIgnore List<ExtractedDocument.Part> parts,
                           @JsonIgnore List<DocumentFigure> tableFigures, @JsonIgnore Map<String, JsonNode> extra,
                           List<String> region) {

    /** An article of a URL, a title and a body; the withers add the rest. */
    public static ArticleInput of(String url, String title, String body) {
        return new ArticleInput(url, title, body, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);
    }

    public ArticleInput withTitle(String title) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withBody(String body) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withPublished(String published) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withAuthor(String author) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withLang(String lang) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withSource(String source) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withSourceName(String sourceName) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withProvince(String province) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withDistrict(String district) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withTemplate(String template) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withFetchedAt(Instant fetchedAt) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withDocuments(List<String> documents) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withType(String type) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withFileName(String fileName) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withPages(Integer pages) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withSheets(List<String> sheets) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withLinkedFrom(List<Article.Link> linkedFrom) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withParts(List<ExtractedDocument.Part> parts) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withTableFigures(List<DocumentFigure> tableFigures) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    public ArticleInput withExtra(Map<String, JsonNode> extra) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    /** A regional source's provinces (any spelling): a weak prior for the article's province; null for other sources. */
    public ArticleInput withRegion(List<String> region) {
        return new ArticleInput(url, title, body, published, author, lang, source, sourceName, province, district, template,
            fetchedAt, documents, type, fileName, pages, sheets, linkedFrom, parts, tableFigures, extra, region);
    }

    /**
     * This input with what it leaves out taken from {@code stored}, the live version of its address (an imported line that
     * says less than the article it replaces must not erase the rest). Fields go in groups that belong together: the
     * source with its name; the place (province, district, region: a line giving any of them gives its place, else the
     * province the stored version was given, as its reading recorded it, and its district); the file's type, name, pages,
     * sheets and linking articles; each other field alone (published, author, lang, template, fetchedAt, documents). The
     * text (title, body) is always the input's.
     */
    public ArticleInput keeping(Article stored) {
        if (stored == null) {
            return this;
        }
        ArticleInput kept = this;
        if (source == null && sourceName == null) {
            kept = kept.withSource(stored.source()).withSourceName(stored.sourceName());
        }
        if (blank(province) && blank(district) && (region == null || region.isEmpty())) {
            kept = kept.withProvince(givenProvince(stored)).withDistrict(stored.district());
        }
        if (type == null && fileName == null && pages == null && sheets == null && linkedFrom == null) {
            kept = kept.withType(stored.type()).withFileName(stored.fileName()).withPages(stored.pages()).withSheets(stored.sheets())
                .withLinkedFrom(stored.linkedFrom());
        }
        kept = published == null ? kept.withPublished(stored.published()) : kept;
        kept = author == null ? kept.withAuthor(stored.author()) : kept;
        kept = lang == null ? kept.withLang(stored.lang()) : kept;
        kept = template == null ? kept.withTemplate(stored.template()) : kept;
        kept = fetchedAt == null ? kept.withFetchedAt(stored.fetchedAt()) : kept;
        return documents == null ? kept.withDocuments(stored.documents()) : kept;
    }

    /**
     * The province {@code stored} was given by its source or line: the reading's "source" sign; for an article stored before
     * readings were kept, its province.
     */
    private static String givenProvince(Article stored) {
        if (stored.provinceEvidence() == null) {
            return stored.province();
        }
        return stored.provinceEvidence().stream().filter(sign -> "source".equals(sign.kind())).map(ProvinceReading.Sign::province)
            .findFirst().orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A file: its parts and table figures are set. */
    public boolean isDocument() {
        return parts != null;
    }
}

