package portalkb.extract;

import portalkb.core.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as Vietnamese portals write them: "12/05/2022 07:48:09", "(Cập nhật lúc: 26/04/2019
 * 10:22:19 )", "Thứ hai, 27/01/2020", "ngày 27 tháng 1 năm 2020", "27-01-2020 | 08:15", and ISO-8601 in
 * meta tags. Day first, always; times without a zone are Vietnam's (+07:00).
 */
public final class DateParser {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final Pattern NUMERIC = Pattern.compile(
        "(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-]((?:19|20)\\d{2})(?!\\d)(?:[^\\d]{0,12}?(\\d{1,2})[:hg](\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern TIME_FIRST = Pattern.compile(
        "(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(?:\\w{1,3}\\s*)?[,|-]?\\s*(?:[^\\d]{0,20})?(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern WORDS = Pattern.compile(
        "(?i)ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d{2})");

    private DateParser() {
    }

    /** The first date in {@code text}, as ISO-8601 with offset. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Text.nfc(text.strip());
        Optional<String> iso = iso(t);
        if (iso.isPresent()) {
            return iso;
        }
        Matcher m = TIME_FIRST.matcher(t);
        if (m.find()) {
            Optional<String> d = build(m.group(4), m.group(5), m.group(6), m.group(1), m.group(2), m.group(3));
            if (d.isPresent()) {
                return d;
            }
        }
        m = NUMERIC.matcher(t);
        while (m.find()) {
            Optional<String> d = build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
            if (d.isPresent()) {
                return d;
            }
        }
        m = WORDS.matcher(t);
        if (m.find()) {
            return build(m.group(1), m.group(2), m.group(3), null, null, null);
        }
        return Optional.empty();
    }

    private static Optional<String> iso(String t) {
        try {
            return Optional.of(OffsetDateTime.parse(t).toString());
        } catch (DateTimeParseException ignored) {
            // not ISO with offset
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atOffset(VIETNAM).toString());
        } catch (DateTimeParseException ignored) {
            // not ISO local
        }
        try {
            return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay().atOffset(VIETNAM).toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> build(String day, String month, String year, String hour, String minute, String second) {
        try {
            LocalDateTime time = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                .atTime(hour == null ? 0 : Integer.parseInt(hour), minute == null ? 0 : Integer.parseInt(minute),
                    second == null ? 0 : Integer.parseInt(second));
            return Optional.of(time.atOffset(VIETNAM).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
