package portalkb.figures;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report years a sentence names: the pattern is ordered for speed and must find what its plain form finds. */
class FigureYearsTest {

    /** The plain form: not after "so với (cùng kỳ)", "năm" or "/", a year of 19xx or 20xx. */
    private static final Pattern PLAIN = Pattern.compile("(?<!so voi (?:cung ky )?)(?:nam|/)\\s?((?:19|20)\\d{2})(?!\\d)");

    @Test
    void findsTheYearsOfItsPlainForm() {
        String[] pieces = {"nam", "nam ", "/", " ", "so voi ", "cung ky ", "2020", "1999", "20", "19", "1", "0", "tang 7 lan ", "a", "  "};
        Random random = new Random(2020);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(found(PLAIN, text.toString()), found(FigureYears.IN_TEXT, text.toString()), "for \"" + text + "\"");
        }
    }

    @Test
    void aYearComparedAgainstIsNoReportYear() {
        FigureYears.Named named = FigureYears.Named.in("nam 2023 so ca mac tang 7 lan so voi cung ky nam 2022, dat 95% (10/2023)");
        assertEquals(2023, named.last());
        assertEquals(2023, named.before(30));
        assertEquals(null, FigureYears.Named.in("tang so voi nam 2021").last());
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.start() + "-" + m.end() + ":" + m.group(1));
        }
        return out;
    }
}
