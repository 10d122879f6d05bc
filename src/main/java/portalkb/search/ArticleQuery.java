package portalkb.search;

import portalkb.core.Provinces;
import portalkb.core.Text;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search request as an Elasticsearch query over articles: the user's words across the exact and
 * diacritic-folded fields (exact scores higher), numbers boosted, phrases and exclusions, filters; and
 * the word-order boosts applied to the best hits by rescoring. Syndicated copies (duplicateOf) are left out.
 */
final class ArticleQuery {

    private static final List<String> TEXT_FIELDS = List.of("title^3", "title.folded^2", "body", "body.folded^0.7");
    /** Folding index and query alike can only merge words, so these match every article the exact fields match. */
    private static final List<String> FOLDED_FIELDS = List.of("title.folded", "body.folded");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private ArticleQuery() {
    }

    static Query of(SearchRequest request) {
        return build(request, true);
    }

    /**
     * The same articles as {@link #of}, unscored and with half the clauses: what the facets and the total
     * count. Cross-field matching groups fields by analyzer and matches when any group does; the folded
     * group matches whenever the exact one does, and number boosts only score.
     */
    static Query matchSet(SearchRequest request) {
        return build(request, false);
    }

    private static Query build(SearchRequest request, boolean scored) {
        UserQuery user = UserQuery.parse(request.q());
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (!user.text().isBlank()) {
            bool.must(m -> m.multiMatch(mm -> mm.query(user.text()).fields(scored ? TEXT_FIELDS : FOLDED_FIELDS)
                .type(TextQueryType.CrossFields).operator(Operator.Or).minimumShouldMatch("75%")));
            // A number in the question is the most specific thing in it ("97.9" finds "97,9%").
            Matcher numbers = NUMBER.matcher(user.text());
            while (scored && numbers.find()) {
                String number = numbers.group();
                bool.should(s -> s.match(m -> m.field("body").query(number).boost(6f)));
            }
        }
        for (String phrase : user.phrases()) {
            bool.must(m -> m.bool(b -> b.should(s -> s.matchPhrase(p -> p.field("title.folded").query(phrase)))
                .should(s -> s.matchPhrase(p -> p.field("body.folded").query(phrase))).minimumShouldMatch("1")));
        }
        for (String excluded : user.excluded()) {
            bool.mustNot(m -> m.multiMatch(mm -> mm.query(excluded).fields("title.folded", "body.folded").type(TextQueryType.Phrase)));
        }
        bool.mustNot(m -> m.exists(e -> e.field("duplicateOf")));
        List<String> provinces = new ArrayList<>(request.provinces());
        provinces.addAll(Provinces.resolve("q", user.provinces()));
        if (!provinces.isEmpty()) {
            bool.filter(provinceFilter(provinces));
        }
        List<String> sources = new ArrayList<>(request.sources());
        sources.addAll(user.sources());
        if (!sources.isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("source").terms(v -> v.value(sources.stream().map(FieldValue::of).toList()))));
        }
        List<Integer> years = new ArrayList<>(request.years());
        years.addAll(user.years());
        if (!years.isEmpty()) {
            List<FieldValue> values = years.stream().map(y -> FieldValue.of(y.longValue())).toList();
            bool.filter(f -> f.bool(b -> b.should(s -> s.terms(t -> t.field("year").terms(v -> v.value(values))))
                .should(s -> s.terms(t -> t.field("reportYears").terms(v -> v.value(values)))).minimumShouldMatch("1")));
        }
        if (!request.metrics().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field("metrics").terms(v -> v.value(request.metrics().stream().map(FieldValue::of).toList()))));
        }
        if (!request.types().isEmpty()) {
            // Articles stored before documents were read have no type: they are HTML.
            List<FieldValue> values = request.types().stream().map(FieldValue::of).toList();
            bool.filter(f -> f.bool(b -> {
                b.should(s -> s.terms(t -> t.field("type").terms(v -> v.value(values))));
                if (request.types().contains("html")) {
                    b.should(s -> s.bool(x -> x.mustNot(n -> n.exists(e -> e.field("type")))));
                }
                return b.minimumShouldMatch("1");
            }));
        }
        if (request.from() != null || request.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("published");
                if (request.from() != null) {
                    d.gte(request.from().toString());
                }
                if (request.to() != null) {
                    d.lte(request.to().toString() + "T23:59:59+07:00");
                }
                return d;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /**
     * Articles about any of {@code provinces} (as reported or today; {@link SearchService#NO_PROVINCE}: those without a
     * confident one): every province an article reports on counts, so an article about several is found under each; an
     * article stored before they were read has only its {@code province}.
     */
    static Query provinceFilter(List<String> provinces) {
        List<FieldValue> values = provinces.stream().filter(p -> !SearchService.NO_PROVINCE.equals(p)).map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> {
            for (String field : List.of("provinces", "provincesToday", "province", "provinceToday")) {
                b.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(values))));
            }
            if (provinces.contains(SearchService.NO_PROVINCE)) {
                // "none": the articles without a confident province
                b.should(s -> s.bool(x -> x.mustNot(n -> n.exists(e -> e.field("province")))));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    /** Boosts for the words in the user's order and for exact-diacritic phrases (applied by rescoring). */
    static List<Query> phraseBoosts(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.q());
        List<Query> out = new ArrayList<>();
        if (!user.text().isBlank()) {
            out.add(Query.of(q -> q.matchPhrase(p -> p.field("body.folded").query(user.text()).slop(2).boost(2f))));
            out.add(Query.of(q -> q.matchPhrase(p -> p.field("title").query(user.text()).slop(2).boost(3f))));
        }
        for (String phrase : user.phrases()) {
            out.add(Query.of(q -> q.matchPhrase(p -> p.field("body").query(phrase).boost(2f))));
        }
        return out;
    }

    static boolean withoutDiacritics(String q) {
        if (q == null) {
            return false;
        }
        String lower = q.toLowerCase(Locale.ROOT);
        return !lower.isBlank() && Text.fold(lower).equals(lower.replaceAll("\\s+", " ").strip());
    }
}
