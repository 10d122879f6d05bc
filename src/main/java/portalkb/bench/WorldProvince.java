package portalkb.bench;

import portalkb.bench.WorldTemplates.ProvinceProfile;
import portalkb.bench.WorldTemplates.Region;
import portalkb.core.Gazetteer;
import portalkb.core.Text;

import java.text.Normalizer;
import java.util.List;

/** A province of the world: the gazetteer's entry (name, kind, districts) with its profile from world-templates.yaml. */
record WorldProvince(int index, Gazetteer.Province gazetteer, ProvinceProfile profile, Region region) {

    /** 2019, the census year the profiles' populations are of. */
    private static final int CENSUS = 2019;
    private static final double POPULATION_GROWTH = 0.01;
    /** A centrally-run city has few rural communes for its size. */
    private static final double CITY_COMMUNES = 0.35;

    String name() {
        return gazetteer.name();
    }

    boolean isCity() {
        return gazetteer.kind().equals("thành phố");
    }

    /** How VietnamPlus spells it: the profile's spelling, else the name without diacritics ("Lạng Sơn" → "Lang Son"). */
    String english() {
        return profile.en() != null ? profile.en() : withoutMarks(name());
    }

    /** "tỉnh" or "thành phố": what the province calls itself in its own reports. */
    String kindWord() {
        return gazetteer.kind();
    }

    /** The provincial capital, where it is a city named in district lists; none for a centrally-run city. */
    String capital() {
        if (isCity()) {
            return null;
        }
        return profile.capital() != null ? profile.capital() : name();
    }

    /**
     * Districts a report may list as "huyện …": the gazetteer's, less the capital. A centrally-run city's list starts
     * with its urban quận, so only its second half (the rural huyện) is used.
     */
    List<String> districts() {
        List<String> all = gazetteer.districts();
        List<String> rural = isCity() ? all.subList(all.size() / 2, all.size()) : all;
        return rural.stream().filter(d -> !d.equals(capital())).toList();
    }

    /** "baolangson": the province folded, for the paper's source id and host. */
    String slug() {
        return Text.slug(name()).replace("-", "");
    }

    long population(int year) {
        return Math.round(profile.population() * 1000.0 * Math.pow(1 + POPULATION_GROWTH, year - CENSUS));
    }

    long households(int year) {
        return Math.round(population(year) / region.household());
    }

    /** Rural communes (xã), what the new-countryside programme counts. */
    long communes() {
        if (profile.communes() != null) {
            return profile.communes();
        }
        return Math.round(profile.population() / 100.0 * region.communesPer100k() * (isCity() ? CITY_COMMUNES : 1));
    }

    /** All commune-level units (xã, phường, thị trấn), what the commune health standard counts. */
    long communeUnits() {
        return profile.units() != null ? profile.units() : Math.round(communes() * 1.12);
    }

    long total(String of, int year) {
        return switch (of) {
            case "population" -> population(year);
            case "households" -> households(year);
            case "communes" -> communes();
            case "communeUnits" -> communeUnits();
            default -> throw new IllegalArgumentException("unknown total '" + of + "'");
        };
    }

    static String withoutMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'D');
        return decomposed.replaceAll("\\p{M}", "");
    }
}
