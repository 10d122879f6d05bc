package portalkb.crawl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs each source on its cron {@code schedule} (Quartz syntax, cron-utils), in the portals' time zone.
 * A run that would overlap the source's previous one is skipped; each start gets a little jitter so
 * sources sharing a schedule do not hit at the same second; a run missed while the service was down
 * happens once at start.
 */
public final class CrawlScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("portalkb.crawl");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CrawlService crawls;
    private final long maxJitterMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crawl-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Instant> due = new ConcurrentHashMap<>();

    public CrawlScheduler(CrawlService crawls, long maxJitterMs) {
        this.crawls = crawls;
        this.maxJitterMs = maxJitterMs;
    }

    public void start() {
        for (Source s : crawls.sources()) {
            if (s.schedule() == null) {
                continue;
            }
            ExecutionTime cron = ExecutionTime.forCron(CRON.parse(s.schedule()));
            ZonedDateTime now = ZonedDateTime.now(ZONE);
            Optional<ZonedDateTime> previous = cron.lastExecution(now);
            try {
                Optional<Instant> lastStart = crawls.lastStart(s.id());
                if (previous.isPresent() && (lastStart.isEmpty() || lastStart.get().isBefore(previous.get().toInstant()))) {
                    LOG.info("source {} missed its run of {}; running it now", s.id(), previous.get());
                    due.put(s.id(), Instant.now());
                }
            } catch (IOException e) {
                LOG.warn("cannot read the last runs ({}); missed runs are not caught up", e.toString());
            }
            due.computeIfAbsent(s.id(), id -> next(cron));
            crawls.nextRun(s.id(), due.get(s.id()));
        }
        timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private Instant next(ExecutionTime cron) {
        long jitter = maxJitterMs <= 0 ? 0 : ThreadLocalRandom.current().nextLong(maxJitterMs);
        return cron.nextExecution(ZonedDateTime.now(ZONE)).map(t -> t.toInstant().plus(Duration.ofMillis(jitter))).orElse(null);
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            for (Source s : crawls.sources()) {
                if (s.schedule() == null) {
                    continue;
                }
                Instant at = due.get(s.id());
                ExecutionTime cron = ExecutionTime.forCron(CRON.parse(s.schedule()));
                if (at == null) {
                    due.put(s.id(), next(cron));
                } else if (!now.isBefore(at)) {
                    if (crawls.isRunning(s.id())) {
                        LOG.info("source {}: previous run still going; this run is skipped", s.id());
                    } else {
                        crawls.run(s.id(), "schedule");
                    }
                    due.put(s.id(), next(cron));
                }
                crawls.nextRun(s.id(), due.get(s.id()));
            }
        } catch (RuntimeException e) {
            // A bad sources file edit must not kill the scheduler: keep the last schedule and say why.
            LOG.warn("scheduler: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
