package portalkb.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Errors Jetty answers itself, before any route runs (an address over the header size: 414; headers too large: 431): the
 * site's page for the status instead of Jetty's "HTTP ERROR" table. Clients asking for JSON still get Jetty's JSON.
 */
final class ServerErrorPages extends ErrorHandler {

    /** Our page is written in UTF-8 whatever charset the client lists (Jetty's default, ISO-8859-1, has no Vietnamese). */
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        return super.generateAcceptableResponse(request, response, callback, contentType, List.of(StandardCharsets.UTF_8), code, message, cause);
    }

    @Override
    protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                  Throwable cause) throws IOException {
        writer.write(ErrorPages.page(code));
    }
}
