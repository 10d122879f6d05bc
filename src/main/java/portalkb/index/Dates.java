package portalkb.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Publication dates as stored: ISO-8601 with offset (Vietnam's +07:00 when the source gives none). */
public final class Dates {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private Dates() {
    }

    public static String toIso(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).atOffset(VIETNAM).toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().atOffset(VIETNAM).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
