package portalkb.config;

/** A configuration problem the user can fix; its message is shown as is. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
