package portalkb.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.http.Context;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pages a browser gets when something goes wrong (error-pages.yaml into error-page.html): the site's look, both
 * languages, the way back. API routes keep answering JSON ({@link #wantsPage}).
 */
final class ErrorPages {

    private record Text(String title, String text) {
    }

    private record Page(Text en, Text vi) {
    }

    private record File(Map<String, Page> pages) {
    }

    private static final Map<String, Page> PAGES = load();
    private static final String TEMPLATE = resource("/portalkb/web/error-page.html");

    private ErrorPages() {
    }

    /** The page for {@code status}. */
    static String page(int status) {
        return page(status, null);
    }

    /** The page for {@code status}, with {@code detail} (escaped) below the explanation, e.g. which parameter was wrong. */
    static String page(int status, String detail) {
        Page p = PAGES.getOrDefault(Integer.toString(status), PAGES.get("other"));
        return TEMPLATE.replace("{{status}}", Integer.toString(status))
            .replace("{{enTitle}}", escape(p.en().title())).replace("{{enText}}", escape(p.en().text()))
            .replace("{{viTitle}}", escape(p.vi().title())).replace("{{viText}}", escape(p.vi().text()))
            .replace("{{detail}}", detail == null || detail.isBlank() ? "" : "  <p class=\"meta\">" + escape(detail) + "</p>");
    }

    /** A person's page rather than an API client's: anything but /api/…, /health and /metrics. */
    static boolean wantsPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics"));
    }

    /** Answers {@code ctx} with the page of {@code status} when a person asked, else with the JSON error body. */
    static void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (wantsPage(ctx.path())) {
            ctx.html(page(status, status == 400 ? message : null));
        } else {
            ctx.json(ErrorBody.of(message, status));
        }
    }

    private static String escape(String s) {
        return Entities.escape(s);
    }

    private static Map<String, Page> load() {
        try (InputStream in = ErrorPages.class.getResourceAsStream("/portalkb/web/error-pages.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, File.class).pages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read portalkb/web/error-pages.yaml", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = ErrorPages.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
