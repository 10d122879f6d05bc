package portalkb.node;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code synonym_graph} / {@code synonym} in Solr format, from {@code synonyms} or {@code synonyms_path}.
 * Like Elasticsearch's own, the rules are analysed by the chain that precedes the filter, so a rule
 * written with diacritics also matches in a folded field.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {

    private final Settings settings;
    private final Environment environment;
    private final boolean graph;
    private final SynonymMap map;

    SynonymFilterFactory(String name, Settings settings, Environment environment, boolean graph) {
        this(name, settings, environment, graph, null);
    }

    private SynonymFilterFactory(String name, Settings settings, Environment environment, boolean graph, SynonymMap map) {
        super(name);
        this.settings = settings;
        this.environment = environment;
        this.graph = graph;
        this.map = map;
        if (!settings.hasValue("synonyms") && settings.get("synonyms_path") == null && settings.getAsList("synonyms").isEmpty()) {
            throw new IllegalArgumentException("synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (map == null || map.fst == null) {
            return tokenStream;
        }
        return graph ? new SynonymGraphFilter(tokenStream, map, true) : new SynonymFilter(tokenStream, map, true);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        // A graph cannot be indexed; like Elasticsearch, allow synonym_graph only in search analyzers.
        return graph ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext context, TokenizerFactory tokenizer,
                                                              List<CharFilterFactory> charFilters,
                                                              List<TokenFilterFactory> previousFilters,
                                                              Function<String, TokenFilterFactory> allFilters) {
        Analyzer chain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer.create();
                TokenStream stream = source;
                for (TokenFilterFactory filter : previousFilters) {
                    stream = filter.create(stream);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                for (CharFilterFactory charFilter : charFilters) {
                    reader = charFilter.create(reader);
                }
                return reader;
            }
        };
        try (chain) {
            SolrSynonymParser parser = new SolrSynonymParser(true, settings.getAsBoolean("expand", true), chain);
            parser.parse(new StringReader(rules()));
            return new SynonymFilterFactory(name(), settings, environment, graph, parser.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("failed to parse synonyms of [" + name() + "]: " + e.getMessage(), e);
        }
    }

    private String rules() throws IOException {
        List<String> inline = settings.getAsList("synonyms");
        if (!inline.isEmpty()) {
            return String.join("\n", inline);
        }
        Path path = environment.configDir().resolve(settings.get("synonyms_path"));
        return Files.readString(path);
    }
}
