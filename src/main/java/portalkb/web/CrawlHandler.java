package portalkb.web;

import io.javalin.http.Context;
import portalkb.crawl.CrawlService;
import portalkb.crawl.SourceStatus;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /api/crawl/status (each source with provinceToday); POST /api/crawl/run?source= and POST /api/crawl/stop (admin token). */
final class CrawlHandler {

    private final CrawlService crawls;
    private final AdminGuard admin;

    CrawlHandler(CrawlService crawls, AdminGuard admin) {
        this.crawls = crawls;
        this.admin = admin;
    }

    void status(Context ctx) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("adminEnabled", admin.enabled());
        List<SourceStatus> sources = crawls == null ? List.of() : crawls.status();
        // The admin's own view has owners and raw errors; a wrong token counts against the client like on the actions.
        out.put("sources", admin.enabled() && admin.authorized(ctx) ? sources : CrawlStatusView.forPublic(sources));
        ctx.json(out);
    }

    void run(Context ctx) {
        admin.check(ctx);
        if (crawls == null) {
            throw new ApiException(409, "this server runs without a crawler");
        }
        try {
            CrawlService.Started started = crawls.run(ctx.queryParam("source"), "admin");
            ctx.status(202).json(Map.of("started", started.started(), "alreadyRunning", started.alreadyRunning()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
    }

    void stop(Context ctx) {
        admin.check(ctx);
        ctx.json(Map.of("stopping", crawls == null ? List.of() : crawls.stop()));
    }
}
