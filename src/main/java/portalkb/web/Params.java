package portalkb.web;

import io.javalin.http.Context;
import portalkb.core.BadParameterException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Query-string parameters, validated: a bad value is a 400 naming the parameter. */
final class Params {

    private final Context ctx;
    private final int maxChars;

    Params(Context ctx, int maxChars) {
        this.ctx = ctx;
        this.maxChars = maxChars;
    }

    String text(String name) {
        String v = ctx.queryParam(name);
        if (v != null && v.length() > maxChars) {
            throw new BadParameterException(name, "longer than " + maxChars + " characters");
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Repeated or comma-separated values. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            if (v.length() > maxChars) {
                throw new BadParameterException(name, "longer than " + maxChars + " characters");
            }
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    int integer(String name, int fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "expected a whole number, got '" + v + "'");
        }
    }

    boolean flag(String name, boolean fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new BadParameterException(name, "expected true or false, got '" + v + "'");
    }

    Integer year(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        if (!v.matches("(19|20)\\d{2}")) {
            throw new BadParameterException(name, "expected a four-digit year, got '" + v + "'");
        }
        return Integer.valueOf(v);
    }

    List<Integer> years(String name) {
        List<Integer> out = new ArrayList<>();
        for (String v : list(name)) {
            if (!v.matches("(19|20)\\d{2}")) {
                throw new BadParameterException(name, "expected four-digit years, got '" + v + "'");
            }
            out.add(Integer.valueOf(v));
        }
        return out;
    }

    LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "expected a date as YYYY-MM-DD, got '" + v + "'");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase());
        }
        throw new BadParameterException(name, "expected one of " + String.join(", ", names) + ", got '" + v + "'");
    }
}
