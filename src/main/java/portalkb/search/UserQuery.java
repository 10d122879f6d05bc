package portalkb.search;

import portalkb.core.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What users type into a search box: words, "quoted phrases", -excluded words or "-phrases", and
 * field prefixes (province:, source:, year:). Everything else is plain text; nothing is passed to
 * Elasticsearch as query syntax, so hostile input cannot break the query.
 */
public record UserQuery(String text, List<String> phrases, List<String> excluded, List<String> provinces,
                        List<String> sources, List<Integer> years) {

    private static final Pattern TOKEN = Pattern.compile("(-?)(?:(province|tinh|tỉnh|source|nguon|nguồn|year|nam|năm):)?(?:\"([^\"]*)\"|(\\S+))");

    public static UserQuery parse(String raw) {
        String q = raw == null ? "" : raw.strip();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        Matcher m = TOKEN.matcher(q);
        while (m.find()) {
            boolean minus = !m.group(1).isEmpty();
            String field = m.group(2);
            boolean quoted = m.group(3) != null;
            String value = quoted ? m.group(3).strip() : m.group(4);
            if (value.isEmpty()) {
                continue;
            }
            if (field != null) {
                switch (field) {
                    case "province", "tinh", "tỉnh" -> provinces.add(value.replace('_', ' '));
                    case "source", "nguon", "nguồn" -> sources.add(value);
                    default -> {
                        if (!value.matches("(19|20)\\d{2}")) {
                            throw new BadParameterException("q", "year: needs a four-digit year, got '" + value + "'");
                        }
                        years.add(Integer.parseInt(value));
                    }
                }
            } else if (minus && (quoted || value.length() > 1)) {
                excluded.add(value);
            } else if (quoted) {
                phrases.add(value);
            } else {
                words.add(value);
            }
        }
        return new UserQuery(String.join(" ", words), phrases, excluded, provinces, sources, years);
    }

    public boolean isEmpty() {
        return text.isBlank() && phrases.isEmpty();
    }
}
