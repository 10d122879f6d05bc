package portalkb.ask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A numbered passage read back from the prompt {@link NumberedPassageInjector} wrote. */
record PromptPassage(int n, Map<String, String> header, String text) {

    private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)\\] ([^\\n]*)\\n<<<\\n(.*?)\\n>>>$", Pattern.DOTALL);
    private static final Pattern QUESTION = Pattern.compile("(?m)^Question: (.*)$");

    static String question(String prompt) {
        Matcher m = QUESTION.matcher(prompt);
        return m.find() ? m.group(1) : "";
    }

    static List<PromptPassage> all(String prompt) {
        List<PromptPassage> out = new ArrayList<>();
        Matcher m = PASSAGE.matcher(prompt);
        while (m.find()) {
            Map<String, String> header = new LinkedHashMap<>();
            for (String part : m.group(2).split(" \\| ")) {
                int colon = part.indexOf(": ");
                if (colon > 0) {
                    header.put(part.substring(0, colon), part.substring(colon + 2));
                }
            }
            out.add(new PromptPassage(Integer.parseInt(m.group(1)), header, m.group(3)));
        }
        return out;
    }

    String province() {
        String p = header.get("province");
        return p == null || p.equals("unknown") ? null : p;
    }

    Integer year() {
        String y = header.get("year");
        if (y == null) {
            String published = header.get("published");
            y = published != null && published.matches("\\d{4}-.*") ? published.substring(0, 4) : null;
        }
        return y == null ? null : Integer.valueOf(y);
    }
}
