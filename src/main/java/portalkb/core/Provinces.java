package portalkb.core;

import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;

import java.util.ArrayList;
import java.util.List;

/** Province parameters in any spelling ("Lang Son", "lạng sơn", "tỉnh Lạng Sơn") → gazetteer names. */
public final class Provinces {

    private Provinces() {
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
