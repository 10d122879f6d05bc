package portalkb.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generated world's data file, {@code world-templates.yaml}: regions, province profiles, measures with their
 * models and sentences, and the rest of an article. Its header documents every field and template key.
 */
record WorldTemplates(Map<String, Region> regions, List<ProvinceProfile> provinces, List<Measure> measures,
                      ArticleText article, Langs<QuestionShapes> questions) {

    static final String RESOURCE = "/portalkb/bench/world-templates.yaml";

    enum Lang {
        VI, EN;

        String code() {
            return name().toLowerCase();
        }
    }

    /** One value per language. */
    record Langs<T>(T vi, T en) {
        T of(Lang lang) {
            return lang == Lang.VI ? vi : en;
        }
    }

    record Region(String en, double household, double communesPer100k, double urbanShare) {
    }

    record ProvinceProfile(String name, String region, int population, String capital, String en, Integer communes, Integer units) {
    }

    record Names(String en, String vi) {
    }

    record CountOf(String of, String id, String en, String vi, String unit) {
    }

    record Target(double change, int decimals) {
    }

    record Sentences(List<String> clauses, List<String> sentences) {
    }

    record Measure(String id, Names name, String unit, String group, String kind, String better, int decimals, String model,
                   Map<String, List<Double>> start, boolean per100k, String countOf, Double cityFactor, List<Double> yearly,
                   List<Double> yearShock, CountOf count, Target target, String districts, boolean breakdown,
                   Langs<List<String>> units, Langs<List<String>> deltaUnits, Langs<List<String>> say, Langs<List<String>> ask,
                   Sentences vi, Sentences en) {

        Sentences text(Lang lang) {
            return lang == Lang.VI ? vi : en;
        }

        /** What drifts is 100 minus the value: a share that nears 100 without reaching it. */
        boolean gap() {
            return model.equals("gap");
        }

        boolean isCount() {
            return kind.equals("count");
        }

        boolean isShare() {
            return kind.equals("share");
        }

        /** Does its value only ever move one way? Then direction words ("giảm còn", "fell to") are safe in its sentences. */
        boolean monotone() {
            return yearShock == null && Math.signum(yearly.get(0)) == Math.signum(yearly.get(1));
        }
    }

    record Outlet(String name, String source, String host, String section, Double share) {
    }

    record Spelling(String from, String to, double share) {
    }

    record Groups(List<String> health, List<String> social) {
    }

    record Signed(List<String> up, List<String> down) {
    }

    /** The country's figure: {@code all} shapes fit any measure, {@code mean} ones only what has an average (not counts). */
    record National(List<String> all, List<String> mean) {
        List<String> of(Measure m) {
            return m.isCount() ? all : Stream.concat(all.stream(), mean.stream()).toList();
        }
    }

    record DistrictText(List<String> share, List<String> count) {
    }

    record TargetText(List<String> wrappers, List<String> higher, List<String> lower) {
    }

    record Boilerplate(List<String> related, List<String> relatedTitles, List<String> trailers) {
    }

    record People(List<String> family, List<String> middle, List<String> given) {
    }

    record ArticleText(Outlet outlet, Outlet english, List<Spelling> spellings, Langs<List<String>> titles,
                       Langs<List<String>> leads, Langs<Groups> lists, Langs<Signed> changes, Langs<National> national,
                       Langs<List<String>> otherProvince, Langs<DistrictText> districts, Langs<List<String>> breakdown,
                       Langs<List<String>> pairs, Langs<TargetText> targets, Langs<Map<String, List<String>>> filler,
                       Langs<List<String>> closings, Langs<Boilerplate> boilerplate, People people) {
    }

    record QuestionShapes(List<String> templates, Map<String, String> superlatives) {
    }

    static WorldTemplates load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = WorldTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return yaml.readValue(in, WorldTemplates.class);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }

    Measure measure(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no measure " + id));
    }
}
