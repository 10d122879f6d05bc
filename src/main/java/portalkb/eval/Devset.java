package portalkb.eval;

import com.fasterxml.jackson.databind.JsonNode;
import portalkb.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A question set over real articles in the devset format ({@code articles/NNN.txt} with url, title,
 * province and published header lines, and {@code questions.jsonl}). The first half of the articles
 * (001–020 of 40, 001–025 of 50) form the development split, the rest the test split.
 */
public record Devset(List<Article> articles, List<Question> questions) {

    public record Article(String file, String url, String title, String province, String published, String body) {
        public int number() {
            return Integer.parseInt(file.replaceAll("\\D", ""));
        }
    }

    /**
     * {@code answerNone}: a question the loaded articles cannot answer (ours, not the devset's). {@code devLast}: the
     * last article number of the development split. {@code answerValue} is null for {@code when} and {@code open}
     * questions; {@code answerWhen} is set for {@code when} questions only.
     */
    public record Question(String id, String file, String lang, String kind, String question, String answerProvince,
                           String answerValue, String answerWhen, String evidence, boolean answerNone, int devLast) {
        public String split() {
            if (answerNone) {
                return "unanswerable";
            }
            return Integer.parseInt(file.replaceAll("\\D", "")) <= devLast ? "dev" : "test";
        }

        /** value, which_province, when or open; a question of ours without a kind asks for a value. */
        public String kindOrValue() {
            return kind == null ? "value" : kind;
        }
    }

    public static Devset load(Path dir) throws IOException {
        Path articlesDir = dir.resolve("articles");
        Path questionsFile = dir.resolve("questions.jsonl");
        if (!Files.isDirectory(articlesDir) || !Files.isReadable(questionsFile)) {
            throw new IOException(dir + " is not a devset folder (expected articles/ and questions.jsonl)");
        }
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(articlesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                articles.add(article(f));
            }
        }
        return new Devset(articles, questions(questionsFile, devLast(articles)));
    }

    /** The development split is the first half of the articles, by number. */
    public static int devLast(List<Article> articles) {
        return articles.stream().mapToInt(Article::number).max().orElse(0) / 2;
    }

    public int devLast() {
        return devLast(articles);
    }

    public static List<Question> questions(Path file, int devLast) throws IOException {
        List<Question> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode q = Json.MAPPER.readTree(line);
            out.add(new Question(q.path("id").asText(), q.path("file").asText(null), q.path("lang").asText(null),
                q.path("kind").asText(null), q.path("question").asText(), q.path("answer_province").asText(null),
                q.path("answer_value").asText(null), q.path("answer_when").asText(null), q.path("evidence").asText(null),
                q.path("answer_none").asBoolean(false), devLast));
        }
        return out;
    }

    private static Article article(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IOException(file + ": no blank line after the header");
        }
        String url = null;
        String title = null;
        String province = null;
        String published = null;
        for (String line : text.substring(0, blank).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (line.substring(0, colon).strip()) {
                case "url" -> url = value;
                case "title" -> title = value;
                case "province" -> province = value;
                case "published" -> published = "unknown".equals(value) ? null : value;
                default -> { }
            }
        }
        return new Article(file.getFileName().toString(), url, title, province, published, text.substring(blank + 2).strip());
    }
}
