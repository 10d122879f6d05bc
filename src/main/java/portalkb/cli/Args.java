package portalkb.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** --name value / --flag / positional words. */
public record Args(List<String> positional, Map<String, String> options) {

    public static Args parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--") && !BOOLEAN.contains(name)) {
                    options.put(name, args[++i]);
                } else {
                    options.put(name, "true");
                }
            } else {
                positional.add(a);
            }
        }
        return new Args(positional, options);
    }

    private static final List<String> BOOLEAN = List.of("json", "help", "no-embeddings", "no-browser", "all", "misses", "embeddings",
        "no-province", "province-only");

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + v + "'");
        }
    }

    public String word(int index, String what) {
        if (positional.size() <= index) {
            throw new UsageException(what);
        }
        return positional.get(index);
    }
}
