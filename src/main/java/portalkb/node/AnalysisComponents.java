package portalkb.node;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * Analysis components from analysis-common and analysis-icu, rebuilt on plain Lucene classes with
 * the same names and settings. Only what index-config uses (and its obvious neighbours) is here.
 */
final class AnalysisComponents {

    private AnalysisComponents() {
    }

    static Map<String, AnalysisProvider<CharFilterFactory>> charFilters() {
        return Map.of(
            "icu_normalizer", (indexSettings, env, name, settings) -> icuNormalizerCharFilter(name, settings),
            "pattern_replace", requiresAnalysisSettings((indexSettings, env, name, settings) -> patternReplace(name, settings)),
            "mapping", requiresAnalysisSettings((indexSettings, env, name, settings) -> mapping(name, settings)));
    }

    static Map<String, AnalysisProvider<TokenFilterFactory>> tokenFilters() {
        return Map.of(
            "lowercase", (indexSettings, env, name, settings) -> normalizingFilter(name, LowerCaseFilter::new),
            "asciifolding", (indexSettings, env, name, settings) -> normalizingFilter(name,
                in -> new ASCIIFoldingFilter(in, settings.getAsBoolean("preserve_original", false))),
            "icu_folding", (indexSettings, env, name, settings) -> normalizingFilter(name, ICUFoldingFilter::new),
            "icu_normalizer", (indexSettings, env, name, settings) -> normalizingFilter(name,
                in -> new ICUNormalizer2Filter(in, normalizer(settings))),
            "unique", (indexSettings, env, name, settings) -> filter(name, RemoveDuplicatesTokenFilter::new),
            "synonym_graph", requiresAnalysisSettings((indexSettings, env, name, settings) ->
                new SynonymFilterFactory(name, settings, env, true)),
            "synonym", requiresAnalysisSettings((indexSettings, env, name, settings) ->
                new SynonymFilterFactory(name, settings, env, false)));
    }

    static Map<String, AnalysisProvider<TokenizerFactory>> tokenizers() {
        return Map.of(
            "icu_tokenizer", (indexSettings, env, name, settings) -> tokenizer(name, ICUTokenizer::new),
            "whitespace", (indexSettings, env, name, settings) -> tokenizer(name, WhitespaceTokenizer::new),
            "keyword", (indexSettings, env, name, settings) -> tokenizer(name, KeywordTokenizer::new));
    }

    private static Normalizer2 normalizer(Settings settings) {
        String form = settings.get("name", "nfkc_cf");
        Normalizer2.Mode mode = "decompose".equals(settings.get("mode", "compose"))
            ? Normalizer2.Mode.DECOMPOSE : Normalizer2.Mode.COMPOSE;
        return Normalizer2.getInstance(null, form, mode);
    }

    private static CharFilterFactory icuNormalizerCharFilter(String name, Settings settings) {
        Normalizer2 normalizer = normalizer(settings);
        return new NormalizingCharFilter(name, reader -> new ICUNormalizer2CharFilter(reader, normalizer));
    }

    private static CharFilterFactory patternReplace(String name, Settings settings) {
        String pattern = settings.get("pattern");
        if (pattern == null) {
            throw new IllegalArgumentException("pattern is missing for [" + name + "] char filter of type 'pattern_replace'");
        }
        Pattern compiled = Pattern.compile(pattern, flags(settings.get("flags", "")));
        String replacement = settings.get("replacement", "");
        return new NormalizingCharFilter(name, reader -> new PatternReplaceCharFilter(compiled, replacement, reader));
    }

    private static int flags(String names) {
        int flags = 0;
        for (String flag : names.split("\\|")) {
            if (!flag.isBlank()) {
                try {
                    flags |= Pattern.class.getField(flag.trim().toUpperCase(Locale.ROOT)).getInt(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("unknown regex flag [" + flag + "]");
                }
            }
        }
        return flags;
    }

    private static CharFilterFactory mapping(String name, Settings settings) {
        List<String> rules = settings.getAsList("mappings");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("mapping requires `mappings` to be configured for [" + name + "]");
        }
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String rule : rules) {
            int arrow = rule.indexOf("=>");
            if (arrow < 0) {
                throw new IllegalArgumentException("Invalid mapping rule [" + rule + "]");
            }
            map.add(unescape(rule.substring(0, arrow).trim()), unescape(rule.substring(arrow + 2).trim()));
        }
        NormalizeCharMap built = map.build();
        return new NormalizingCharFilter(name, reader -> new MappingCharFilter(built, reader));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\ ", " ");
    }

    private static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> create) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return create.apply(tokenStream);
            }
        };
    }

    private static TokenFilterFactory normalizingFilter(String name, UnaryOperator<TokenStream> create) {
        return new NormalizingFilter(name, create);
    }

    private static TokenizerFactory tokenizer(String name, Supplier<Tokenizer> create) {
        return new AbstractTokenizerFactory(name) {
            @Override
            public Tokenizer create() {
                return create.get();
            }
        };
    }

    /** Char filters that also apply to keyword normalizers and query terms. */
    private static final class NormalizingCharFilter extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final UnaryOperator<Reader> create;

        NormalizingCharFilter(String name, UnaryOperator<Reader> create) {
            super(name);
            this.create = create;
        }

        @Override
        public Reader create(Reader reader) {
            return create.apply(reader);
        }
    }

    private static final class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final UnaryOperator<TokenStream> create;

        NormalizingFilter(String name, UnaryOperator<TokenStream> create) {
            super(name);
            this.create = create;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return create.apply(tokenStream);
        }
    }
}
