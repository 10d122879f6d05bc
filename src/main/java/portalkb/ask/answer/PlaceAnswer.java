package portalkb.ask.answer;

import portalkb.ask.question.Question;
import portalkb.ask.read.Sentence;
import portalkb.ask.read.PlaceReader;
import portalkb.ask.read.SentenceFigures;
import portalkb.ask.read.SentenceScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which-place answers: the province of the article holding the best sentence (or the district or commune
 * it names), with the figures the question quotes as the article writes them; provinces whose sentences
 * say the same are named too.
 */
final class PlaceAnswer {

    private static final Pattern DISTRICT = Pattern.compile("(?:huyện|quận|thị xã|thành phố)\\s+((?:\\p{Lu}[\\p{L}]*)(?:\\s+(?:\\p{Lu}[\\p{L}]*|[A-Z]\\b))*)");
    private static final Pattern COMMUNE = Pattern.compile("(?:xã|phường|thị trấn)\\s+((?:\\p{Lu}[\\p{L}]*)(?:\\s+(?:\\p{Lu}[\\p{L}]*|[A-Z]\\b))*)");
    /** Sentences of other provinces scoring this close to the best tie with it. */
    static final double TIE = 0.1;

    private PlaceAnswer() {
    }

    static Optional<Answer> which(Question q, SentenceScorer scorer, PlaceReader reader, List<SentenceScorer.Scored> ranked,
                                  AnswerPhrases say) {
        return reader.read(ranked).map(r -> {
            SentenceScorer.Scored s = r.candidate().scored();
            Sentence sentence = s.sentence();
            String province = SentenceReader.lead(q, sentence, say);
            String place = switch (q.placeLevel()) {
                case DISTRICT -> named(DISTRICT, sentence).map(d -> lower(d, q, sentence, say)).orElse(province);
                case COMMUNE -> named(COMMUNE, sentence).map(d -> lower(d, q, sentence, say)).orElse(province);
                default -> province;
            };
            // The figures the question quotes, as the article writes them; some may stand in the article's other sentences.
            List<Sentence> quotedSentences = new ArrayList<>(List.of(sentence));
            List<String> figures = new ArrayList<>(askedExpressions(scorer, sentence));
            for (SentenceScorer.Scored other : ranked) {
                Sentence o = other.sentence();
                if (quotedSentences.size() < 3 && o != sentence && sameArticle(o, sentence)) {
                    List<String> more = askedExpressions(scorer, o).stream().filter(f -> !figures.contains(f)).toList();
                    if (!more.isEmpty()) {
                        figures.addAll(more);
                        quotedSentences.add(o);
                    }
                }
            }
            // When the best sentence states none of the figures (it found the province: "… toàn ngành tiếp nhận 31 kỹ thuật mới"),
            // the sentence of its article stating them gives the year, is what the lead cites and is quoted in its place.
            boolean statesNone = askedExpressions(scorer, sentence).isEmpty() && quotedSentences.size() > 1;
            Sentence stating = statesNone ? quotedSentences.get(1) : sentence;
            if (statesNone) {
                quotedSentences.remove(sentence);
            }
            Answer.Builder answer = new Answer.Builder()
                .line(Answer.Line.lead(place + (figures.isEmpty() ? "" : " — " + shown(figures, sentence, q)) + SentenceReader.year(q, stating, say),
                    stating.source()));
            // Other provinces whose sentences say the same as well are part of the answer (a tie is stated, not broken by chance).
            SentenceFigures figureReader = new SentenceFigures(); // one reader for the ties and the figures stated
            List<String> ties = new ArrayList<>(List.of(SentenceReader.place(q, sentence, say)));
            for (SentenceScorer.Scored other : ranked) {
                String otherPlace = SentenceReader.place(q, other.sentence(), say);
                if (q.placeLevel() != Question.PlaceLevel.PROVINCE || other.score() < s.score() - TIE || ties.contains(otherPlace)
                    || other.askedNumbers().isEmpty() || other.askedNumbers().size() < s.askedNumbers().size() || !other.yearFits()
                    || ties.size() >= 4) {
                    continue;
                }
                List<String> tied = askedExpressions(scorer, other.sentence());
                // a tie states the quoted figure too, as a province's: one whose sentence only shares its digits, or states
                // them for a district of it, is no tie
                if (!tied.isEmpty() && statesForItsProvince(figureReader, other.sentence(), tied)) {
                    ties.add(otherPlace);
                    answer.line(Answer.Line.lead(SentenceReader.lead(q, other.sentence(), say) + " — " + shown(tied, other.sentence(), q)
                        + SentenceReader.year(q, other.sentence(), say), other.sentence().source()));
                    quotedSentences.add(other.sentence());
                }
            }
            quotedSentences.forEach(x -> answer.line(Answer.Line.quote(x.text(), x.source())));
            // The figures stated, as the figure reader reads them in the sentences quoted.
            for (Sentence x : quotedSentences) {
                for (String written : askedExpressions(scorer, x)) {
                    figureReader.at(x, written).ifPresent(f -> answer.figure(new Answer.StatedFigure(f.value(), f.unit(), f.metric(), f.year(), x.source())));
                }
            }
            return answer.build();
        });
    }

    /** A district or commune with its province: "Văn Yên (Yên Bái) (since 2025: Lào Cai)". */
    private static String lower(String name, Question q, Sentence s, AnswerPhrases say) {
        String province = SentenceReader.place(q, s, say);
        return name + " (" + ReportedProvince.reported(province, s) + ")" + ReportedProvince.sinceMerger(province, s, say);
    }

    /** The quoted figures as the answer's language writes them: "97,9%" of a Vietnamese sentence is "97.9%" in English. */
    private static String shown(List<String> figures, Sentence s, Question q) {
        return String.join(", ", figures.stream().map(f -> LeadNumber.of(f.replaceAll("%$", ""), f, !s.english(), q.lang())).toList());
    }

    /** Numbers and pairs ("7/44") of the sentence that hold a number the question quotes, as written. */
    private static List<String> askedExpressions(SentenceScorer scorer, Sentence s) {
        List<String> out = new ArrayList<>();
        Matcher m = Sentence.EXPRESSION.matcher(s.text());
        while (m.find()) {
            boolean asked = Sentence.numbers(m.group(), s.english()).stream().anyMatch(scorer::isQuotedMeasure);
            String written = m.group() + (s.text().startsWith("%", m.end()) ? "%" : "");
            if (asked && !out.contains(written)) {
                out.add(written);
            }
        }
        return out;
    }

    /**
     * Whether a sentence states the quoted figures as a province's (its article's or, in a national outlet's, another
     * named one's): a district's or commune's row ("huyện Tân Uyên: … 95,7%") is no tie for a province, though its
     * province's article holds it.
     */
    private static boolean statesForItsProvince(SentenceFigures read, Sentence s, List<String> written) {
        return written.stream().map(w -> read.at(s, w)).flatMap(Optional::stream)
            .allMatch(f -> f.level() == portalkb.core.PlaceWords.Level.PROVINCE || f.level() == portalkb.core.PlaceWords.Level.OTHER_PROVINCE);
    }

    private static boolean sameArticle(Sentence a, Sentence b) {
        String x = a.source().origin().url();
        return x != null && x.equals(b.source().origin().url());
    }

    private static Optional<String> named(Pattern pattern, Sentence s) {
        Matcher m = pattern.matcher(s.text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
