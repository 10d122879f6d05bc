package portalkb.index;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, each at most {@code maxChars} long: a longer one is skipped to its end without being held and
 * comes back as {@link #TOO_LONG}, so one huge line cannot fill the memory of an import.
 */
final class BoundedLines {

    /** What {@link #next} returns for a line past the limit (compared by identity). */
    static final String TOO_LONG = new String("(line too long)");

    private final Reader reader;
    private final int maxChars;

    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator (\n, \r\n or \r), {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                break;
            }
            if (!tooLong) {
                if (line.length() >= maxChars) {
                    tooLong = true;
                    line = null;
                } else {
                    line.append((char) c);
                }
            }
            c = reader.read();
        }
        return tooLong ? TOO_LONG : line.toString();
    }
}
