package portalkb.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads a stored time leniently: an instant, a date-time with offset, or a plain date (at midnight in
 * Vietnam); a list as its first value; anything else as null. Articles imported before fields were typed may hold any of these, and
 * one odd value must not make the article unreadable (its rewrite looks the live version up).
 */
public final class StoredInstant extends StdScalarDeserializer<Instant> {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    public StoredInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            Instant first = parser.nextToken() == JsonToken.END_ARRAY ? null : deserialize(parser, context);
            while (parser.currentToken() != JsonToken.END_ARRAY && parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
            return first;
        }
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        if (parser.currentToken().isNumeric()) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        String text = parser.getValueAsString();
        return text == null ? null : parse(text.strip());
    }

    /** An instant, a date-time with offset or a plain date (midnight in Vietnam); null for anything else. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(VIETNAM);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
