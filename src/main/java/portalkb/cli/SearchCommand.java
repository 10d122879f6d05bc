package portalkb.cli;

import portalkb.core.Provinces;
import portalkb.search.SearchRequest;
import portalkb.search.SearchResult;
import portalkb.search.SearchService;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.jsoup.parser.Parser;

/** {@code ./kb search "query" [--province P] [--source S] [--year Y] [--size N] [--json]}: the API's results in a terminal. */
final class SearchCommand {

    private final Args args;

    SearchCommand(Args args) {
        this.args = args;
    }

    int run(SearchService search, PrintStream out) throws IOException {
        String q = args.word(1, "./kb search \"query\" [--province P] [--json]");
        List<String> provinces = args.option("province", null) == null ? List.of() : Provinces.resolve("province", List.of(args.option("province", null)));
        List<String> sources = args.option("source", null) == null ? List.of() : List.of(args.option("source", null));
        List<Integer> years = args.option("year", null) == null ? List.of() : List.of(args.intOption("year", 0));
        SearchRequest request = new SearchRequest(q, provinces, sources, years, null, null, List.of(), args.intOption("page", 1),
            args.intOption("size", 10), SearchRequest.Sort.RELEVANCE);
        SearchResult result = search.search(request);
        if (args.has("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return 0;
        }
        out.printf("%d results (%d ms)%n%n", result.total(), result.took());
        int n = (request.page() - 1) * request.size();
        for (SearchResult.Hit hit : result.hits()) {
            out.printf("%d. %s%n   %s · %s · %s%n   %s%n   %s%n%n", ++n, hit.title(),
                hit.provinces().isEmpty() ? "province not determined" : String.join(", ", hit.provinces()), hit.sourceName() == null ? hit.source() : hit.sourceName(),
                hit.published() == null ? "undated" : hit.published().substring(0, 10), plain(hit.snippet()), hit.url());
        }
        return result.total() == 0 ? 1 : 0;
    }

    /** The snippet is HTML for the web; a terminal gets the text with matches in [brackets]. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String marked = html.replace("<mark>", "[").replace("</mark>", "]");
        return Parser.unescapeEntities(marked, false).replaceAll("\\s+", " ");
    }
}
