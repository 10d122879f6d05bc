package portalkb.crawl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import portalkb.config.AppConfig;
import portalkb.config.ConfigLoader;
import portalkb.core.Gazetteer;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** crawler/provinces.yaml: the catalogue of every province's portal, newspaper and health department. */
class ProvinceCatalogueTest {

    private static final Path CATALOGUE = Path.of("crawler/provinces.yaml");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static List<Source> sources;

    @BeforeAll
    static void load() {
        AppConfig.Crawler defaults = ConfigLoader.load(null, Map.of(), Map.of()).crawler();
        sources = SourcesFile.load(CATALOGUE, defaults);
    }

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Source s : sources) {
            assertTrue(seen.add(s.id()), "id used twice: " + s.id());
        }
    }

    @Test
    void everyProvinceBeforeAndAfterTheMergerHasASource() {
        Gazetteer gazetteer = Gazetteer.get();
        Set<String> covered = sources.stream().map(Source::province).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Gazetteer.Province p : gazetteer.provinces()) {
            if (!covered.contains(p.name())) {
                missing.add(p.name());
            }
        }
        assertEquals(Set.of(), missing, "provinces without a source");
        assertEquals(63, covered.size());
        Set<String> today = covered.stream().map(name -> gazetteer.today(gazetteer.resolve(name).orElseThrow()).name())
            .collect(Collectors.toSet());
        assertEquals(34, today.size(), "provinces of today covered");
    }

    @Test
    void everySourceSaysWhereItsAddressWasSeen() {
        for (Source s : sources) {
            assertNotNull(s.origin(), s.id() + " has no origin");
            assertTrue(s.origin().length() >= 20, s.id() + ": origin too short to be checked: " + s.origin());
            assertTrue(s.origin().matches("(?s).*(page https?://|github |code-index id \\d+|devset article \\d{3}).*"),
                s.id() + ": origin names no page, repository, file or devset article: " + s.origin());
        }
    }

    @Test
    void everySourceIsScheduledPolitelyAtNight() {
        for (Source s : sources) {
            assertNotNull(s.schedule(), s.id() + " has no schedule");
            LocalTime at = startTime(s);
            assertTrue(at.isBefore(LocalTime.of(6, 0)), s.id() + " starts at " + at + ", not at night");
            assertTrue(s.delayMs() >= 1000, s.id() + ": delayMs " + s.delayMs() + " is not polite");
        }
    }

    @Test
    void schedulesAreSpreadOverTheNight() {
        Map<LocalTime, Integer> perMinute = new HashMap<>();
        sources.forEach(s -> perMinute.merge(startTime(s), 1, Integer::sum));
        int busiest = perMinute.values().stream().max(Integer::compare).orElse(0);
        assertTrue(busiest <= 2, "at most two sources may start in the same minute, saw " + busiest);
        TreeSet<LocalTime> starts = new TreeSet<>(perMinute.keySet());
        long spanMinutes = java.time.Duration.between(starts.first(), starts.last()).toMinutes();
        assertTrue(spanMinutes >= 180, "runs spread over at least three hours, saw " + spanMinutes + " minutes");
        assertTrue(starts.size() >= sources.size() * 9 / 10, "most sources start at their own minute");
    }

    @Test
    void noTwoSourcesOnOneHostStartInTheSameMinute() {
        Map<String, String> slots = new HashMap<>();
        for (Source s : sources) {
            LocalTime at = startTime(s);
            for (String seed : s.seeds()) {
                String key = URI.create(seed).getHost().replaceFirst("^www\\.", "") + " " + at;
                String other = slots.putIfAbsent(key, s.id());
                assertTrue(other == null || other.equals(s.id()), s.id() + " and " + other + " hit one host at " + at);
            }
        }
    }

    /** The time of day the source's cron fires next after a fixed midnight (its nightly start). */
    private static LocalTime startTime(Source s) {
        ZonedDateTime midnight = ZonedDateTime.of(2025, 7, 1, 0, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")).minusSeconds(1);
        return ExecutionTime.forCron(CRON.parse(s.schedule())).nextExecution(midnight).orElseThrow().toLocalTime();
    }
}
