package portalkb.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import portalkb.core.ProvinceReading;

import java.time.Instant;
import java.util.List;

/**
 * A document of the articles index (index-config/articles.json): one crawled page or file, or one imported
 * line, as stored. The record owns the field names; nulls are left out of the stored source.
 *
 * <p>{@code published}: ISO-8601 with the offset the source gave (or +07:00), kept as written so that a
 * reader sees the publisher's day; {@code year}: its year. {@code reportYears}: the years the figures are
 * about. {@code province} / {@code provinceToday}: the province the article is about (read from it:
 * {@link portalkb.core.ProvinceReader}), then and after the 2025 merger; null when no province is confident (a national
 * outlet's article about the whole country), never the outlet's home. {@code provinces} / {@code provincesToday}: every
 * province it reports on, the primary first (an article about several is found under each); {@code provinceConfidence}
 * and {@code provinceEvidence}: how sure, and the signs that decided (kept, not indexed). {@code template}: the
 * page layout the main content came from (the overwrite policy compares it). {@code type}: html, pdf, doc or
 * xls (null in articles stored before files were read: html). {@code documents}: files a page links;
 * {@code linkedFrom}: for a file, the articles that link it. {@code passageCount} / {@code factCount}: how
 * many positional passages and facts were written with it, so that a new version deletes the old tail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(String id, String url, String host, String title, String body, String published, Integer year,
                      List<Integer> reportYears, String source, String sourceName, String province, String provinceToday,
                      String district, List<String> mentions, List<String> metrics, String lang, String author,
                      String template, String contentHash, String simhash, List<String> simhashBands, String duplicateOf,
                      @JsonDeserialize(using = StoredInstant.class) Instant fetchedAt,
                      @JsonDeserialize(using = StoredInstant.class) Instant changedAt,
                      @JsonDeserialize(using = StoredInstant.class) Instant indexedAt, String type, List<String> documents,
                      List<Link> linkedFrom, String fileName, Integer pages, List<String> sheets,
                      Integer passageCount, Integer factCount, List<String> provinces, List<String> provincesToday,
                      Double provinceConfidence, List<ProvinceReading.Sign> provinceEvidence) {

    /** An article that links a file: its address and title (and, when looked up, its date). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String url, String title, String published) {
    }

    /** html, pdf, doc or xls; articles stored before files were read count as html. */
    public String typeOrHtml() {
        return type == null ? "html" : type;
    }

    /** The provinces it reports on; for an article stored before they were read, its one province. */
    public List<String> provincesOrOwn() {
        if (provinces != null && !provinces.isEmpty()) {
            return provinces;
        }
        return province == null ? List.of() : List.of(province);
    }

    public int passagesWritten() {
        return passageCount == null ? 0 : passageCount;
    }

    public int factsWritten() {
        return factCount == null ? 0 : factCount;
    }

    /** This article as written at {@code now}: a copy of {@code duplicateOf} (or null), replacing a live version when {@code changed}. */
    public Article stored(Instant now, boolean changed, String duplicateOf, int passages, int facts) {
        return new Article(id, url, host, title, body, published, year, reportYears, source, sourceName, province, provinceToday,
            district, mentions, metrics, lang, author, template, contentHash, simhash, simhashBands, duplicateOf, fetchedAt,
            changed ? now : null, now, type, documents, linkedFrom, fileName, pages, sheets, passages, facts, provinces, provincesToday,
            provinceConfidence, provinceEvidence);
    }
}
