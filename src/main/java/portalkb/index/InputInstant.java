package portalkb.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import portalkb.store.StoredInstant;

import java.io.IOException;
import java.time.Instant;

/** A time in an import line: what a stored time may be (a plain date too); anything else rejects the line, naming the field. */
final class InputInstant extends StdScalarDeserializer<Instant> {

    InputInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        Instant instant = text == null ? null : StoredInstant.parse(text.strip());
        if (instant == null) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a date or time");
        }
        return instant;
    }
}
