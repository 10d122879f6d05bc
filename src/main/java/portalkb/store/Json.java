package portalkb.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson mappers of the app (ISO dates, unknown properties tolerated). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The Elasticsearch client's: stored documents are read leniently (a list where one value is expected, one value
     * where a list is), because the index holds what older builds and other tools wrote. Input (an imported line, a
     * request) stays strict through {@link #MAPPER}.
     */
    public static final ObjectMapper STORED = MAPPER.copy()
        .addHandler(new StoredShapes())
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private Json() {
    }
}
