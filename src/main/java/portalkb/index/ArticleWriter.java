package portalkb.index;

import portalkb.extract.Fingerprints;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import portalkb.crawl.UrlNormalizer;
import portalkb.extract.Figure;
import portalkb.extract.FigureExtractor;
import portalkb.extract.Gazetteer;
import portalkb.extract.Gazetteer.Province;
import portalkb.extract.Text;
import portalkb.store.Elastic;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns articles into what the knowledge base stores: the article (id from its normalised URL, province
 * then and today, mentions, years, metrics), its passages (with vectors) and its facts. An article
 * whose content is unchanged is not rewritten; a changed one replaces its passages and facts and its
 * previous version goes to the history index.
 */
public final class ArticleWriter {

    public enum Outcome { INDEXED, CHANGED, UNCHANGED, REJECTED }

    /** {@code position}: index of the article in the batch given to {@link #write}. */
    /** {@code duplicateOf}: id of an earlier article telling the same story (syndicated copy), or null. */
    public record Result(int position, String url, String id, Outcome outcome, String reason, String duplicateOf) {
        public Result(int position, String url, String id, Outcome outcome, String reason) {
            this(position, url, id, outcome, reason, null);
        }
    }

    private static final Pattern TITLE_YEAR = Pattern.compile("(?i)năm\\s+((?:19|20)\\d{2})");
    private static final int PASSAGE_CHARS = 600;

    private final Elastic elastic;
    private final BulkIndexer bulk;
    private final FigureExtractor figures = new FigureExtractor();
    private final Gazetteer gazetteer = Gazetteer.get();
    private final boolean embeddings;
    private final SimHasher simHasher = new SimHasher();
    private final NearDuplicates nearDuplicates;

    public ArticleWriter(Elastic elastic, BulkIndexer bulk, boolean embeddings) {
        this.elastic = elastic;
        this.bulk = bulk;
        this.embeddings = embeddings;
        this.nearDuplicates = new NearDuplicates(elastic);
    }

    /** Writes a batch (one mget for the whole batch to find unchanged and replaced articles). */
    public List<Result> write(List<Map<String, Object>> articles) throws IOException {
        return write(articles, false);
    }

    /**
     * {@code knownNew}: the caller knows none of these articles was ever stored (the crawler, for a URL its
     * state has never seen indexed), so the lookup of previous versions is skipped.
     */
    public List<Result> write(List<Map<String, Object>> articles, boolean knownNew) throws IOException {
        List<Result> results = new ArrayList<>();
        Map<String, Map<String, Object>> prepared = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Map<String, Object> raw = articles.get(i);
            try {
                Map<String, Object> doc = prepare(raw);
                prepared.put((String) doc.get("id"), doc);
                positions.put((String) doc.get("id"), i);
            } catch (IllegalArgumentException e) {
                results.add(new Result(i, String.valueOf(raw.get("url")), null, Outcome.REJECTED, e.getMessage()));
            }
        }
        if (prepared.isEmpty()) {
            return results;
        }
        Map<String, Map<String, Object>> existing = knownNew ? Map.of() : existing(prepared.keySet());
        for (Map<String, Object> doc : prepared.values()) {
            results.add(store(positions.get((String) doc.get("id")), doc, existing.get((String) doc.get("id"))));
        }
        return results;
    }

    private Result store(int position, Map<String, Object> doc, Map<String, Object> previous) throws IOException {
        String id = (String) doc.get("id");
        String url = (String) doc.get("url");
        if (previous != null && doc.get("contentHash").equals(previous.get("contentHash"))) {
            return new Result(position, url, id, Outcome.UNCHANGED, null);
        }
        String now = Instant.now().toString();
        doc.put("indexedAt", now);
        String simhash = (String) doc.get("simhash");
        String duplicateOf = nearDuplicates.find(id, simhash);
        doc.put("duplicateOf", duplicateOf);
        nearDuplicates.remember(id, simhash, duplicateOf);
        if (previous != null) {
            doc.put("changedAt", now);
            Map<String, Object> history = new LinkedHashMap<>();
            history.put("articleId", id);
            history.put("url", url);
            history.put("title", previous.get("title"));
            history.put("body", previous.get("body"));
            history.put("contentHash", previous.get("contentHash"));
            history.put("fetchedAt", previous.get("fetchedAt"));
            history.put("replacedAt", now);
            bulk.index(elastic.names().history(), id + "-" + previous.get("contentHash"), history);
        }
        List<Map<String, Object>> passages = passages(doc);
        List<Map<String, Object>> facts = facts(doc);
        doc.put("passageCount", passages.size());
        doc.put("factCount", facts.size());
        bulk.index(elastic.names().articles(), id, doc);
        for (int i = 0; i < passages.size(); i++) {
            bulk.index(elastic.names().passages(), id + "-p" + i, passages.get(i));
        }
        for (int i = 0; i < facts.size(); i++) {
            bulk.index(elastic.names().facts(), id + "-f" + i, facts.get(i));
        }
        if (previous != null) {
            // Ids are positional, so the old tail beyond the new counts is what must go.
            deleteTail(elastic.names().passages(), id + "-p", passages.size(), count(previous.get("passageCount")));
            deleteTail(elastic.names().facts(), id + "-f", facts.size(), count(previous.get("factCount")));
        }
        return new Result(position, url, id, previous == null ? Outcome.INDEXED : Outcome.CHANGED, null, duplicateOf);
    }

    private void deleteTail(String index, String prefix, int from, int to) {
        for (int i = from; i < to; i++) {
            bulk.delete(index, prefix + i);
        }
    }

    private static int count(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    /** Normalises and enriches one article; throws IllegalArgumentException with a reason for bad input. */
    public Map<String, Object> prepare(Map<String, Object> raw) {
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
        List<Figure> found = figures.extract(body, reportYear);
        doc.put("figures", found);
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
        return doc;
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
    public static Integer reportYear(String title, Integer publishedYear) {
        Matcher m = TITLE_YEAR.matcher(title);
        return m.find() ? Integer.valueOf(m.group(1)) : publishedYear;
    }

    private List<Map<String, Object>> passages(Map<String, Object> doc) {
        List<String> texts = Passages.split((String) doc.get("body"), PASSAGE_CHARS);
        List<float[]> vectors = embeddings && !texts.isEmpty()
            ? Embeddings.embed(texts.stream().map(t -> doc.get("title") + ". " + t).toList()) : null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> p = common(doc);
            p.put("position", i);
            p.put("title", doc.get("title"));
            p.put("text", texts.get(i));
            if (vectors != null) {
                p.put("vector", vectors.get(i));
            }
            out.add(p);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> facts(Map<String, Object> doc) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Figure f : (List<Figure>) doc.remove("figures")) {
            Map<String, Object> fact = common(doc);
            fact.put("title", doc.get("title"));
            fact.put("district", doc.get("district"));
            fact.put("metric", f.metric());
            fact.put("value", f.value());
            fact.put("unit", f.unit());
            fact.put("raw", f.raw());
            fact.put("year", f.year());
            fact.put("text", f.sentence());
            fact.put("sentenceOffset", f.sentenceOffset());
            out.add(fact);
        }
        return out;
    }

    private static Map<String, Object> common(Map<String, Object> doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articleId", doc.get("id"));
        m.put("url", doc.get("url"));
        m.put("source", doc.get("source"));
        m.put("sourceName", doc.get("sourceName"));
        m.put("province", doc.get("province"));
        m.put("provinceToday", doc.get("provinceToday"));
        m.put("published", doc.get("published"));
        m.put("year", doc.get("year"));
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> existing(Set<String> ids) throws IOException {
        MgetResponse<Map> response = elastic.client().mget(m -> m.index(elastic.names().articles())
            .ids(List.copyOf(ids)).sourceIncludes("contentHash", "passageCount", "factCount", "title", "body", "fetchedAt"), Map.class);
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isResult() && item.result().found()) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
