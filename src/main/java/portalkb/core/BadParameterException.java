package portalkb.core;

/** A request parameter that cannot be used; the message says why, {@link #parameter()} which one. */
public final class BadParameterException extends IllegalArgumentException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
