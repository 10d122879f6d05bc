package portalkb.ask;

import dev.langchain4j.rag.content.Content;
import portalkb.core.Gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline answerer: reads the retrieved passages sentence by sentence, scores each against the
 * question ({@link SentenceScorer}), and answers by kind: a quantity from the best sentences
 * ({@link QuantityPicker}), a place from the article or the words of the best sentence, a date, or a short
 * extractive summary. Every answer is a lead line in the question's language, the quoted sentence(s), and
 * citations; below the calibrated thresholds it says the knowledge base has no answer. Passage text is
 * only ever quoted, never followed.
 */
public final class SentenceReader implements Answerer {

    /** Why an answer came out as it did: set the log level of "portalkb.ask.explain" to debug. */
    static final org.slf4j.Logger EXPLAIN = org.slf4j.LoggerFactory.getLogger("portalkb.ask.explain");

    /** Below these the reader says it has no answer (calibrated on the development split and our unanswerable questions). */
    static final double QUANTITY_COVERAGE = 0.4;
    static final double PLACE_COVERAGE_WITH_NUMBERS = 0.2;
    static final double PLACE_COVERAGE = 0.5;
    static final double OPEN_COVERAGE = 0.3;
    private static final Pattern DATE = Pattern.compile("(?:ngày\\s+)?\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}|tháng\\s+\\d{1,2}/(?:19|20)\\d{2}|(?:năm\\s+)?(?:19|20)\\d{2}");

    private final TermWeights termWeights;
    private final FigureLister figures = new FigureLister();

    public SentenceReader(TermWeights termWeights) {
        this.termWeights = termWeights;
    }

    @Override
    public Answer answer(Question q, List<Content> contents, Consumer<String> tokens) {
        Answer answer = read(q, contents);
        String[] lines = answer.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            tokens.accept(i == 0 ? lines[i] : "\n" + lines[i]);
        }
        return answer;
    }

    Answer read(Question q, List<Content> contents) {
        AnswerPhrases say = new AnswerPhrases(q.lang());
        if (contents.isEmpty()) {
            return Answer.of(say.get("noAnswer"));
        }
        if (q.type() == Question.AnswerType.LIST) {
            return figures.list(q, contents, say);
        }
        TermWeights.Weights weights = termWeights.of(q);
        if (q.type() == Question.AnswerType.COMPARE) {
            return compare(q, contents, weights, say);
        }
        SentenceScorer scorer = new SentenceScorer(q, weights);
        List<SentenceScorer.Scored> ranked = rank(scorer, Sentence.split(contents));
        if (EXPLAIN.isDebugEnabled()) {
            EXPLAIN.debug("question {}", q);
            for (int i = 0; i < contents.size(); i++) {
                EXPLAIN.debug(String.format("content [%d] %s %s", i + 1, Contents.get(contents.get(i), Contents.KEY), Contents.get(contents.get(i), "kind")));
            }
            ranked.stream().limit(6).forEach(x -> EXPLAIN.debug(String.format("%.2f cov %.2f place %s year %s [%d] %s", x.score(), x.coverage(),
                x.placeFits(), x.yearFits(), x.sentence().n(), x.sentence().text().length() > 100 ? x.sentence().text().substring(0, 100) : x.sentence().text())));
        }
        Optional<Answer> answer = switch (q.type()) {
            case WHICH_PLACE -> PlaceAnswer.which(q, scorer, ranked, say);
            case QUANTITY -> quantity(q, scorer, ranked, say);
            case WHEN -> when(q, ranked, say);
            default -> open(q, ranked, say);
        };
        return answer.orElseGet(() -> Answer.of(q.provinces().isEmpty() || q.type() == Question.AnswerType.OPEN ? say.get("noAnswer")
            : say.get("noAnswerFor", "places", String.join(", ", q.provinces()))));
    }

    private static List<SentenceScorer.Scored> rank(SentenceScorer scorer, List<Sentence> sentences) {
        List<SentenceScorer.Scored> out = new ArrayList<>();
        sentences.forEach(s -> out.add(scorer.score(s)));
        out.sort(Comparator.comparingDouble(SentenceScorer.Scored::score).reversed());
        return out;
    }

    private Optional<Answer> quantity(Question q, SentenceScorer scorer, List<SentenceScorer.Scored> ranked, AnswerPhrases say) {
        List<SentenceScorer.Scored> fitting = ranked.stream()
            .filter(s -> s.placeFits() && s.yearFits() && s.focusFits() && s.coverage() >= QUANTITY_COVERAGE).toList();
        return new QuantityPicker(q, scorer).pick(fitting).map(p -> {
            Sentence s = p.sentence().sentence();
            String lead = place(q, s, say) + ": " + p.withUnit() + year(q, s, say) + " [" + s.n() + "]";
            return quoted(lead, List.of(s));
        });
    }

    private Optional<Answer> when(Question q, List<SentenceScorer.Scored> ranked, AnswerPhrases say) {
        for (SentenceScorer.Scored s : ranked.subList(0, Math.min(3, ranked.size()))) {
            if (s.coverage() < PLACE_COVERAGE || !s.placeFits()) {
                continue;
            }
            Matcher m = DATE.matcher(s.sentence().text());
            String date = m.find() ? m.group() : s.sentence().year() == null ? null : Integer.toString(s.sentence().year());
            if (date != null) {
                return Optional.of(quoted(say.get("whenLead", "value", date) + " [" + s.sentence().n() + "]", List.of(s.sentence())));
            }
        }
        return Optional.empty();
    }

    /** An extractive summary: up to three sentences that fit the place and year, picked for relevance without repetition. */
    private Optional<Answer> open(Question q, List<SentenceScorer.Scored> ranked, AnswerPhrases say) {
        boolean topical = q.concepts().stream().anyMatch(c -> c.vietnamese() || !c.forms().isEmpty());
        List<SentenceScorer.Scored> pool = ranked.stream()
            .filter(s -> s.placeFits() && s.yearFits() && (!topical || s.coverage() >= OPEN_COVERAGE) && s.sentence().words().size() >= 6)
            .toList();
        List<Sentence> picked = Summaries.maximalMarginalRelevance(pool, 3);
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        String about = q.provinces().isEmpty() ? "" : say.get("openAbout", "place", String.join(", ", q.provinces()));
        about += q.years().isEmpty() ? "" : say.get("openYear", "year", Integer.toString(q.years().get(0)));
        StringBuilder text = new StringBuilder(say.get("openLead", "about", about));
        Map<Integer, String> quotes = new LinkedHashMap<>();
        for (Sentence s : picked) {
            text.append("\n- ").append(s.text()).append(" [").append(s.n()).append(']');
            quotes.merge(s.n(), s.text(), (a, b) -> a + " … " + b);
        }
        return Optional.of(new Answer(text.toString(), quotes));
    }

    /** One line per asked province: the quantity its own sentences give. */
    private Answer compare(Question q, List<Content> contents, TermWeights.Weights weights, AnswerPhrases say) {
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<Integer, String> quotes = new LinkedHashMap<>();
        for (String province : q.provinces()) {
            Question one = q.withProvinces(List.of(province));
            SentenceScorer scorer = new SentenceScorer(one, weights);
            List<SentenceScorer.Scored> ranked = rank(scorer, Sentence.split(contents)).stream()
                .filter(s -> s.placeFits() && s.yearFits() && s.coverage() >= QUANTITY_COVERAGE).toList();
            Optional<QuantityPicker.Pick> pick = new QuantityPicker(one, scorer).pick(ranked);
            if (pick.isEmpty()) {
                missing.add(province);
                continue;
            }
            Sentence s = pick.get().sentence().sentence();
            lines.add("- " + province + ": " + pick.get().withUnit() + year(one, s, say) + " [" + s.n() + "]");
            quotes.putIfAbsent(s.n(), s.text());
        }
        if (lines.isEmpty()) {
            return Answer.of(say.get("noAnswer"));
        }
        if (!missing.isEmpty()) {
            lines.add(say.get("noAnswerFor", "places", String.join(", ", missing)));
        }
        return new Answer(String.join("\n", lines), quotes);
    }

    static Answer quoted(String lead, List<Sentence> sentences) {
        StringBuilder text = new StringBuilder(lead);
        Map<Integer, String> quotes = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            text.append("\n“").append(s.text()).append("” [").append(s.n()).append(']');
            quotes.merge(s.n(), s.text(), (a, b) -> a + " … " + b);
        }
        return new Answer(text.toString(), quotes);
    }

    /**
     * The province the sentence is about: one it names that its article reports on (an article about several provinces
     * states each one's figures), else the article's province, else the first province (or district's province) the
     * sentence names, else the asked one.
     */
    static String place(Question q, Sentence s, AnswerPhrases say) {
        List<Gazetteer.PlaceMention> named = Gazetteer.get().places(s.text());
        for (Gazetteer.PlaceMention m : named) {
            if (s.provinces().size() > 1 && s.provinces().contains(m.province().name())) {
                return m.province().name();
            }
        }
        if (s.province() != null) {
            return s.province();
        }
        if (!named.isEmpty()) {
            return named.get(0).province().name();
        }
        return q.provinces().isEmpty() ? say.get("unknownPlace") : q.provinces().get(0);
    }

    static String year(Question q, Sentence s, AnswerPhrases say) {
        for (Integer y : q.years()) {
            if (s.contains(Integer.toString(y)) || y.equals(s.year())) {
                return say.get("year", "year", Integer.toString(y));
            }
        }
        List<String> own = SentenceYears.own(s.words());
        if (!own.isEmpty()) {
            return say.get("year", "year", own.get(0));
        }
        return s.year() == null ? "" : say.get("year", "year", Integer.toString(s.year()));
    }


}
