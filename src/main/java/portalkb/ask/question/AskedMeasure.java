package portalkb.ask.question;

import portalkb.figures.Glossary;
import portalkb.figures.MeasureKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a question asks to measure, in the words an open measure's key is made of ({@link MeasureKeys}): the
 * question without its question words, rank words, places, years and stopwords, an English one put into the
 * Vietnamese portals write. {@code share}: it asks for a share or rate ("tỷ lệ", "%", "coverage"); {@code rendered}: the
 * words are a rendering of an English question (words the glossary lacks stay English).
 */
public record AskedMeasure(List<String> words, boolean share, boolean rendered) {

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern RANK_WORDS = Pattern.compile("\\b(nhieu|it|cao|thap|nhat|highest|lowest|most|fewest|least|largest"
        + "|smallest|best|worst|top|rank|ranking|ranked|dung|dau|dan dau|xep hang|cuoi|higher|lower|greatest)\\b");

    static AskedMeasure of(String restFolded, boolean english) {
        QuestionWords w = QuestionWords.INSTANCE;
        String s = restFolded;
        for (List<Pattern> patterns : List.of(w.quantity(), w.when(), w.trend())) {
            for (Pattern p : patterns) {
                s = p.matcher(s).replaceAll(" ");
            }
        }
        for (List<Pattern> patterns : w.whichPlace().values()) {
            for (Pattern p : patterns) {
                s = p.matcher(s).replaceAll(" ");
            }
        }
        s = YEAR.matcher(s).replaceAll(" ");
        s = RANK_WORDS.matcher(s).replaceAll(" "); // "nhiều xã đạt chuẩn NTM nhất": the words between are the measure
        String vietnamese = english ? MeasureKeys.vietnamese(s) : s;
        List<String> out = new ArrayList<>();
        for (String word : MeasureKeys.words(vietnamese)) {
            if (!w.notMeasure().contains(word)) {
                out.add(word);
            }
        }
        return new AskedMeasure(List.copyOf(out), QuestionWords.any(w.percent(), Glossary.fold(restFolded)), english);
    }
}
