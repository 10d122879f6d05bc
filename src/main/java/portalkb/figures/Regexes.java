package portalkb.figures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Whole-string matches against regexes compiled once: the reader tests words in loops, where String.matches compiles anew. */
final class Regexes {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Regexes() {
    }

    static boolean matches(String text, String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
    }
}
