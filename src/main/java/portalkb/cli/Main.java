package portalkb.cli;

import portalkb.config.AppConfig;
import portalkb.config.ConfigException;
import portalkb.config.ConfigLoader;
import portalkb.core.BadParameterException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./kb COMMAND …}: reads arguments, runs one command, maps every failure to a one-line message
 * and an exit code (no stack trace unless PORTALKB_DEBUG=1).
 */
public final class Main {

    private static final String USAGE = """
        usage: ./kb COMMAND [options]
          demo [--port N]            local Elasticsearch + sample corpus + web app (http://127.0.0.1:7070)
          serve [--port N] [--sources FILE]
                                     web app, API and scheduled crawls against the configured Elasticsearch
          es start|stop|status       the local Elasticsearch node of this data folder
          init                       create or verify the indices (index-config/)
          reindex                    apply changed index definitions: copy into new indices, switch aliases
          import FILE.jsonl          import articles, one JSON object per line
          crawl [--sources FILE] [--source ID] [--max-pages N] [--all] [--no-embeddings]
                                     crawl the sources (crawler/sources.yaml by default)
          sources check [--source ID] [--sources FILE]
                                     ask each source's robots.txt and seeds once: reachable, HTTP status, robots,
                                     feeds/sitemaps, links of the first listing that read as articles
          search "QUERY" [--province P] [--source S] [--year Y] [--size N] [--json]
                                     search articles as /api/search does
          ask "QUESTION" [--province P] [--lang en|vi] [--json]
                                     answer with citations as /api/ask does
          rank METRIC [--year Y] [--order asc|desc] [--limit N] [--json]
                                     provinces ranked on a metric (as /api/rank), conflicting figures marked
          trend METRIC --province P[,Q] [--from Y] [--to Y] [--json]
                                     a metric by year in provinces, with changes (as /api/trend)
          conflicts [METRIC] [--province P] [--year Y] [--json]
                                     figures that articles report with different values (as /api/conflicts)
          metrics [--discover] [--limit N] [--json]
                             the metric catalogue; --discover: the most frequent open measures found, with examples
          eval FILE.jsonl [--json]   ask each {id, question, answer_province?, answer_figure?}; print accuracy
          eval --devset DIR [--split dev|test|all] [--questions FILE] [--no-province] [--province-only] [--misses] [--json]
               [--features FILE]     load a devset into its own indices, ask its questions; province accuracy per article
                                     (--no-province: no source names a province; --province-only: no questions asked;
                                     --features: the reader's candidates, labelled, for fit-reader)
          fit-reader FILE... [--out DIR]  fit the readers' weights to candidates labelled by eval --devset DIR --features FILE
          config                     print the effective configuration (secrets masked)
          status                     the knowledge base and each source's last crawl
          bench ingest [--docs N] [--warmup N]  our import vs bare _bulk loops on generated articles
          bench prepare [--docs N] [--devset DIR]  article preparation on one thread, generated and real text, with a digest of its output
          bench crawl [--pages N] [--threads T]   crawl a generated local site, then re-crawl it unchanged
          bench search [--docs N]    /api/search's query vs a bare match on N generated articles; figure extraction speed
          bench rank [--docs N]      rank and trend (FactAnalytics) vs a plain terms aggregation over the facts of N generated articles
          bench ask [--docs N] [--no-embeddings]   eval/bench-questions.jsonl vs the BM25 baseline, /api/ask latency, first streamed token
          bench questions [--docs N] [--count C]   write a question set over the benchmark generator's corpus
          bench soak [--minutes N] [--users U]     scheduled crawls, a reindex halfway, concurrent search/ask users; p95, errors, heap, RSS, lost articles
        global options: --config FILE (portalkb.yaml); environment: PORTALKB_DATA, ES_URL, ES_API_KEY, …
        """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Args parsed = Args.parse(args);
        if (parsed.positional().isEmpty() || parsed.has("help")) {
            System.out.print(USAGE);
            return parsed.positional().isEmpty() && !parsed.has("help") ? 2 : 0;
        }
        String command = parsed.positional().get(0);
        Map<String, Command> table = new Commands(parsed).table();
        Command handler = table.get(command);
        if (handler == null) {
            System.err.println((command.equals("bench") ? "benchmarks run through ./kb bench (portalkb.bench.BenchMain)"
                : "unknown command '" + command + "'") + "\n" + USAGE);
            return 2;
        }
        return exitCode(handler);
    }

    /** Runs one command and maps every failure to a one-line message and an exit code. */
    public static int exitCode(Command handler) {
        try {
            return handler.run();
        } catch (UsageException e) {
            System.err.println("usage: " + e.getMessage());
            return 2;
        } catch (BadParameterException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            return 130;
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + Errors.describe(e));
            if ("1".equals(System.getenv("PORTALKB_DEBUG"))) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /** The configuration with the command line's --config file and --port. */
    public static AppConfig config(Args args) {
        Map<String, String> overrides = new HashMap<>();
        if (args.has("port")) {
            overrides.put("server.port", Integer.toString(args.intOption("port", 7070)));
        }
        String file = args.option("config", null);
        return ConfigLoader.load(file == null ? null : Path.of(file), overrides);
    }

}
