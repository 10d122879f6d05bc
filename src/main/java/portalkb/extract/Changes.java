package portalkb.extract;

import java.util.regex.Pattern;

/**
 * Numbers that state a change, not a level: "giảm 1,5%", "tăng thêm 120 ca", "vượt 3%" (by how much),
 * and the starting value of "giảm từ 5,2% xuống 3,1%" when no year of its own follows it.
 */
final class Changes {

    /** Folded text right before the number. "giảm còn 2%", "tăng lên 95%" state the new level: no change. */
    private static final Pattern CHANGE = Pattern.compile("(?<![\\p{L}])(tang|giam|vuot)( them| duoc| manh| nhe)?\\s*$");
    private static final Pattern FROM = Pattern.compile("(?<![\\p{L}])(tang|giam)[^;,]{0,20}\\stu\\s*$");

    private Changes() {
    }

    static boolean isChange(String foldedBefore, boolean ownYearFollows) {
        String tail = foldedBefore.length() > 60 ? foldedBefore.substring(foldedBefore.length() - 60) : foldedBefore;
        return CHANGE.matcher(tail).find() || (!ownYearFollows && FROM.matcher(tail).find());
    }
}
