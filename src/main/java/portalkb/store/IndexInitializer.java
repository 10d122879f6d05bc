package portalkb.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.transport.endpoints.BooleanResponse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Creates PortalKB's indices behind their aliases, or verifies them: an index whose definition in
 * index-config/ changed since it was created is reported as needing {@code ./kb reindex}.
 */
public final class IndexInitializer {

    public enum State { CREATED, UP_TO_DATE, OUTDATED }

    public record Result(String alias, String index, State state, String expectedIndex) {
        public String describe() {
            return switch (state) {
                case CREATED -> alias + ": created " + index;
                case UP_TO_DATE -> alias + ": up to date (" + index + ")";
                case OUTDATED -> alias + ": mapping changed (" + index + " → " + expectedIndex
                    + "); run ./kb reindex to apply it — search keeps using the old index until then";
            };
        }
    }

    private final Elastic elastic;

    public IndexInitializer(Elastic elastic) {
        this.elastic = elastic;
    }

    /** Every index created or verified; refreshing that a killed bulk load left off is turned back on ({@link BulkLoad#repair}). */
    public List<Result> initialise() throws IOException {
        List<Result> results = new ArrayList<>();
        for (String kind : IndexConfig.KINDS) {
            results.add(initialise(IndexConfig.load(kind)));
        }
        BulkLoad.repair(elastic);
        return results;
    }

    public Result initialise(IndexConfig config) throws IOException {
        ElasticsearchClient client = elastic.client();
        String alias = elastic.names().alias(config.kind());
        String expected = config.concreteName(elastic.names());
        String current = currentIndex(alias);
        if (current == null) {
            BooleanResponse clash = client.indices().exists(e -> e.index(alias));
            if (clash.value()) {
                throw new IOException("an index named " + alias + " exists but is not an alias; "
                    + "PortalKB keeps its indices behind aliases — rename or delete it");
            }
            createIndex(config, expected, alias);
            return new Result(alias, expected, State.CREATED, expected);
        }
        return new Result(alias, current, current.equals(expected) ? State.UP_TO_DATE : State.OUTDATED, expected);
    }

    /**
     * Creates {@code index} (named {@code <alias>-v…}) with this definition behind the kind's alias. A name
     * other than the definition's own makes it outdated: the soak benchmark's way to have a reindex to run.
     */
    public void createBehindAlias(IndexConfig config, String index) throws IOException {
        createIndex(config, index, elastic.names().alias(config.kind()));
    }

    void createIndex(IndexConfig config, String index, String aliasOrNull) throws IOException {
        try {
            elastic.client().indices().create(c -> {
                c.index(index).withJson(new StringReader(config.json()));
                if (aliasOrNull != null) {
                    c.aliases(aliasOrNull, a -> a.isWriteIndex(true));
                }
                return c;
            });
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // Another process created it at the same moment: fine.
        }
    }

    /** The concrete index behind an alias, or null when the alias does not exist. */
    public String currentIndex(String alias) throws IOException {
        if (!elastic.client().indices().existsAlias(a -> a.name(alias)).value()) {
            return null;
        }
        GetAliasResponse response = elastic.client().indices().getAlias(a -> a.name(alias));
        return response.aliases().keySet().stream().sorted().reduce((a, b) -> b).orElse(null);
    }
}
