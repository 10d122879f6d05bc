package portalkb.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import portalkb.config.AppConfig;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * One connection to Elasticsearch, the same code path for the local node and an external cluster.
 * Owns the client and the index names derived from the configured prefix.
 */
public final class Elastic implements Closeable {

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final String url;

    private Elastic(ElasticsearchClient client, IndexNames names, String url) {
        this.client = client;
        this.names = names;
        this.url = url;
    }

    /**
     * Connects to the configured cluster; without an external URL, starts the local node of the data
     * folder first when nothing answers on its port.
     */
    public static Elastic connect(AppConfig config) throws IOException, InterruptedException {
        AppConfig.Elasticsearch es = config.elasticsearch();
        if (!es.external()) {
            new LocalNode(config).start();
        }
        return open(config);
    }

    /** Opens the client without starting anything (a down cluster shows up as request errors). */
    public static Elastic open(AppConfig config) throws IOException {
        AppConfig.Elasticsearch es = config.elasticsearch();
        String url = es.effectiveUrl();
        ObjectMapper mapper = Json.STORED;
        ElasticsearchClient client = ElasticsearchClient.of(b -> {
            b.hosts(hosts(url)).jsonMapper(new JacksonJsonpMapper(mapper));
            if (!es.apiKey().isBlank()) {
                b.apiKey(es.apiKey());
            } else if (!es.username().isBlank()) {
                b.usernameAndPassword(es.username(), es.password());
            }
            if (!es.caFile().isBlank()) {
                try {
                    b.sslContext(TransportUtils.sslContextFromHttpCaCrt(new File(es.caFile())));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read CA file " + es.caFile() + ": " + e.getMessage());
                }
            }
            return b;
        });
        return new Elastic(client, new IndexNames(es.indexPrefix()), es.displayUrl());
    }

    /** One URL, or several nodes of one cluster separated by commas: requests go round them, and past a node that is down. */
    static List<URI> hosts(String url) {
        List<URI> hosts = Arrays.stream(url.split(",")).map(String::strip).filter(h -> !h.isEmpty()).map(URI::create).toList();
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("elasticsearch.url names no host");
        }
        return hosts;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public IndexNames names() {
        return names;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
