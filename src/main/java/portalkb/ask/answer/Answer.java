package portalkb.ask.answer;

import portalkb.ask.retrieve.Retrieved;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer as data: its lines, each citing the retrieved texts it rests on, and the figures it states. The
 * text a user reads ("[n]" citations numbered in order of first use, quotes in quotation marks) is rendered
 * from it at the edge; nothing reads an answer back from its text.
 *
 * @param lines   in reading order; the first is the lead
 * @param figures the figures the answer states, each with the retrieved text it was read from
 */
public record Answer(List<Line> lines, List<StatedFigure> figures) {

    /** How a line is shown: a lead or plain line with its citations after it, a quoted sentence, a bullet. */
    public enum Style { LEAD, QUOTE, BULLET, PLAIN }

    /**
     * One line. {@code cites}: the retrieved texts it rests on; their numbers go where the text holds
     * {@link #CITE_HERE} (a table cell), else after the text. {@code quote}: the words of its (first) source
     * the line rests on, which that source's citation shows, or null (a QUOTE or BULLET line quotes its text).
     */
    public record Line(Style style, String text, List<Retrieved> cites, String quote) {
        public static Line lead(String text, Retrieved... cites) {
            return new Line(Style.LEAD, text, List.of(cites), null);
        }

        public static Line quote(String sentence, Retrieved source) {
            return new Line(Style.QUOTE, sentence, List.of(source), sentence);
        }

        public static Line bullet(String text, Retrieved source) {
            return new Line(Style.BULLET, text, List.of(source), text);
        }

        public static Line plain(String text, Retrieved... cites) {
            return new Line(Style.PLAIN, text, List.of(cites), null);
        }

        /** The same line, resting on these words of its source. */
        public Line quoting(String words) {
            return new Line(style, text, cites, words);
        }
    }

    /** Where a line's citation numbers go when not at its end. */
    public static final String CITE_HERE = "{cite}";

    /** Where the number of a line's {@code i}-th citation goes (a trend's points, each cited). */
    public static String citeAt(int i) {
        return "{cite" + i + "}";
    }

    /**
     * A figure the answer states: its value and unit, the catalogued metric or open measure it was read as (or
     * null), the year, and the retrieved text it comes from (whose origin gives the province).
     */
    public record StatedFigure(double value, String unit, String metric, Integer year, Retrieved source) {
    }

    /** An answer that is only a message (no answer found, nothing retrieved). */
    public static Answer message(String text) {
        return new Answer(List.of(Line.plain(text)), List.of());
    }

    /** Whether the answer cites anything (a message that there is no answer cites nothing). */
    public boolean cites() {
        return lines.stream().anyMatch(l -> !l.cites().isEmpty());
    }

    /** Builds an answer line by line. */
    public static final class Builder {
        private final List<Line> lines = new ArrayList<>();
        private final List<StatedFigure> figures = new ArrayList<>();

        public Builder line(Line line) {
            lines.add(line);
            return this;
        }

        public Builder figure(StatedFigure figure) {
            if (figure != null && figures.stream().noneMatch(f -> f.value() == figure.value() && f.source().equals(figure.source()))) {
                figures.add(figure);
            }
            return this;
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public Answer build() {
            return new Answer(List.copyOf(lines), List.copyOf(figures));
        }
    }
}
