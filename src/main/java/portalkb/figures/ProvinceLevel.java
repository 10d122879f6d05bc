package portalkb.figures;

import portalkb.core.Gazetteer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a number found with a metric's cue states the province's level of it. Not a level: a change
 * ("giảm 1,5%", "tăng thêm 120 ca", "vượt 3%"), the starting value of "giảm từ 5,2% xuống 3,1%" without a
 * year of its own, a part ("trong đó có 6 xã"), a target or threshold ("chỉ tiêu 82,5%", "phấn đấu", "ít
 * nhất", "50 xã trở lên"), a share of a plan ("đạt 75% mục tiêu"), and a figure of a district or commune
 * ("huyện Long Mỹ … 85,53%", "toàn huyện có …").
 */
final class ProvinceLevel {

    // On folded text right before the number.
    private static final Pattern CHANGE = Pattern.compile(
        "(?<!\\p{L})(tang|giam|vuot)( them| duoc| manh| nhe)?( hon| tren| gan| khoang| xap xi)?\\s*$");
    private static final Pattern FROM = Pattern.compile("(?<!\\p{L})(tang|giam)[^;,]{0,20}\\stu\\s*$");
    private static final Pattern PART = Pattern.compile("(?<!\\p{L})trong do( co)?\\s*$");
    private static final Pattern THRESHOLD_BEFORE = Pattern.compile("(?<!\\p{L})(it nhat|toi thieu)\\s*$");
    /** Within the text since the last ";" (or the sentence start). "Chương trình mục tiêu quốc gia" is a programme's name. */
    private static final Pattern TARGET = Pattern.compile(
        "(?<!\\p{L})(chi tieu|muc tieu(?! quoc gia)|phan dau|du kien|du bao|ky vong)(?!\\p{L})");
    /** "Mục tiêu đến năm 2030: …; duy trì 100% xã …": everything after a target's colon is a target. */
    private static final Pattern TARGET_LIST = Pattern.compile(
        "(?<!\\p{L})(chi tieu|muc tieu(?! quoc gia)|phan dau|ke hoach)[^.;:]{0,60}:");
    // On folded text right after the number.
    private static final Pattern THRESHOLD_AFTER = Pattern.compile("^\\s*(%|\\p{L}+( \\p{L}+)?)?\\s*tro len");
    private static final Pattern OF_PLAN = Pattern.compile("^\\s*%\\s*(so voi )?(muc tieu|ke hoach|chi tieu|du toan|nhiem vu)");

    private ProvinceLevel() {
    }

    /** {@code before}: folded sentence up to the number; {@code rest}: folded text after it; {@code sentence} as written. */
    static boolean holds(String sentence, String before, String rest, boolean ownYearFollows) {
        String tail = before.length() > 60 ? before.substring(before.length() - 60) : before;
        if (CHANGE.matcher(tail).find() || PART.matcher(tail).find() || THRESHOLD_BEFORE.matcher(tail).find()
            || (!ownYearFollows && FROM.matcher(tail).find())) {
            return false;
        }
        if (THRESHOLD_AFTER.matcher(rest).find() || OF_PLAN.matcher(rest).find()) {
            return false;
        }
        if (TARGET.matcher(before.substring(before.lastIndexOf(';') + 1)).find() || TARGET_LIST.matcher(before).find()) {
            return false;
        }
        return !LowerPlaces.lastIsLower(sentence.substring(0, before.length()));
    }

    /** Districts, towns and communes named before a figure, against the province named after them. */
    static final class LowerPlaces {
        private static final Pattern LOWER = Pattern.compile(
            "(?<!\\p{L})(?<![Tt]hông tấn )(?:[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|[Pp]hường|TX\\.?)\\s*\\p{Lu}"
                + "|(?<!\\p{L})(?:[Tt]oàn|[Cc]ả) (?:huyện|quận|thị xã|xã|phường)(?!\\p{L})"
                + "|\\p{Lu}[\\p{L}']*(?: \\p{Lu}[\\p{L}']*)* là (?:xã|huyện|phường|quận)(?!\\p{L})");
        private static final Pattern PROVINCE = Pattern.compile(
            "(?<!\\p{L})(?:[Tt]oàn tỉnh|[Cc]ả tỉnh|[Tt]oàn thành phố|[Tt]ỉnh\\s+\\p{Lu})");
        private static final Pattern CITY = Pattern.compile(
            "(?<!\\p{L})(?:TP\\.?\\s*|[Tt]hành phố\\s+)(\\p{Lu}\\p{L}*(?:\\s\\p{Lu}\\p{L}*){0,3})");

        private LowerPlaces() {
        }

        static boolean lastIsLower(String text) {
            int lower = lastEnd(LOWER.matcher(text));
            int province = lastEnd(PROVINCE.matcher(text));
            Matcher city = CITY.matcher(text);
            while (city.find()) {
                // "TP. Đà Nẵng" is a province of its own; "TP Tuy Hòa", "thành phố Cao Bằng" (in the tỉnh) are not.
                boolean isProvince = Gazetteer.get().resolve(city.group(1)).filter(p -> !"tỉnh".equals(p.kind())).isPresent();
                if (isProvince) {
                    province = Math.max(province, city.end());
                } else {
                    lower = Math.max(lower, city.end());
                }
            }
            return lower > province;
        }

        private static int lastEnd(Matcher m) {
            int end = -1;
            while (m.find()) {
                end = m.end();
            }
            return end;
        }
    }
}
