package portalkb.ask.answer;

import portalkb.ask.read.Sentence;
import portalkb.core.Gazetteer;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A province as the report names it and as it is today, for an answer's lead: "Thừa Thiên Huế (since 2025: Huế)",
 * "Yên Bái (since 2025: Lào Cai)". The name as reported is the gazetteer's spelling (with its diacritics) that the
 * article writes, "Thua Thien Hue" included; today's is the unit the 2025 merger made of it.
 */
final class ReportedProvince {

    private ReportedProvince() {
    }

    static String name(String province, Sentence s, AnswerPhrases say) {
        return reported(province, s) + sinceMerger(province, s, say);
    }

    /** The province as its article writes it: "Thừa Thiên Huế" for the gazetteer's "Huế". */
    static String reported(String province, Sentence s) {
        return Gazetteer.get().resolve(province).flatMap(p -> asWritten(p, s)).orElse(province);
    }

    /** " (since 2025: Huế)" when today's unit is not the one reported, else "". */
    static String sinceMerger(String province, Sentence s, AnswerPhrases say) {
        Optional<Gazetteer.Province> known = Gazetteer.get().resolve(province);
        if (known.isEmpty()) {
            return "";
        }
        String today = known.get().today();
        return Text.fold(reported(province, s)).equals(Text.fold(today)) ? "" : say.get("sinceMerger", "today", today);
    }

    /** The longest of the province's Vietnamese spellings whose words the sentence's article writes (the gazetteer's name for its own). */
    private static Optional<String> asWritten(Gazetteer.Province p, Sentence s) {
        String title = s.source().origin().title();
        String folded = Text.fold((title == null ? "" : title) + " " + s.source().text());
        List<String> spellings = new ArrayList<>(p.aliases());
        spellings.add(p.name());
        return spellings.stream().filter(a -> !a.equals(Text.fold(a)) && !a.contains(" - "))
            .filter(a -> Pattern.compile("\\b" + Pattern.quote(Text.fold(a)) + "\\b").matcher(folded).find())
            .max(java.util.Comparator.comparingInt(String::length))
            .map(a -> Text.fold(a).equals(Text.fold(p.name())) ? p.name() : a);
    }
}
