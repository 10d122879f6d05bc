package portalkb.extract;

import portalkb.core.Text;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese text typed in the pre-Unicode font encodings that many provincial PDFs still carry: TCVN3
 * (ABC, the ".Vn" fonts: one Latin-1 code per accented letter, "B¸o c¸o tæng kÕt") and VNI (the "VNI-"
 * fonts: a base letter followed by a mark character, "Baùo caùo toång keát"). A PDF made with such fonts
 * and no Unicode map gives those characters when read; {@link #read} tells them, converts them to
 * Unicode, and says when a text is neither readable nor convertible (glyph codes with no meaning),
 * so that no mojibake is ever indexed.
 */
public final class LegacyVietnamese {

    /** How a text was written. */
    public enum Encoding { UNICODE, TCVN3, VNI, UNREADABLE }

    /** The text as Unicode (null when unreadable), and how it was written. */
    public record Reading(String text, Encoding encoding) {
    }

    // TCVN3 (TCVN 5712:1993 VN3): each code on the first line is the letter below it.
    private static final String TCVN3 = "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\u00adøõö÷ùýúûüþ®¡¢§£¤¥¦";
    private static final String TCVN3_UNICODE = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂĐÊÔƠƯ";
    /** Codes TCVN3 uses for letters that ordinary Latin-1 text hardly ever contains. */
    private static final Pattern TCVN3_SIGNS = Pattern.compile("[¸µ¶·¹¨¾»¼½©ª«¬®¡¢§£¤¥¦Þ×Ø]");
    /** A TCVN3 "ư" (0xAD) that a PDF font's standard encoding turned into a hyphen between two letters ("n-íc" = "nước"). */
    private static final Pattern TCVN3_HYPHEN_U = Pattern.compile("(?<=\\p{L})[-\u00ad](?=\\p{L})");

    // VNI: a base letter, then one or two mark characters. Longest sequences first.
    private static final String[][] VNI = {
        {"aù", "á"}, {"aø", "à"}, {"aû", "ả"}, {"aõ", "ã"}, {"aï", "ạ"}, {"aâ", "â"}, {"aá", "ấ"}, {"aà", "ầ"}, {"aå", "ẩ"}, {"aã", "ẫ"},
        {"aä", "ậ"}, {"aê", "ă"}, {"aé", "ắ"}, {"aè", "ằ"}, {"aú", "ẳ"}, {"aü", "ẵ"}, {"aë", "ặ"},
        {"eù", "é"}, {"eø", "è"}, {"eû", "ẻ"}, {"eõ", "ẽ"}, {"eï", "ẹ"}, {"eâ", "ê"}, {"eá", "ế"}, {"eà", "ề"}, {"eå", "ể"}, {"eã", "ễ"}, {"eä", "ệ"},
        {"où", "ó"}, {"oø", "ò"}, {"oû", "ỏ"}, {"oõ", "õ"}, {"oï", "ọ"}, {"oâ", "ô"}, {"oá", "ố"}, {"oà", "ồ"}, {"oå", "ổ"}, {"oã", "ỗ"}, {"oä", "ộ"},
        {"ôù", "ớ"}, {"ôø", "ờ"}, {"ôû", "ở"}, {"ôõ", "ỡ"}, {"ôï", "ợ"},
        {"uù", "ú"}, {"uø", "ù"}, {"uû", "ủ"}, {"uõ", "ũ"}, {"uï", "ụ"},
        {"öù", "ứ"}, {"öø", "ừ"}, {"öû", "ử"}, {"öõ", "ữ"}, {"öï", "ự"},
        {"yù", "ý"}, {"yø", "ỳ"}, {"yû", "ỷ"}, {"yõ", "ỹ"}, {"î", "ỵ"},
        {"í", "í"}, {"ì", "ì"}, {"æ", "ỉ"}, {"ó", "ĩ"}, {"ò", "ị"}, {"ô", "ơ"}, {"ö", "ư"}, {"ñ", "đ"},
        {"AÙ", "Á"}, {"AØ", "À"}, {"AÛ", "Ả"}, {"AÕ", "Ã"}, {"AÏ", "Ạ"}, {"AÂ", "Â"}, {"AÁ", "Ấ"}, {"AÀ", "Ầ"}, {"AÅ", "Ẩ"}, {"AÃ", "Ẫ"},
        {"AÄ", "Ậ"}, {"AÊ", "Ă"}, {"AÉ", "Ắ"}, {"AÈ", "Ằ"}, {"AÚ", "Ẳ"}, {"AÜ", "Ẵ"}, {"AË", "Ặ"},
        {"EÙ", "É"}, {"EØ", "È"}, {"EÛ", "Ẻ"}, {"EÕ", "Ẽ"}, {"EÏ", "Ẹ"}, {"EÂ", "Ê"}, {"EÁ", "Ế"}, {"EÀ", "Ề"}, {"EÅ", "Ể"}, {"EÃ", "Ễ"}, {"EÄ", "Ệ"},
        {"OÙ", "Ó"}, {"OØ", "Ò"}, {"OÛ", "Ỏ"}, {"OÕ", "Õ"}, {"OÏ", "Ọ"}, {"OÂ", "Ô"}, {"OÁ", "Ố"}, {"OÀ", "Ồ"}, {"OÅ", "Ổ"}, {"OÃ", "Ỗ"}, {"OÄ", "Ộ"},
        {"ÔÙ", "Ớ"}, {"ÔØ", "Ờ"}, {"ÔÛ", "Ở"}, {"ÔÕ", "Ỡ"}, {"ÔÏ", "Ợ"},
        {"UÙ", "Ú"}, {"UØ", "Ù"}, {"UÛ", "Ủ"}, {"UÕ", "Ũ"}, {"UÏ", "Ụ"},
        {"ÖÙ", "Ứ"}, {"ÖØ", "Ừ"}, {"ÖÛ", "Ử"}, {"ÖÕ", "Ữ"}, {"ÖÏ", "Ự"},
        {"YÙ", "Ý"}, {"YØ", "Ỳ"}, {"YÛ", "Ỷ"}, {"YÕ", "Ỹ"}, {"Î", "Ỵ"},
        {"Í", "Í"}, {"Ì", "Ì"}, {"Æ", "Ỉ"}, {"Ó", "Ĩ"}, {"Ò", "Ị"}, {"Ô", "Ơ"}, {"Ö", "Ư"}, {"Ñ", "Đ"}};
    /** A vowel followed by a VNI mark: "aù", "eä", "oà" — two letters that no Latin-1 language writes together this often. */
    private static final Pattern VNI_SIGNS = Pattern.compile("[aeiouyAEIOUY][ùøûõïâáàåãäêéèúüë]|[öô][ùøûõï]|\\bñ|\\bÑ");
    private static final Pattern VNI_SEQUENCE;
    private static final Map<String, String> VNI_MAP = new HashMap<>();
    /** Letters only Unicode Vietnamese has (beyond Latin-1). */
    private static final Pattern UNICODE_VIETNAMESE = Pattern.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]");
    /** Characters that mean the font's codes were not mapped to letters at all. */
    private static final Pattern NO_MEANING = Pattern.compile("[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f\ufffd\ue000-\uf8ff]");

    static {
        StringBuilder alternation = new StringBuilder();
        for (String[] pair : VNI) {
            VNI_MAP.put(pair[0], pair[1]);
            alternation.append(alternation.isEmpty() ? "" : "|").append(Pattern.quote(pair[0]));
        }
        VNI_SEQUENCE = Pattern.compile(alternation.toString());
    }

    private LegacyVietnamese() {
    }

    /** Reads a text (a page, a document) as Unicode; {@link Encoding#UNREADABLE} when too much of it has no meaning. */
    public static Reading read(String text) {
        if (text == null || text.isBlank()) {
            return new Reading(text, Encoding.UNICODE);
        }
        long letters = text.codePoints().filter(Character::isLetter).count();
        long meaningless = count(NO_MEANING, text);
        if (meaningless > 20 && meaningless * 5 > letters) {
            return new Reading(null, Encoding.UNREADABLE);
        }
        long unicode = count(UNICODE_VIETNAMESE, text);
        long tcvn3 = count(TCVN3_SIGNS, text);
        long vni = count(VNI_SIGNS, text);
        // Real Vietnamese in Unicode has these letters everywhere; legacy text has none (its codes are Latin-1).
        if (unicode * 4 >= Math.max(tcvn3, vni) && unicode > 0 || Math.max(tcvn3, vni) * 40 < letters) {
            return new Reading(text, Encoding.UNICODE);
        }
        return tcvn3 >= vni ? new Reading(fromTcvn3(text), Encoding.TCVN3) : new Reading(fromVni(text), Encoding.VNI);
    }

    /** {@code text} converted from {@code encoding} (a whole document's, as {@link #read} found it on a sample). */
    public static String convert(String text, Encoding encoding) {
        return switch (encoding) {
            case TCVN3 -> fromTcvn3(text);
            case VNI -> fromVni(text);
            default -> text;
        };
    }

    static String fromTcvn3(String text) {
        String hyphenFixed = TCVN3_HYPHEN_U.matcher(text).replaceAll("ư");
        StringBuilder out = new StringBuilder(hyphenFixed.length());
        for (int i = 0; i < hyphenFixed.length(); i++) {
            char c = hyphenFixed.charAt(i);
            int at = TCVN3.indexOf(c);
            out.append(at >= 0 ? TCVN3_UNICODE.charAt(at) : c);
        }
        return Text.nfc(out.toString());
    }

    static String fromVni(String text) {
        Matcher m = VNI_SEQUENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(VNI_MAP.get(m.group())));
        }
        m.appendTail(out);
        return Text.nfc(out.toString());
    }

    private static long count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
