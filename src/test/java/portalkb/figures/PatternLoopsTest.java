package portalkb.figures;

import org.junit.jupiter.api.Test;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figure reader's hottest steps are loops written for speed (every sentence of every article goes through them);
 * each was a regular expression, kept here as its specification. The loop must give what the pattern gives on real
 * sentences and on random strings of Vietnamese letters (NFC and NFD), digits, separators, odd spaces and emoji.
 */
class PatternLoopsTest {

    private static final Pattern TOKEN = Pattern.compile("(\\d+(?:[.,]\\d+)*)|([\\p{L}\\p{M}][\\p{L}\\p{M}'’]*)|(\\S)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=[\\p{Lu}\\d“\"(])|\\n+");
    private static final Pattern NOT_KEPT = Pattern.compile("[^a-z0-9,.%/ -]");
    private static final Pattern LONE_MARK = Pattern.compile("(?<![0-9])[,.]|[,.](?![0-9])");
    private static final Pattern LONE_DASH = Pattern.compile("(?<![a-z0-9])-|-(?![a-z0-9])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final List<String> REAL = List.of(
        "Năm 2022, tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số; toàn tỉnh có 147.645 người tham gia.",
        "Toàn tỉnh có 10,8 bác sĩ/vạn dân. Số cơ sở hành nghề y tư nhân là 136 cơ sở!\n\nTheo Sở Y tế, 2.155 trẻ…",
        "In 2023, coverage reached 91.3 percent (up 2.5 points); the province's 1,400 ethnic students' results… “Good.”",
        "Xã Tân Lộc Bắc đạt 97,05%, xã Trí Lực đạt 96,38%; các địa phương còn lại đạt từ 83,36% trở lên.",
        "Ngày 15/3 theo Kế hoạch số 62-KH/UBND, tiêm cho 8.120 trẻ từ 2–5 tuổi. (GLO)- 6/11 huyện, thành phố.");
    private static final String ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯỆỳÝếẾạẠ" + "\u0300\u0301\u0303\u0309\u0323"
        + "0123456789" + ".,;:!?…-–/%'’“”\"()[]" + "  \t\n\r\u000B\f\u00A0\u2009" + "\uD83D\uDE00\uD835\uDC00";

    @Test
    void tokensAreWhatThePatternReads() {
        for (String s : inputs()) {
            assertEquals(byPattern(s), byLoop(s), s);
        }
    }

    @Test
    void sentencesAreCutWhereThePatternCuts() {
        for (String s : inputs()) {
            List<String> expected = new ArrayList<>();
            for (String piece : SENTENCE_END.split(Text.nfc(s))) {
                String t = Text.collapseSpaces(piece);
                if (!t.isEmpty()) {
                    expected.add(t);
                }
            }
            assertEquals(expected, FigureExtractor.sentences(s), s);
        }
    }

    @Test
    void theGlossaryFoldsAsItsPatternsDid() {
        for (String s : inputs()) {
            String t = NOT_KEPT.matcher(Text.fold(s)).replaceAll(" ");
            t = LONE_MARK.matcher(t).replaceAll(" ");
            t = LONE_DASH.matcher(t).replaceAll(" ");
            assertEquals(SPACES.matcher(t).replaceAll(" ").strip(), Glossary.fold(s), s);
        }
    }

    @Test
    void aSentenceNamesAYearOnlyWhereItHoldsOne() {
        for (String s : inputs()) {
            String folded = FigureExtractor.foldKeepingLength(s);
            boolean scanned = FigureYears.IN_TEXT.matcher(folded).find();
            if (scanned) {
                assertEquals(true, FigureYears.Named.holdsYear(folded), s);
            }
        }
    }

    private static List<String> inputs() {
        List<String> out = new ArrayList<>(REAL);
        REAL.forEach(s -> out.add(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)));
        Random random = new Random(7);
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                b.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            if (random.nextInt(4) == 0) {
                b.append(" năm 20").append(random.nextInt(10)).append(random.nextInt(10));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String byLoop(String s) {
        Tokens tokens = Tokens.of(s);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            assertEquals(s.substring(t.start(), t.end()), t.text());
            out.add(t.start() + ":" + t.end() + ":" + t.kind() + ":" + t.spaceBefore() + ":" + t.folded());
        }
        return String.join("|", out);
    }

    private static String byPattern(String s) {
        String folded = FigureExtractor.foldKeepingLength(s);
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int last = 0;
        while (m.find()) {
            String kind = m.group(1) != null ? "NUMBER" : m.group(2) != null ? "WORD" : "MARK";
            boolean space = m.start() > last || out.isEmpty();
            out.add(m.start() + ":" + m.end() + ":" + kind + ":" + space + ":" + folded.substring(m.start(), m.end()).replace('’', '\''));
            last = m.end();
        }
        return String.join("|", out);
    }
}
