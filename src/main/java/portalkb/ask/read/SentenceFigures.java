package portalkb.ask.read;

import portalkb.ask.retrieve.Origin;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;

import java.util.List;
import java.util.Optional;

/** The figures the figure reader finds in one retrieved sentence, read with its article's year and province. */
public final class SentenceFigures {

    private final FigureExtractor extractor = new FigureExtractor();

    /** The figure read at a number as the sentence writes it ("97,9", "272/706", a trailing "%" ignored), if any. */
    public Optional<Figure> at(Sentence s, String written) {
        String number = written.replaceAll("%$", "");
        Origin o = s.source().origin();
        List<Figure> read = extractor.extract(s.text(), s.year(), null, o.province(), null);
        return read.stream().filter(f -> number.equals(f.written())).findFirst();
    }
}
