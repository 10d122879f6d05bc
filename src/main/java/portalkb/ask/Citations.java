package portalkb.ask;

import dev.langchain4j.rag.content.Content;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer's "[n]" citations checked against the passages the answerer was given: numbers that
 * point at no passage are dropped; the rest become citations with their quote, and the figures the
 * answer states from them.
 */
final class Citations {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");

    private Citations() {
    }

    static String keepValid(String answer, int passages) {
        Matcher m = CITATION.matcher(answer);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            m.appendReplacement(out, n >= 1 && n <= passages ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out.toString().replaceAll(" +([.,;])", "$1").replaceAll(" {2,}", " ").strip();
    }

    /** {@code quotes}: the words the answer quotes from each content; a content without one is quoted whole. */
    static List<AskResponse.Citation> of(String answer, List<Content> contents, java.util.Map<Integer, String> quotes) {
        Set<Integer> used = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(answer);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        List<AskResponse.Citation> out = new ArrayList<>();
        for (int n : used) {
            Content c = contents.get(n - 1);
            out.add(new AskResponse.Citation(n, Contents.get(c, "url"), Contents.get(c, "title"),
                Contents.get(c, "sourceName") != null ? Contents.get(c, "sourceName") : Contents.get(c, "source"),
                Contents.get(c, "province"), Contents.get(c, "published"), quotes.getOrDefault(n, c.textSegment().text())));
        }
        return out;
    }

    /** Figures stated in the answer that come from the passages it cites. */
    static List<AskResponse.FigureRef> figures(String answer, List<AskResponse.Citation> citations, List<Content> contents) {
        FigureExtractor extractor = new FigureExtractor();
        List<AskResponse.FigureRef> out = new ArrayList<>();
        String normalized = answer.replace('.', ',');
        for (AskResponse.Citation c : citations) {
            Integer year = Contents.year(contents.get(c.n() - 1));
            for (Figure f : extractor.extract(c.quote(), year)) {
                String number = QuestionQueryTransformer.vietnameseNumber(f.value());
                if (normalized.contains(number) && !f.metric().equals("other")
                    && out.stream().noneMatch(o -> o.value() == f.value() && o.metric().equals(f.metric()))) {
                    out.add(new AskResponse.FigureRef(f.value(), f.unit(), f.metric(), c.province(), f.year()));
                }
            }
        }
        return out;
    }
}
