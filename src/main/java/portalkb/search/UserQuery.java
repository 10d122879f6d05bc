package portalkb.search;

import portalkb.core.BadParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What users type into a search box: words, "quoted phrases", -excluded words or "-phrases", and
 * field prefixes (province:, source:, year:). Everything else is plain text; nothing is passed to
 * Elasticsearch as query syntax, so hostile input cannot break the query. Syntax of other search boxes that is no
 * syntax here — OR, AND, NOT, parentheses, a quotation mark left open — is left out of the words and told in
 * {@code notices}, so a reader learns why the results are what they are.
 */
public record UserQuery(String text, List<String> phrases, List<String> excluded, List<String> provinces,
                        List<String> sources, List<Integer> years, List<Notice> notices) {

    /** Something of the query that was read otherwise than its writer may think: a code (for a translated hint) and a message. */
    public record Notice(String code, String message) {
    }

    private static final Pattern TOKEN = Pattern.compile("(-?)(?:(province|tinh|tỉnh|source|nguon|nguồn|year|nam|năm):)?(?:\"([^\"]*)\"|(\\S+))");
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("OR", "AND", "NOT", "||", "&&");
    private static final Notice OPERATOR_WORDS = new Notice("operators",
        "OR, AND and NOT are no operators here: every word is searched and most must match; write -word to leave a word out");
    private static final Notice PARENTHESES = new Notice("parentheses", "parentheses do not group words here; they were left out");
    private static final Notice OPEN_QUOTE = new Notice("quote",
        "a quotation mark is not closed: its words are searched one by one, not as a phrase");

    public static UserQuery parse(String raw) {
        String q = raw == null ? "" : raw.strip();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        java.util.Set<Notice> notices = new java.util.LinkedHashSet<>();
        if (q.chars().filter(c -> c == '"').count() % 2 == 1) {
            notices.add(OPEN_QUOTE);
        }
        Matcher m = TOKEN.matcher(q);
        while (m.find()) {
            boolean minus = !m.group(1).isEmpty();
            String field = m.group(2);
            boolean quoted = m.group(3) != null;
            String value = quoted ? m.group(3).strip() : m.group(4);
            if (!quoted && field == null && !minus && OPERATORS.contains(value)) {
                notices.add(OPERATOR_WORDS);
                continue;
            }
            if (!quoted && (value.indexOf('(') >= 0 || value.indexOf(')') >= 0)) {
                notices.add(PARENTHESES);
                value = value.replace("(", "").replace(")", "");
            }
            if (!quoted) {
                value = value.replace("\"", "");
            }
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
        return new UserQuery(String.join(" ", words), phrases, excluded, provinces, sources, years, List.copyOf(notices));
    }

    public boolean isEmpty() {
        return text.isBlank() && phrases.isEmpty();
    }
}
