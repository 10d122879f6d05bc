package portalkb.cli;

import portalkb.ask.AskResponse;
import portalkb.ask.AskService;
import portalkb.store.Json;

import java.io.IOException;
import java.io.PrintStream;

/** {@code ./kb ask "question" [--province P] [--lang en|vi] [--json]}: the same object /api/ask returns. */
final class AskCommand {

    private final Args args;

    AskCommand(Args args) {
        this.args = args;
    }

    int run(AskService ask, PrintStream out) throws IOException {
        String question = args.word(1, "./kb ask \"question\" [--json]");
        AskResponse r = ask.ask(question, null, args.option("province", null), args.option("lang", null));
        if (args.has("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            return 0;
        }
        out.println(r.answer());
        out.println();
        for (AskResponse.Citation c : r.citations()) {
            out.printf("[%d] %s — %s, %s, %s%n    %s%n    %s%n", c.n(), c.title(), c.source(), c.province(),
                c.published() == null ? "undated" : c.published().substring(0, 10), c.quote().replaceAll("\\s+", " "), c.url());
        }
        out.printf("(%d ms)%n", r.tookMs());
        return 0;
    }
}
