package portalkb.index;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import portalkb.store.Article;
import portalkb.store.Json;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One line of an import file → an {@link ArticleInput}; fields no stored field takes are kept as {@code extra}. */
final class ArticleLine {

    /**
     * Fields of the input or of the stored article: a line's value for one of these never lands in {@code extra}. What
     * the crawler alone hands over (a file's parts, {@link JsonIgnore}d) is, in a line, just another field.
     */
    private static final Set<String> KNOWN = Stream.of(ArticleInput.class, Article.class)
        .flatMap(type -> Stream.of(type.getRecordComponents())).filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class))
        .map(RecordComponent::getName).collect(Collectors.toSet());

    /** A single value where a list is expected ("documents": "…pdf") reads as a list of one. */
    private static final ObjectReader READER = Json.MAPPER.readerFor(ArticleInput.class)
        .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private ArticleLine() {
    }

    /** Throws IllegalArgumentException with what is wrong with the line (no stack trace, no Jackson jargon needed). */
    static ArticleInput parse(String line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object (" + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object (" + (node == null ? "empty" : node.getNodeType().name().toLowerCase()) + ")");
        }
        ArticleInput article;
        try {
            article = READER.readValue(node);
        } catch (IOException e) {
            throw new IllegalArgumentException(wrongValue(e));
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            if (!KNOWN.contains(field.getKey())) {
                extra.put(field.getKey(), field.getValue());
            }
        });
        return extra.isEmpty() ? article : article.withExtra(extra);
    }

    private static String wrongValue(IOException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
            return "field " + field + " has a value of the wrong kind"
                + (e instanceof InvalidFormatException invalid ? ": " + invalid.getValue() : "");
        }
        return "not an article (" + e.getClass().getSimpleName() + ")";
    }
}
