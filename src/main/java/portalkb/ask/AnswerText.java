package portalkb.ask;

import portalkb.ask.answer.Answer;
import portalkb.ask.retrieve.Origin;
import portalkb.ask.retrieve.Retrieved;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a typed {@link Answer} for people and for the API: sources are numbered [1], [2] … in the order the
 * answer first cites them; a quote is set in quotation marks, a bullet after "- "; each citation carries what the
 * answer quotes from its source (its whole text when nothing is quoted); the figures come from the answer's data.
 */
final class AnswerText {

    record Rendered(String text, List<AskResponse.Citation> citations, List<AskResponse.FigureRef> figures) {
    }

    private AnswerText() {
    }

    static Rendered render(Answer answer) {
        Map<Retrieved, Integer> numbers = new LinkedHashMap<>();
        Map<Retrieved, List<String>> quotes = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Answer.Line line : answer.lines()) {
            String text = switch (line.style()) {
                case QUOTE -> "“" + line.text() + "”";
                case BULLET -> "- " + line.text();
                default -> line.text();
            };
            StringBuilder cites = new StringBuilder();
            for (int i = 0; i < line.cites().size(); i++) {
                Retrieved r = line.cites().get(i);
                int n = numbers.computeIfAbsent(r, x -> numbers.size() + 1);
                String marker = "[" + n + "]";
                if (text.contains(Answer.citeAt(i))) {
                    text = text.replace(Answer.citeAt(i), marker);
                } else if (cites.indexOf(marker) < 0) {
                    cites.append(cites.isEmpty() ? "" : " ").append(marker);
                }
                if (line.quote() != null && r.equals(line.cites().get(0))) {
                    List<String> q = quotes.computeIfAbsent(r, x -> new ArrayList<>());
                    if (!q.contains(line.quote())) {
                        q.add(line.quote());
                    }
                }
            }
            if (text.contains(Answer.CITE_HERE)) {
                text = text.replace(Answer.CITE_HERE, cites);
            } else if (!cites.isEmpty()) {
                text = text + " " + cites;
            }
            lines.add(text);
        }
        List<AskResponse.Citation> citations = new ArrayList<>();
        numbers.forEach((r, n) -> {
            Origin o = r.origin();
            List<String> quoted = quotes.get(r);
            citations.add(new AskResponse.Citation(n, o.url(), o.title(), o.outlet(), o.province(), o.published(),
                quoted == null ? r.text() : String.join(" … ", quoted)));
        });
        List<AskResponse.FigureRef> figures = new ArrayList<>();
        for (Answer.StatedFigure f : answer.figures()) {
            figures.add(new AskResponse.FigureRef(f.value(), f.unit(), f.metric(), f.source().origin().province(), f.year()));
        }
        return new Rendered(String.join("\n", lines), citations, figures);
    }
}
