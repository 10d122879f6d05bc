package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.read.Candidate;
import portalkb.ask.read.CandidateReader;
import portalkb.ask.read.PlaceReader;
import portalkb.ask.read.ReaderModel;
import portalkb.ask.read.ReadingLog;
import portalkb.ask.read.Sentence;
import portalkb.ask.read.SentenceScorer;
import portalkb.ask.read.SentenceYears;
import portalkb.ask.read.Summaries;
import portalkb.ask.retrieve.Retrieved;
import portalkb.ask.retrieve.TermWeights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline answerer: reads the retrieved passages sentence by sentence, scores each against the
 * question ({@link SentenceScorer}), and answers by kind: a quantity from the best sentences
 * ({@link CandidateReader}), a place from the article or the words of the best sentence, a date, or a short
 * extractive summary. Every answer is a lead line in the question's language, the quoted sentence(s), and
 * citations; below the calibrated thresholds it says the knowledge base has no answer. Passage text is
 * only ever quoted, never followed.
 */
public final class SentenceReader implements Answerer {

    /** Why an answer came out as it did: set the log level of "portalkb.ask.explain" to debug. */
    static final org.slf4j.Logger EXPLAIN = org.slf4j.LoggerFactory.getLogger("portalkb.ask.explain");

    /** Below these the reader says it has no answer (calibrated on the development split and our unanswerable questions). */
    static final double PLACE_COVERAGE = 0.5;
    static final double OPEN_COVERAGE = 0.3;
    /** The most sentences an open answer quotes. */
    static final int OPEN_SENTENCES = 4;
    private static final Pattern DATE = Pattern.compile("(?:ngày\\s+)?\\d{1,2}/\\d{1,2}/(?:19|20)\\d{2}|tháng\\s+\\d{1,2}/(?:19|20)\\d{2}|(?:năm\\s+)?(?:19|20)\\d{2}");

    private final TermWeights termWeights;
    private final ReaderModel model;
    private final ReaderModel placeModel;
    private final ReadingLog log;
    private final FigureLister figures = new FigureLister();

    public SentenceReader(TermWeights termWeights) {
        this(termWeights, ReadingLog.NONE);
    }

    /** {@code log}: receives the candidates weighed for each quantity and which-place question (for fitting the models). */
    public SentenceReader(TermWeights termWeights, ReadingLog log) {
        this.termWeights = termWeights;
        this.model = ReaderModel.get();
        this.placeModel = ReaderModel.place();
        this.log = log;
    }

    @Override
    public Answer answer(Question q, List<Retrieved> contents, Consumer<String> liveTokens) {
        AnswerPhrases say = new AnswerPhrases(q.lang());
        if (q.unknownPlace() != null) {
            return Answer.message(say.get("unknownPlaceNamed", "place", q.unknownPlace()));
        }
        if (contents.isEmpty()) {
            return Answer.message(say.get("noAnswer"));
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
                EXPLAIN.debug(String.format("content [%d] %s %s", i + 1, contents.get(i).key(), contents.get(i).getClass().getSimpleName()));
            }
            ranked.stream().limit(6).forEach(x -> EXPLAIN.debug(String.format("%.2f cov %.2f place %s year %s [%d] %s", x.score(), x.coverage(),
                x.placeFits(), x.yearFits(), x.sentence().n(), x.sentence().text().length() > 100 ? x.sentence().text().substring(0, 100) : x.sentence().text())));
        }
        Optional<Answer> answer = switch (q.type()) {
            case WHICH_PLACE -> PlaceAnswer.which(q, scorer, new PlaceReader(q, scorer, placeModel, log), ranked, say);
            case QUANTITY -> quantity(q, scorer, ranked, say);
            case WHEN -> when(q, ranked, say);
            default -> open(q, ranked, say);
        };
        return answer.orElseGet(() -> Answer.message(q.provinces().isEmpty() || q.type() == Question.AnswerType.OPEN ? say.get("noAnswer")
            : say.get("noAnswerFor", "places", String.join(", ", q.provinces()))));
    }

    private static List<SentenceScorer.Scored> rank(SentenceScorer scorer, List<Sentence> sentences) {
        List<SentenceScorer.Scored> out = new ArrayList<>();
        sentences.forEach(s -> out.add(scorer.score(s)));
        out.sort(Comparator.comparingDouble(SentenceScorer.Scored::score).reversed());
        return out;
    }

    private Optional<Answer> quantity(Question q, SentenceScorer scorer, List<SentenceScorer.Scored> ranked, AnswerPhrases say) {
        return new CandidateReader(q, scorer, model, log).read(ranked).map(r -> {
            Candidate c = r.candidate();
            Sentence s = c.sentence();
            Answer.StatedFigure figure = stated(c, q, s);
            if (!q.years().isEmpty() && figure.year() != null && !q.years().contains(figure.year())) {
                // the year asked must hold too: another year's figure is not silently put in its place
                String places = q.provinces().isEmpty() ? place(q, s, say) : String.join(", ", q.provinces());
                return new Answer.Builder().line(Answer.Line.plain(say.get("noFigureForYear", "places", places, "year",
                    Integer.toString(q.years().get(0))))).line(Answer.Line.plain(say.get("yearHeld", "year", Integer.toString(figure.year()))))
                    .build();
            }
            String year = year(q, s, say);
            Answer.Builder answer = new Answer.Builder().line(Answer.Line.lead(lead(q, s, say) + ": " + LeadNumber.of(c, q.lang()) + year, s.source()));
            if (s.yearStatedBy() != null && s.year() != null && year.contains(Integer.toString(s.year()))) {
                // "Tỉnh có 13,5 bác sĩ/vạn dân." is of 2023 because the sentence before it says so: that one is quoted too
                answer.line(Answer.Line.quote(s.yearStatedBy(), s.source()));
            }
            return answer.line(Answer.Line.quote(s.text(), s.source())).figure(figure).build();
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
                Sentence at = s.sentence();
                return Optional.of(new Answer.Builder().line(Answer.Line.lead(say.get("whenLead", "value", date), at.source()))
                    .line(Answer.Line.quote(at.text(), at.source())).build());
            }
        }
        return Optional.empty();
    }

    /**
     * An extractive summary: two to four sentences on the topic asked that fit the place and year (a year asked
     * must be the sentence's or its report's), picked for relevance without repetition, each cited. When none is on
     * the topic, what the knowledge base holds for the place instead: its reports' titles, which answer nothing.
     */
    private Optional<Answer> open(Question q, List<SentenceScorer.Scored> ranked, AnswerPhrases say) {
        boolean topical = q.concepts().stream().anyMatch(c -> c.vietnamese() || !c.forms().isEmpty());
        List<SentenceScorer.Scored> placed = ranked.stream().filter(s -> s.placeFits() && ofAskedYear(q, s)).toList();
        List<SentenceScorer.Scored> pool = placed.stream()
            .filter(s -> (!topical || s.coverage() >= OPEN_COVERAGE) && s.sentence().words().size() >= 6)
            .toList();
        List<Sentence> picked = Summaries.maximalMarginalRelevance(pool, OPEN_SENTENCES);
        String about = q.provinces().isEmpty() ? "" : say.get("openAbout", "place", String.join(", ", q.provinces()));
        about += q.years().isEmpty() ? "" : say.get("openYear", "year", Integer.toString(q.years().get(0)));
        if (picked.isEmpty()) {
            return q.provinces().isEmpty() ? Optional.empty() : holdings(q, ranked, about, say);
        }
        Answer.Builder answer = new Answer.Builder().line(Answer.Line.plain(say.get("openLead", "about", about)));
        for (Sentence s : picked) {
            answer.line(Answer.Line.bullet(s.text(), s.source()));
        }
        return Optional.of(answer.build());
    }

    private static boolean ofAskedYear(Question q, SentenceScorer.Scored s) {
        return q.years().isEmpty() || s.signals().yearNamed() || s.signals().yearPublished();
    }

    /** Nothing on the topic: the titles of the asked place's reports that were found, uncited (they answer nothing). */
    private static Optional<Answer> holdings(Question q, List<SentenceScorer.Scored> ranked, String about, AnswerPhrases say) {
        List<String> titles = new ArrayList<>();
        for (SentenceScorer.Scored s : ranked) {
            String title = s.sentence().source().origin().title();
            if (s.placeFits() && title != null && !title.isBlank() && !titles.contains(title) && titles.size() < OPEN_SENTENCES) {
                titles.add(title);
            }
        }
        Answer.Builder answer = new Answer.Builder().line(Answer.Line.plain(say.get("openNothing", "about", about)));
        if (!titles.isEmpty()) {
            answer.line(Answer.Line.plain(say.get("openHoldings")));
            titles.forEach(t -> answer.line(Answer.Line.plain("- " + t)));
        }
        return Optional.of(answer.build());
    }

    /** One line per asked province: the quantity its own sentences give. */
    private Answer compare(Question q, List<Retrieved> contents, TermWeights.Weights weights, AnswerPhrases say) {
        Answer.Builder answer = new Answer.Builder();
        List<Sentence> quoted = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String province : q.provinces()) {
            Question one = q.withProvinces(List.of(province));
            SentenceScorer scorer = new SentenceScorer(one, weights);
            List<SentenceScorer.Scored> ranked = rank(scorer, Sentence.split(contents)).stream().filter(SentenceScorer.Scored::placeFits).toList();
            Optional<CandidateReader.Reading> pick = new CandidateReader(one, scorer, model, log).read(ranked);
            if (pick.isEmpty()) {
                missing.add(province);
                continue;
            }
            Candidate c = pick.get().candidate();
            Sentence s = c.sentence();
            answer.line(Answer.Line.plain("- " + province + ": " + LeadNumber.of(c, q.lang()) + year(one, s, say), s.source()));
            answer.figure(stated(c, one, s));
            if (!quoted.contains(s)) {
                quoted.add(s);
            }
        }
        if (answer.isEmpty()) {
            return Answer.message(say.get("noAnswer"));
        }
        if (!missing.isEmpty()) {
            answer.line(Answer.Line.plain(say.get("noAnswerFor", "places", String.join(", ", missing))));
        }
        quoted.forEach(s -> answer.line(Answer.Line.quote(s.text(), s.source())));
        return answer.build();
    }

    /** The figure a candidate states: as the figure reader read it when it did, else its value as written. */
    private static Answer.StatedFigure stated(Candidate c, Question q, Sentence s) {
        Integer year = q.years().stream().filter(y -> s.contains(Integer.toString(y)) || y.equals(s.year())).findFirst()
            .orElse(c.figure() != null && c.figure().year() != null ? c.figure().year() : s.year());
        if (c.figure() != null) {
            return new Answer.StatedFigure(c.figure().value(), c.figure().unit(), c.figure().metric(), year, s.source());
        }
        String unit = c.withUnit().substring(c.written().length()).strip();
        return new Answer.StatedFigure(c.readings().get(0), unit.isEmpty() ? null : unit, null, year, s.source());
    }

    /**
     * The province the sentence is about: one it names that its article reports on (an article about several provinces
     * states each one's figures), else the article's province, else the first province (or district's province) the
     * sentence names, else the asked one.
     */
    static String place(Question q, Sentence s, AnswerPhrases say) {
        String province = s.reportedProvince();
        if (province != null) {
            return province;
        }
        return q.provinces().isEmpty() ? say.get("unknownPlace") : q.provinces().get(0);
    }

    /** The province for a lead: as the article names it, and what it is today when the 2025 merger changed that. */
    static String lead(Question q, Sentence s, AnswerPhrases say) {
        String province = place(q, s, say);
        return province.equals(say.get("unknownPlace")) ? province : ReportedProvince.name(province, s, say);
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
