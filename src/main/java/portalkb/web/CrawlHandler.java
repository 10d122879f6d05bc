package portalkb.web;

import io.javalin.http.Context;
import portalkb.crawl.CrawlService;
import portalkb.crawl.SourceStatus;

import java.io.IOException;
import java.util.List;

/** GET /api/crawl/status (each source with provinceToday); POST /api/crawl/run?source= and POST /api/crawl/stop (admin token). */
final class CrawlHandler {

    private final CrawlService crawls;
    private final AdminGuard admin;

    CrawlHandler(CrawlService crawls, AdminGuard admin) {
        this.crawls = crawls;
        this.admin = admin;
    }

    /** /api/crawl/status: each source's state, as the admin or as the public sees it. */
    record Status(boolean adminEnabled, List<SourceStatus> sources) {
    }

    /** What POST /api/crawl/stop asked to stop. */
    record Stopping(List<String> stopping) {
    }

    void status(Context ctx) throws IOException {
        List<SourceStatus> sources = crawls == null ? List.of() : crawls.status();
        // The admin's own view has owners and raw errors; a wrong token counts against the client like on the actions.
        ctx.json(new Status(admin.enabled(), admin.enabled() && admin.authorized(ctx) ? sources : CrawlStatusView.forPublic(sources)));
    }

    void run(Context ctx) {
        admin.check(ctx);
        if (crawls == null) {
            throw new ApiException(409, "this server runs without a crawler");
        }
        try {
            ctx.status(202).json(crawls.run(ctx.queryParam("source"), "admin")); // {started, alreadyRunning}
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
    }

    void stop(Context ctx) {
        admin.check(ctx);
        ctx.json(new Stopping(crawls == null ? List.of() : crawls.stop()));
    }
}
