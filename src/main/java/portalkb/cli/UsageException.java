package portalkb.cli;

/** Wrong arguments; the message says the right ones. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
