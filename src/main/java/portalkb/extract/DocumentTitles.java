package portalkb.extract;

import portalkb.core.Gazetteer;
import portalkb.core.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's title: the one in its metadata when it reads like a title (not "Microsoft Word -
 * bc.doc", "untitled"), else its first heading — on the first page, the largest line that is not the
 * state header of an official document ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …", the date line),
 * joined with the next line when it only names the kind of document ("BÁO CÁO" / "Kết quả …").
 */
final class DocumentTitles {

    private static final Pattern NOT_A_TITLE = Pattern.compile(
        "(?iu).*(\\.(docx?|xlsx?|pdf|rtf|odt)\\b|microsoft (word|excel)|^untitled|^document\\d*$|^slide\\s*\\d*$|^sheet\\d*$|^book\\d*$).*");
    private static final Pattern STATE_HEADER = Pattern.compile("(?iu)^(cộng hòa|cộng hoà|độc lập|ủy ban|uỷ ban|ubnd|sở |bộ |trung tâm|bệnh viện|"
        + "số:|số |v/v|kính gửi|nơi nhận|[-–_ .]+$|.*ngày\\s+\\d{1,2}\\s+tháng).*");
    private static final Pattern KIND_ONLY = Pattern.compile(
        "(?iu)^(báo cáo|kế hoạch|quyết định|thông báo|tờ trình|nghị quyết|công văn|chỉ thị|hướng dẫn|biểu|phụ lục|danh sách)\\s*$");
    private static final Pattern KIND_START = Pattern.compile(
        "(?iu)(báo cáo|kế hoạch|quyết định|thông báo|tờ trình|nghị quyết|công văn|chỉ thị|hướng dẫn|biểu|phụ lục|danh sách)\\s+");
    private static final int LINES_LOOKED_AT = 20;

    private DocumentTitles() {
    }

    static String choose(String metadataTitle, String heading) {
        String meta = metadataTitle == null ? "" : Text.collapseSpaces(metadataTitle);
        if (meta.split(" ").length >= 3 && !NOT_A_TITLE.matcher(meta).matches()) {
            return meta;
        }
        return heading != null && !heading.isBlank() ? heading : meta.isEmpty() ? null : meta;
    }

    /** The first heading of a page's lines (largest type among the first lines, state header skipped). */
    static String firstHeading(List<PdfLayout.Line> lines) {
        int best = -1;
        for (int i = 0; i < Math.min(LINES_LOOKED_AT, lines.size()); i++) {
            PdfLayout.Line line = lines.get(i);
            if (candidate(line) && (best < 0 || line.fontSize() > lines.get(best).fontSize() + 0.5f)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        String title = lines.get(best).text();
        if (KIND_ONLY.matcher(title).matches() && best + 1 < lines.size() && candidate(lines.get(best + 1))) {
            title = title + " " + lines.get(best + 1).text();
            if (best + 2 < lines.size() && candidate(lines.get(best + 2)) && !title.matches(".*[.:]$")
                && Math.abs(lines.get(best + 2).fontSize() - lines.get(best + 1).fontSize()) < 0.5f) {
                title = title + " " + lines.get(best + 2).text();
            }
        }
        return sentenceCase(title);
    }

    /** The first non-empty paragraph that is not state header, for files without page layout (Word). */
    static String firstParagraph(List<String> paragraphs) {
        for (int i = 0; i < Math.min(LINES_LOOKED_AT, paragraphs.size()); i++) {
            String p = Text.collapseSpaces(paragraphs.get(i));
            if (!p.isEmpty() && !STATE_HEADER.matcher(p).matches() && p.length() <= 250) {
                if (KIND_ONLY.matcher(p).matches() && i + 1 < paragraphs.size()) {
                    return sentenceCase(p + " " + Text.collapseSpaces(paragraphs.get(i + 1)));
                }
                return sentenceCase(p);
            }
        }
        return null;
    }

    private static boolean candidate(PdfLayout.Line line) {
        String text = line.text().strip();
        return line.cells().size() == 1 && text.length() >= 4 && text.length() <= 200 && text.chars().anyMatch(Character::isLetter)
            && !STATE_HEADER.matcher(text).matches();
    }

    /** "BÁO CÁO Kết quả …" → "Báo cáo kết quả …": words in capitals lowered (acronyms such as BHYT, HIV kept). */
    static String sentenceCase(String title) {
        String[] words = Text.collapseSpaces(title).split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean capitals = w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().anyMatch(Character::isLetter)
                && !w.matches(".*\\d.*") && !w.matches("[A-Z]{2,5}[,.:;]?");
            if (capitals) {
                w = i == 0 ? w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT) : w.toLowerCase(Locale.ROOT);
            }
            out.append(i == 0 ? "" : " ").append(w);
        }
        String result = out.toString();
        // The subject after the kind of document continues the sentence: "Báo cáo Kết quả" → "Báo cáo kết quả".
        Matcher kind = KIND_START.matcher(result);
        if (kind.lookingAt() && kind.end() < result.length() && Character.isUpperCase(result.charAt(kind.end()))
            && Gazetteer.get().mentions(result.substring(kind.end())).stream().noneMatch(p -> result.startsWith(p.name(), kind.end()))) {
            return result.substring(0, kind.end()) + Character.toLowerCase(result.charAt(kind.end())) + result.substring(kind.end() + 1);
        }
        return result;
    }
}
