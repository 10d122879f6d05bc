package portalkb.ask.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The years a sentence's words are about, told from those it compares with or changes from. */
public final class SentenceYears {

    /** "giảm từ 73,26% (2021) xuống còn 61,04%": the year a change starts from. */
    private static final Pattern CHANGE_FROM = Pattern.compile("\\b(tu|from)( \\d+){1,3}( phan tram| percent)?( nam| in)?$");
    public static final Pattern COMPARED_WITH = Pattern.compile("\\b(so voi|compared|than|cung ki|same period|over|trung binh)\\b");

    private SentenceYears() {
    }

    private static boolean isYear(String word) {
        return word.matches("(19|20)\\d{2}");
    }

    /** The years a sentence is about: not those it compares with ("giảm 5,96% so với năm 2022", "compared with 2016"). */
    public static List<String> own(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!isYear(words.get(i))) {
                continue;
            }
            String before = String.join(" ", words.subList(Math.max(0, i - 6), i));
            String close = String.join(" ", words.subList(Math.max(0, i - 4), i));
            if (!COMPARED_WITH.matcher(before).find() && !CHANGE_FROM.matcher(close).find()) {
                out.add(words.get(i));
            }
        }
        return out;
    }
}
