package portalkb.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON of every error the API answers (and the ask stream's "error" event); {@code parameter}: the one at fault, if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String error, String parameter, int status) {

    static ErrorBody of(String error, int status) {
        return new ErrorBody(error, null, status);
    }
}
