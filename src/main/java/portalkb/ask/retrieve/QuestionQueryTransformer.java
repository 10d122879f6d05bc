package portalkb.ask.retrieve;

import portalkb.ask.question.Question;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import portalkb.core.Text;

/**
 * Question → the queries retrieval runs: the question as asked, and its Vietnamese form (each concept's
 * Vietnamese words, the provinces and places it names, its years and its numbers written the Vietnamese
 * way). Both carry the analysed question in their metadata; the retrievers' results are fused by rank.
 */
public final class QuestionQueryTransformer implements QueryTransformer {

    @Override
    public Collection<Query> transform(Query query) {
        Question q = QuestionMetadata.question(query);
        List<String> parts = new ArrayList<>();
        parts.add(q.vietnameseQuery());
        parts.addAll(q.provinces());
        q.years().forEach(y -> parts.add(Integer.toString(y)));
        q.numbers().forEach(n -> parts.add(vietnameseNumber(n.value())));
        String vietnamese = String.join(" ", parts).replaceAll("\\s+", " ").strip();
        Set<Query> queries = new LinkedHashSet<>();
        queries.add(query);
        if (!vietnamese.isBlank() && !vietnamese.equalsIgnoreCase(query.text())) {
            queries.add(Query.from(vietnamese, query.metadata()));
        }
        // A Vietnamese question may be answered by an English article (national outlets publish in both).
        if ("vi".equals(q.lang()) && !q.englishQuery().isBlank()) {
            List<String> english = new ArrayList<>(List.of(q.englishQuery()));
            q.provinces().forEach(p -> english.add(Text.fold(p)));
            q.years().forEach(y -> english.add(Integer.toString(y)));
            queries.add(Query.from(String.join(" ", english), query.metadata()));
        }
        return queries;
    }

    /**
     * How texts may write a value, as the index's analyzer will read them: "97,9" for 97.9; "147645" and the
     * English grouping "147,645" for 147645 (an English "37,000" stays "37.000" in the index, where a
     * Vietnamese "37.000" becomes "37000").
     */
    static List<String> writtenForms(double value) {
        String plain = vietnameseNumber(value);
        if (value != Math.rint(value) || value < 1000) {
            return List.of(plain);
        }
        return List.of(plain, String.format(java.util.Locale.ROOT, "%,d", (long) value));
    }

    /** 97.9 → "97,9"; 147645 → "147645" (the index reads both the way Vietnamese text writes them). */
    public static String vietnameseNumber(double value) {
        String s = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return s.replace('.', ',');
    }
}
