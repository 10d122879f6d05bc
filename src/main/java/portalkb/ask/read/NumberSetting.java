package portalkb.ask.read;

import portalkb.ask.question.Question;
import portalkb.core.PlaceWords;
import portalkb.ask.question.QuestionWords;
import portalkb.ask.question.Words;
import java.util.List;
import java.util.regex.Pattern;

/** Where and when a number in a sentence stands: the place written beside it, the year written after (or before) it. */
final class NumberSetting {

    /** A district or commune named beside the number (the kind words of core's place-words.yaml). */
    private static final Pattern OTHER_PLACE = PlaceWords.get().named(PlaceWords.Level.DISTRICT, PlaceWords.Level.COMMUNE);

    /** A sentence's words naming the country ("cả nước"): the same cue as a question's (question-words.yaml, asks.national). */
    private static final Pattern NATIONAL = QuestionWords.INSTANCE.asks().get(Question.Asks.NATIONAL);

    private final Question q;
    private final boolean askedNationally;

    NumberSetting(Question q) {
        this.q = q;
        this.askedNationally = q.asks(Question.Asks.NATIONAL);
    }

    /**
     * The place the question names goes with this number ("huyện Châu Thành A chỉ mới đạt 65,42%"): +0.8;
     * another place stands there instead ("huyện Long Mỹ … 85,53%"): -0.3.
     */
    double place(Sentence s, int[] part, int at) {
        List<String> own = SentenceParts.window(s, part, at, false);
        // "the national … rate of 85.6%", "cả nước đạt …": the country's figure in a province's article.
        if (!q.provinces().isEmpty() && !askedNationally && NATIONAL.matcher(String.join(" ", own)).find()) {
            return -0.5;
        }
        if (q.places().isEmpty()) {
            return 0;
        }
        for (String place : q.places()) {
            if (Words.indexOf(own, Words.of(place)) >= 0) {
                return 0.8;
            }
        }
        return OTHER_PLACE.matcher(String.join(" ", own)).find() ? -0.3 : 0;
    }

    /**
     * How close the nearest place the question names stands before the number in its part, 1 / (1 + words
     * between): "xã Tân Lộc Bắc đạt 97,05%" (1/2) is nearer than "huyện Thới Bình đạt tỷ lệ … trên 93%"; 0 when none.
     */
    double placeCloseness(Sentence s, int[] part, int at) {
        if (q.places().isEmpty() || part.length == 0) {
            return 0;
        }
        int own = part[Math.min(at, part.length - 1)];
        double best = 0;
        for (String place : q.places()) {
            List<String> p = Words.of(place);
            for (int i = 0; !p.isEmpty() && i + p.size() <= Math.min(at, s.words().size()); i++) {
                if (part[i] == own && s.words().subList(i, i + p.size()).equals(p)) {
                    best = Math.max(best, 1.0 / (1 + SentenceParts.contentWords(s, i + p.size(), at)));
                }
            }
        }
        return best;
    }

    /** A year in the number's part, close to it ("24,31% (năm 2010)"): the asked one +0.25, another -0.25. */
    double year(Sentence s, int[] part, int at, int end) {
        if (q.years().isEmpty() || part.length == 0) {
            return 0;
        }
        int own = part[Math.min(at, part.length - 1)];
        // A year written after the number goes with it ("9,5 triệu đồng/người/năm (2021) lên 14,38 … (hết năm 2023)"):
        // looked for first, up to eight words ahead; a year before it only when no other number owns that year.
        List<String> w = s.words();
        for (int i = end; i < Math.min(w.size(), end + 8) && part[i] == own; i++) {
            if (isYear(w.get(i))) {
                // "an increase of 132,505 people over the same period in 2016": the year compared with, not the number's.
                String lead = String.join(" ", w.subList(Math.max(end, i - 4), i));
                return SentenceYears.COMPARED_WITH.matcher(lead).find() ? 0 : yearScore(w.get(i));
            }
            if (w.get(i).matches("\\d.*")) {
                break;
            }
        }
        for (int i = at - 1; i >= Math.max(0, at - 4) && part[i] == own; i--) {
            if (isYear(w.get(i))) {
                for (int j = i - 1; j >= Math.max(0, i - 5); j--) {
                    if (w.get(j).matches("\\d.*") && !isYear(w.get(j))) {
                        return 0;
                    }
                }
                return yearScore(w.get(i));
            }
            if (w.get(i).matches("\\d.*")) {
                break;
            }
        }
        return 0;
    }

    private static boolean isYear(String word) {
        return word.matches("(19|20)\\d{2}");
    }

    private double yearScore(String year) {
        return q.years().contains(Integer.parseInt(year)) ? 0.25 : -0.25;
    }
}
