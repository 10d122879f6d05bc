package portalkb.ask.answer;

import portalkb.ask.retrieve.Retrieved;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model's answer as data: it writes free text citing the prompt's passages as "[n]"; each line
 * keeps the passages it cites that exist (a number pointing at none is dropped), each marker where the model
 * wrote it, numbered again like any answer's citations. This reads the model's output, never an answer PortalKB wrote.
 */
final class ModelText {

    private static final Pattern CITATION = Pattern.compile("\\s*\\[(\\d+)]");

    private ModelText() {
    }

    static Answer read(String text, List<Retrieved> passages) {
        Answer.Builder answer = new Answer.Builder();
        for (String line : (text == null ? "" : text.strip()).split("\n")) {
            List<Retrieved> cites = new ArrayList<>();
            Matcher m = CITATION.matcher(line);
            StringBuilder words = new StringBuilder();
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                String marker = "";
                if (n >= 1 && n <= passages.size()) {
                    // The model's "[n]" stays where it wrote it, numbered again like any answer's citations.
                    if (!cites.contains(passages.get(n - 1))) {
                        cites.add(passages.get(n - 1));
                    }
                    marker = " " + Answer.citeAt(cites.indexOf(passages.get(n - 1)));
                }
                m.appendReplacement(words, Matcher.quoteReplacement(marker));
            }
            m.appendTail(words);
            String cleaned = words.toString().replaceAll(" +([.,;])", "$1").replaceAll(" {2,}", " ").strip();
            if (!cleaned.isEmpty()) {
                answer.line(new Answer.Line(Answer.Style.PLAIN, cleaned, List.copyOf(cites), null));
            }
        }
        return answer.isEmpty() ? Answer.message("") : answer.build();
    }

    /** The offline reader's answer as a hint for the prompt: its lines, without citations. */
    static String plain(Answer answer) {
        List<String> lines = new ArrayList<>();
        answer.lines().forEach(l -> lines.add(l.text().replace(Answer.CITE_HERE, "").replaceAll("\\{cite\\d+}", "")));
        return String.join(" ", lines);
    }
}
