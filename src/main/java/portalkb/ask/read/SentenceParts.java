package portalkb.ask.read;

import portalkb.ask.question.QuestionWords;
import portalkb.core.PlaceWords;
import portalkb.figures.FigureExtractor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sentence cut into parts (at commas, semicolons, "và", "trong đó", …), so a number is read with the words of its own part. */
final class SentenceParts {

    /** Where a sentence's parts end: punctuation, and "và", "trong đó", "nhưng", "and", "while". */
    static final Pattern PART_BREAK = Pattern.compile("[,;:]|\\s(va|trong do|nhung|and|while|whereas)\\s");
    /** Breaks between statements, not within one: a concept before such a break belongs to another figure. */
    static final Pattern STRONG_BREAK = Pattern.compile("[;:]|\\s(va|trong do|nhung|and|while|whereas)\\s");
    /** A kind of administrative unit ("huyện", "thành phố", "xã", "phường", "district"), from place-words.yaml. */
    private static final String KIND = kinds();
    /** A comma inside a list of kinds ("6/11 huyện, thành phố thuộc diện …", "xã, phường, thị trấn") joins one noun. */
    private static final Pattern KIND_BEFORE = Pattern.compile("\\b(?:" + KIND + ")\\s*$");
    private static final Pattern KIND_AFTER = Pattern.compile("^\\s*(?:" + KIND + ")\\b");

    private SentenceParts() {
    }

    /**
     * The words of the number's part of the sentence; with {@code withPrevious}, and of the part before it.
     * A part that starts with the number ("…nhiều ca nhất: 1.198 ca") always takes the part before.
     */
    static List<String> window(Sentence s, int[] part, int at, boolean withPrevious) {
        if (part.length == 0) {
            return List.of();
        }
        int own = part[Math.min(at, part.length - 1)];
        boolean startsWithNumber = at == 0 || at < part.length && part[at - 1] != own;
        int from = withPrevious || startsWithNumber ? own - 1 : own;
        int head = listHead(s, part, at);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < part.length; i++) {
            if (part[i] >= from && part[i] <= own || part[i] == head) {
                out.add(s.words().get(i));
            }
        }
        return out;
    }

    /**
     * The part that ends at the colon a list opens with, when the number is one of the list's items ("đạt tỷ lệ bảo
     * hiểm y tế trên 93% như: xã A đạt 93,01%, xã B đạt 97,05%"): each item is about what the head names. -1 otherwise.
     */
    static int listHead(Sentence s, int[] part, int at) {
        if (part.length == 0 || at <= 0) {
            return -1;
        }
        int colon = s.text().lastIndexOf(':', s.wordStarts().get(Math.min(at, part.length - 1)));
        if (colon <= 0) {
            return -1;
        }
        int before = s.wordIndexAt(colon) - 1;
        return before >= 0 && before < part.length ? part[before] : -1;
    }

    /** The part of the sentence each word is in. */
    static int[] parts(Sentence s, Pattern breakPattern) {
        int[] out = new int[s.words().size()];
        String folded = FigureExtractor.foldKeepingLength(s.text());
        Matcher b = breakPattern.matcher(folded);
        List<Integer> breaks = new ArrayList<>();
        while (b.find()) {
            // A decimal comma is not a break.
            boolean decimal = b.group().equals(",") && b.start() > 0 && b.end() < s.text().length()
                && Character.isDigit(s.text().charAt(b.start() - 1)) && Character.isDigit(s.text().charAt(b.end()));
            if (!decimal && !(b.group().equals(",") && joinsKinds(folded, b.start()))) {
                breaks.add(b.start());
            }
        }
        int part = 0;
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            while (next < breaks.size() && breaks.get(next) < s.wordStarts().get(i)) {
                part++;
                next++;
            }
            out[i] = part;
        }
        return out;
    }

    private static boolean joinsKinds(String folded, int comma) {
        return KIND_BEFORE.matcher(folded.substring(Math.max(0, comma - 24), comma)).find()
            && KIND_AFTER.matcher(folded.substring(comma + 1, Math.min(folded.length(), comma + 24))).find();
    }

    private static String kinds() {
        List<String> words = new ArrayList<>();
        for (PlaceWords.Level level : List.of(PlaceWords.Level.PROVINCE, PlaceWords.Level.DISTRICT, PlaceWords.Level.COMMUNE)) {
            words.addAll(PlaceWords.get().of(level).before());
            words.addAll(PlaceWords.get().of(level).after());
        }
        return String.join("|", words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList());
    }

    static int contentWords(Sentence s, int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, s.words().size()); i++) {
            String w = s.words().get(i);
            if (!QuestionWords.INSTANCE.viStopwords().contains(w) && !QuestionWords.INSTANCE.enStopwords().contains(w) && !w.matches("\\d+")) {
                n++;
            }
        }
        return n;
    }

    /** The number opens its part ("…nhiều ca nhất: 1.198 ca"). */
    static boolean windowStartsAt(int[] part, int at) {
        return at == 0 || at < part.length && part[at - 1] != part[at];
    }
}
