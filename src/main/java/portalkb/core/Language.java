package portalkb.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "vi" when a text uses Vietnamese letters, else "en": enough for portals that publish in both. */
public final class Language {

    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Language() {
    }

    /** A short phrase without a Vietnamese letter ("health insurance coverage"): read as English. */
    public static boolean isEnglish(String phrase) {
        return phrase != null && !VIETNAMESE.matcher(phrase).find() && phrase.chars().anyMatch(Character::isLetter);
    }

    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = VIETNAMESE.matcher(text);
        int hits = 0;
        while (m.find() && hits < 20) {
            hits++;
        }
        long letters = text.chars().filter(Character::isLetter).limit(2000).count();
        return hits >= Math.min(20, Math.max(2, letters / 50)) ? "vi" : "en";
    }
}
