package portalkb.core;

import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;

import java.util.ArrayList;
import java.util.List;

/** Province parameters in any spelling ("Lang Son", "lạng sơn", "tỉnh Lạng Sơn") → gazetteer names. */
public final class Provinces {

    private Provinces() {
    }

    /** The names of a list that are provinces (or their districts), and those that are not, as written. */
    public record Resolved(List<String> known, List<String> unknown) {
    }

    /** Like {@link #resolve}, but a name that is no province is set aside instead of refused. */
    public static Resolved resolveKnown(List<String> values) {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            try {
                known.addAll(resolve("provinces", List.of(v)));
            } catch (BadParameterException e) {
                unknown.add(v.strip());
            }
        }
        return new Resolved(List.copyOf(known), List.copyOf(unknown));
    }

    public static List<String> resolve(String parameter, List<String> values) {
        List<String> names = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            Province p = Gazetteer.get().resolve(v.strip())
                .or(() -> Gazetteer.get().byId(v.strip()))
                .or(() -> Gazetteer.get().provinceOfDistrict(v.strip()))
                .orElseThrow(() -> new BadParameterException(parameter, "unknown province '" + v.strip() + "'"));
            names.add(p.name());
        }
        return names;
    }
}
