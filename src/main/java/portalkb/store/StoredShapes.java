package portalkb.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import java.io.IOException;

/**
 * Reads a list stored where one value is now expected as its first value. Elasticsearch accepts a list in any
 * field, and older imports kept what a line gave ({@code "author": ["A", "B"]}); one such document must not make
 * every search that finds it fail. The opposite case, one value where a list is expected, is Jackson's
 * {@code ACCEPT_SINGLE_VALUE_AS_ARRAY} (see {@link Json#STORED}).
 */
final class StoredShapes extends DeserializationProblemHandler {

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) throws IOException {
        if (token != JsonToken.START_ARRAY || targetType.isContainerType()) {
            return NOT_HANDLED;
        }
        return firstOf(parser, context, targetType);
    }

    /** The first value of the list the parser stands on (null when empty); the parser is left on its end. */
    static Object firstOf(JsonParser parser, DeserializationContext context, JavaType type) throws IOException {
        Object first = null;
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            first = context.readValue(parser, type);
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
        }
        return first;
    }
}
