package portalkb.ask.retrieve;

import portalkb.ask.question.Question;
import portalkb.ask.question.Words;
import co.elastic.clients.elasticsearch.core.TermvectorsResponse;
import co.elastic.clients.elasticsearch.core.termvectors.TermVector;
import portalkb.store.Elastic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How telling each word of a question is in this knowledge base: inverse document frequency over the
 * passages' folded text, read from Elasticsearch's term statistics in one request per question (an
 * artificial document holding the question's words). A word no passage contains weighs the most.
 */
public final class TermWeights {

    /** Weights of one question's words; {@link #of} is the weight of a folded word or phrase (mean over its words). */
    public record Weights(Map<String, Double> idf, double unseen) {
        public double of(String folded) {
            double sum = 0;
            int n = 0;
            for (String w : Words.of(folded)) {
                sum += idf.getOrDefault(w, unseen);
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    /** The document term statistics are asked about: the question's words as a passage's text. */
    record ArtificialPassage(String text) {
    }

    private final Elastic elastic;

    public TermWeights(Elastic elastic) {
        this.elastic = elastic;
    }

    public Weights of(Question q) {
        // The index holds words as written ("ty", "infections"); weights are kept by the reader's spelling ("ti", "infection").
        Set<String> words = new LinkedHashSet<>();
        for (Question.Concept c : q.concepts()) {
            for (String form : c.forms()) {
                for (String w : Words.raw(form)) {
                    words.add(w);
                    words.add(Words.normal(w));
                    if (w.matches("[tklmshvnbdpr]i")) {
                        words.add(w.charAt(0) + "y");
                    }
                }
            }
        }
        if (words.isEmpty()) {
            return new Weights(Map.of(), 1);
        }
        try {
            ArtificialPassage doc = new ArtificialPassage(String.join(" ", words));
            TermvectorsResponse response = elastic.client().termvectors(t -> t.index(elastic.names().passages())
                .doc(doc).fields("text.folded").termStatistics(true).fieldStatistics(true)
                .positions(false).offsets(false).payloads(false));
            TermVector vector = response.termVectors().get("text.folded");
            if (vector == null) {
                return new Weights(Map.of(), 1);
            }
            long docs = vector.fieldStatistics() == null ? 0 : vector.fieldStatistics().docCount();
            Map<String, Long> docFreq = new HashMap<>();
            vector.terms().forEach((term, stats) -> docFreq.merge(Words.normal(term), stats.docFreq() == null ? 0L : stats.docFreq(), Math::max));
            Map<String, Double> idf = new HashMap<>();
            docFreq.forEach((word, df) -> idf.put(word, idf(docs, df)));
            return new Weights(idf, idf(docs, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double idf(long docs, long docFreq) {
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }
}
