package portalkb.ask;

import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import portalkb.extract.MetricCatalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Question → the queries retrieval runs: the question as asked, and its Vietnamese form built from the
 * glossary (English and diacritic-free terms), the provinces it names, its years and its numbers
 * written the Vietnamese way (97.9 → 97,9). The retrievers' results are fused by rank.
 */
public final class VietnameseQueryTransformer implements QueryTransformer {

    private final QuestionAnalyzer analyzer;

    public VietnameseQueryTransformer(QuestionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Collection<Query> transform(Query query) {
        Question q = analyzer.analyze(query.text());
        List<String> parts = new ArrayList<>();
        parts.add(Glossary.get().translate(query.text()).vietnamese());
        if (q.metric() != null) {
            MetricCatalogue.get().byId(q.metric()).ifPresent(m -> parts.add(m.vi().toLowerCase(Locale.ROOT)));
        }
        parts.addAll(q.provinces());
        q.years().forEach(y -> parts.add(Integer.toString(y)));
        q.numbers().forEach(n -> parts.add(vietnameseNumber(n.value())));
        String vietnamese = String.join(" ", parts).replaceAll("\\s+", " ").strip();
        Set<Query> queries = new LinkedHashSet<>();
        queries.add(query);
        if (!vietnamese.isBlank() && !vietnamese.equalsIgnoreCase(query.text())) {
            queries.add(Query.from(vietnamese, query.metadata()));
        }
        return queries;
    }

    static String vietnameseNumber(double value) {
        String s = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return s.replace('.', ',');
    }
}
