package portalkb.crawl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.core.UrlNormalizer;
import portalkb.extract.ContentSelectors;
import portalkb.core.Gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a sources file (YAML, a list under {@code sources:}) into {@link Source}s. Every problem is
 * reported with the file, the source and the key, and unknown keys are refused, because a typo in a
 * key would otherwise silently crawl with a default.
 */
public final class SourcesFile {

    private static final Set<String> KEYS = Set.of("id", "name", "province", "district", "seeds", "allow", "deny",
        "maxDepth", "maxPages", "delayMs", "schedule", "selectors", "origin", "scope", "region");
    private static final Set<String> SELECTOR_KEYS = Set.of("title", "body", "date", "next");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String file;
    private final AppConfig.Crawler defaults;

    private SourcesFile(String file, AppConfig.Crawler defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    public static List<Source> load(Path path, AppConfig.Crawler defaults) {
        if (!Files.isReadable(path)) {
            throw new ConfigException("cannot read sources file " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new SourcesFile(path.toString(), defaults).parse(YAML.readTree(in));
        } catch (IOException e) {
            throw new ConfigException(path + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    public static List<Source> parse(String text, String name, AppConfig.Crawler defaults) {
        try {
            return new SourcesFile(name, defaults).parse(YAML.readTree(text));
        } catch (IOException e) {
            throw new ConfigException(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private List<Source> parse(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("sources").isArray()) {
            throw new ConfigException(file + ": expected a list under 'sources:'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("sources")) {
                throw new ConfigException(file + ": unknown top-level key '" + key + "' (only 'sources')");
            }
        }
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (JsonNode node : root.get("sources")) {
            position++;
            Source source = source(node, position);
            if (!ids.add(source.id())) {
                throw new ConfigException(file + ": source '" + source.id() + "': id used twice");
            }
            sources.add(source);
        }
        if (sources.isEmpty()) {
            throw new ConfigException(file + ": no sources");
        }
        return sources;
    }

    private Source source(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new ConfigException(file + ": source #" + position + ": expected a mapping of keys");
        }
        String label = node.path("id").isTextual() ? "source '" + node.get("id").asText() + "'" : "source #" + position;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw error(label, key, "unknown key (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = requiredText(node, label, "id");
        if (!ID.matcher(id).matches()) {
            throw error(label, "id", "use letters, digits, '.', '_' or '-' (at most 64)");
        }
        Source.Scope scope = scope(node, label);
        String provinceName = scope == Source.Scope.PROVINCIAL ? province(requiredText(node, label, "province"), label, "province") : null;
        List<String> region = scope == Source.Scope.REGIONAL ? region(node, label) : List.of();
        if (scope != Source.Scope.PROVINCIAL && node.hasNonNull("district")) {
            throw error(label, "district", "only a provincial source has a district");
        }
        List<String> seeds = seeds(node, label);
        List<Pattern> allow = patterns(node, label, "allow");
        for (String seed : seeds) {
            if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(seed).lookingAt())) {
                throw error(label, "allow", "no pattern matches the seed " + seed
                    + " (allow patterns match from the start of the URL, e.g. \"^https://site.example/news/\")");
            }
        }
        return new Source(id, optionalText(node, label, "name", id), provinceName, optionalText(node, label, "district", null),
            seeds, allow, patterns(node, label, "deny"),
            positiveInt(node, label, "maxDepth", defaults.maxDepth(), 0),
            positiveInt(node, label, "maxPages", defaults.maxPages(), 1),
            positiveInt(node, label, "delayMs", (int) Math.min(Integer.MAX_VALUE, defaults.delayMs()), 0),
            schedule(node, label), selectors(node, label), optionalText(node, label, "origin", null), scope, region);
    }

    /**
     * {@code scope}: provincial (the default, and {@code province} required, as before scopes existed), regional (the
     * default when {@code region} is given) or national; a national or regional source names no province.
     */
    private Source.Scope scope(JsonNode node, String label) {
        String written = optionalText(node, label, "scope", null);
        Source.Scope scope;
        if (written == null) {
            scope = node.hasNonNull("region") ? Source.Scope.REGIONAL : Source.Scope.PROVINCIAL;
        } else {
            scope = switch (written) {
                case "provincial" -> Source.Scope.PROVINCIAL;
                case "regional" -> Source.Scope.REGIONAL;
                case "national" -> Source.Scope.NATIONAL;
                default -> throw error(label, "scope", "'" + written + "': expected provincial, regional or national");
            };
        }
        if (scope != Source.Scope.PROVINCIAL && node.hasNonNull("province")) {
            throw error(label, "province", "a " + scope.id() + " source names no province: each article's province is read "
                + "from the article" + (scope == Source.Scope.REGIONAL ? " (list the provinces it covers under 'region')" : ""));
        }
        if (scope != Source.Scope.REGIONAL && node.hasNonNull("region")) {
            throw error(label, "region", "only a regional source lists a region (scope: regional, or leave 'scope' out)");
        }
        return scope;
    }

    private String province(String written, String label, String key) {
        return Gazetteer.get().resolve(written)
            .orElseThrow(() -> error(label, key, "'" + written + "' is not a province the gazetteer knows")).name();
    }

    private List<String> region(JsonNode node, String label) {
        JsonNode value = node.get("region");
        if (value == null || value.isNull() || !value.isArray() || value.isEmpty()) {
            throw error(label, "region", "required for a regional source: a list of the provinces it covers, e.g. [Cà Mau, Bạc Liêu]");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode p : value) {
            if (!p.isTextual() || p.asText().isBlank()) {
                throw error(label, "region", "expected province names as text");
            }
            String name = province(p.asText().strip(), label, "region");
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private List<String> seeds(JsonNode node, String label) {
        JsonNode seeds = node.get("seeds");
        if (seeds == null || seeds.isNull()) {
            throw error(label, "seeds", "required (listing pages, sitemap.xml or RSS/Atom URLs)");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode seed : seeds.isArray() ? seeds : List.of(seeds)) {
            String url = seed.isTextual() ? UrlNormalizer.normalize(seed.asText()).orElse(null) : null;
            if (url == null) {
                throw error(label, "seeds", "'" + seed.asText() + "' is not an http(s) URL");
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw error(label, "seeds", "at least one URL");
        }
        return List.copyOf(urls);
    }

    private List<Pattern> patterns(JsonNode node, String label, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode p : value.isArray() ? value : List.of(value)) {
            if (!p.isTextual()) {
                throw error(label, key, "expected regular expressions as strings");
            }
            try {
                patterns.add(Pattern.compile(p.asText()));
            } catch (PatternSyntaxException e) {
                throw error(label, key, "'" + p.asText() + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        return List.copyOf(patterns);
    }

    private int positiveInt(JsonNode node, String label, String key, int fallback, int min) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            throw error(label, key, "expected a whole number ≥ " + min + ", got '" + value.asText() + "'");
        }
        return value.asInt();
    }

    private String schedule(JsonNode node, String label) {
        String cron = optionalText(node, label, "schedule", null);
        if (cron != null) {
            try {
                CRON.parse(cron).validate();
            } catch (IllegalArgumentException e) {
                throw error(label, "schedule", "'" + cron + "' is not a Quartz cron expression (6 fields, e.g. \"0 0 3 * * ?\"): "
                    + firstLine(e.getMessage()));
            }
        }
        return cron;
    }

    private ContentSelectors selectors(JsonNode node, String label) {
        JsonNode value = node.get("selectors");
        if (value == null || value.isNull()) {
            return ContentSelectors.NONE;
        }
        if (!value.isObject()) {
            throw error(label, "selectors", "expected a mapping with title, body, date, next");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!SELECTOR_KEYS.contains(e.getKey())) {
                throw error(label, "selectors." + e.getKey(), "unknown selector (known: title, body, date, next)");
            }
            try {
                QueryParser.parse(e.getValue().asText());
            } catch (Selector.SelectorParseException | IllegalArgumentException ex) {
                throw error(label, "selectors." + e.getKey(), "'" + e.getValue().asText() + "' is not a CSS selector");
            }
        }
        return new ContentSelectors(text(value, "title"), text(value, "body"), text(value, "date"), text(value, "next"));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private String requiredText(JsonNode node, String label, String key) {
        String value = optionalText(node, label, key, null);
        if (value == null) {
            throw error(label, key, "required");
        }
        return value;
    }

    private String optionalText(JsonNode node, String label, String key, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(label, key, "expected text");
        }
        return value.asText().strip();
    }

    private ConfigException error(String label, String key, String message) {
        return new ConfigException(file + ": " + label + ": key '" + key + "': " + message);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
