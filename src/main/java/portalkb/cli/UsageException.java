package portalkb.cli;

/** Wrong arguments; the message says the right ones. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
