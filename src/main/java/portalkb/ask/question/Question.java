package portalkb.ask.question;

import portalkb.figures.Glossary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A question analysed once ({@link QuestionAnalyzer}) and carried through retrieval and answering in the
 * query's metadata: its language, what kind of answer it wants, the places, years, periods and numbers
 * it names, and its key terms (folded, with the glossary's Vietnamese for English words).
 *
 * @param text     the question as asked
 * @param places   folded names of places below a province that the question names ("chau thanh a", "dai thang")
 * @param concepts what the question is about, each in the forms a sentence may write it (folded; Vietnamese and English)
 * @param units    folded unit nouns the answer should carry ("xa", "ca", "%", "giuong"), from "bao nhiêu X" / "how many X"
 * @param measure  what it asks to measure, in an open measure's words (a ranking over a measure the catalogue lacks)
 */
public record Question(String text, String lang, AnswerType type, PlaceLevel placeLevel, List<String> provinces,
                       List<String> places, List<Integer> years, List<Period> periods, List<AskedNumber> numbers,
                       List<Concept> concepts, List<String> units, List<String> metrics, Double threshold, boolean above,
                       AskedMeasure measure, Set<Asks> asks, List<String> words, String unknownPlace) {

    /** What else the question asks for, read once from its words (cues in question-words.yaml, {@code asks}). */
    public enum Asks {
        /** a target, not a level reached: "mục tiêu", "aims" */
        TARGET,
        /** a change: "tăng", "increase" */
        CHANGE,
        /** a whole: "tổng số", "in all" */
        TOTAL,
        /** the country's figure: "cả nước", "nationwide" */
        NATIONAL
    }

    public boolean asks(Asks what) {
        return asks.contains(what);
    }

    /**
     * One thing the question is about, in every form a sentence may write it: "bảo hiểm y tế" is also "bhyt"
     * and, in an English article, "health insurance". {@code vietnamese} says whether the forms include a
     * Vietnamese one (an English word the glossary does not know has none); {@code excluded}: the question
     * asks to leave it out ("excluding near-poor"), so a number that goes with it is not the answer; {@code fixed}:
     * a set phrase (glossary term, place name) that counts only as written, a part of it counting little;
     * {@code english}: how an English article would write it, or null; {@code focus}: what a quantity question
     * counts ("how many people <b>died</b>", "bao nhiêu <b>hộ cận nghèo</b>"), which the answer's number goes with.
     */
    public record Concept(List<String> forms, boolean vietnamese, boolean excluded, boolean fixed, String english, boolean focus) {
        /** A run of the question's own words: a sentence holding some of them matches in part. */
        public static Concept words(String run, boolean vietnamese) {
            return new Concept(List.of(run), vietnamese, false, false, vietnamese ? null : run, false);
        }
    }

    /** What the answer is. */
    public enum AnswerType {
        /** "Which province reached 97.9% …?", "huyện nào …" */
        WHICH_PLACE,
        /** "How many …", "bao nhiêu …", "what share …" */
        QUANTITY,
        /** "When …", "khi nào", "năm nào" */
        WHEN,
        /** "What happened in Yên Bái in 2020?", "tình hình …" */
        OPEN,
        /** "Compare Lạng Sơn and Yên Bái" (catalogued metric) */
        COMPARE,
        /** "Which provinces are above 95%?" (catalogued metric) */
        LIST,
        /** "Which province has the highest coverage?", "xếp hạng …" (catalogued metric, from the facts index) */
        RANK,
        /** "How did coverage change in Lạng Sơn from 2019 to 2023?" (catalogued metric, from the facts index) */
        TREND
    }

    /** The level of place a which-place question asks for. */
    public enum PlaceLevel { PROVINCE, DISTRICT, COMMUNE }

    /**
     * A period the question names: a year, optionally a month or a span of months ("9 tháng đầu năm 2014",
     * "end of September 2018", "tháng 3/2019"). Its folded Vietnamese forms are looked for in sentences.
     */
    public record Period(Integer year, Integer month, Integer months, List<String> forms) {
    }

    /**
     * A number as the question writes it. Matching is at the written precision: "97.9" is 97,9 and 97,90
     * but not 97,92; "147.645" and "147,645" may be 147645. {@code readings} holds every value the written
     * form can stand for.
     */
    public record AskedNumber(String written, List<Double> readings, boolean percent) {
        public boolean matches(double value) {
            for (double r : readings) {
                if (Math.abs(r - value) < 1e-9 * Math.max(1, Math.abs(r))) {
                    return true;
                }
            }
            return false;
        }

        /** The value a Vietnamese text would most likely write (the first reading). */
        public double value() {
            return readings.get(0);
        }
    }

    /** A ranking asks for the lowest first. */
    public boolean ascending() {
        return QuestionWords.any(QuestionWords.INSTANCE.ascending(), Glossary.fold(text));
    }

    /** The catalogued metric the question names first, or null. */
    public String metric() {
        return metrics.isEmpty() ? null : metrics.get(0);
    }

    /** The Vietnamese words retrieval searches for: each concept's first Vietnamese form. */
    public String vietnameseQuery() {
        StringBuilder out = new StringBuilder();
        for (Concept c : concepts) {
            if (c.vietnamese() && !c.excluded()) {
                out.append(c.forms().get(0)).append(' ');
            }
        }
        return out.toString().strip();
    }

    /** The English words retrieval searches for in English articles: each concept's English form. */
    public String englishQuery() {
        StringBuilder out = new StringBuilder();
        for (Concept c : concepts) {
            if (c.english() != null && !c.excluded()) {
                out.append(c.english()).append(' ');
            }
        }
        return out.toString().strip();
    }

    /** A follow-up ("and Bắc Kạn?", "còn năm 2022?") inherits what it leaves out from the previous question. */
    public Question withContext(Question previous) {
        if (previous == null || !isFollowUp()) {
            return this;
        }
        AnswerType t = type;
        if (provinces.size() == 1 && previous.type() == AnswerType.COMPARE) {
            t = AnswerType.COMPARE;
        } else if (type == AnswerType.OPEN) {
            t = previous.type() == AnswerType.WHICH_PLACE ? AnswerType.QUANTITY : previous.type();
        }
        List<String> p = provinces.isEmpty() && t != AnswerType.WHICH_PLACE && t != AnswerType.LIST ? previous.provinces() : provinces;
        List<Integer> y = years.isEmpty() ? previous.years() : years;
        // A follow-up naming another province leaves the previous question's lower places behind.
        boolean samePlace = provinces.isEmpty() || provinces.equals(previous.provinces());
        List<String> pl = places.isEmpty() && samePlace ? previous.places() : places;
        List<Concept> c = new ArrayList<>(concepts);
        previous.concepts().stream().filter(x -> !c.contains(x) && (samePlace || !previous.places().contains(x.forms().get(0))))
            .forEach(c::add);
        return new Question(text, lang, t, placeLevel, p, pl, y,
            periods.isEmpty() ? previous.periods() : periods, numbers, c, units.isEmpty() ? previous.units() : units,
            metrics.isEmpty() ? previous.metrics() : metrics, threshold, above, measure.words().isEmpty() ? previous.measure() : measure,
            asks, words, unknownPlace);
    }

    /** Short and naming no topic of its own: "and Yên Bái?", "còn năm 2022 thì sao?". */
    public boolean isFollowUp() {
        return metrics.isEmpty() && numbers.isEmpty() && text.strip().split("\\s+").length <= 5;
    }

    /** The same question with another answer language. */
    public Question inLanguage(String answerLang) {
        return new Question(text, answerLang, type, placeLevel, provinces, places, years, periods, numbers, concepts, units,
            metrics, threshold, above, measure, asks, words, unknownPlace);
    }

    /** The same question with provinces forced by the request ({@code province=} parameter). */
    public Question withProvinces(List<String> forced) {
        return forced.isEmpty() ? this : new Question(text, lang, type, placeLevel, forced, places, years, periods, numbers,
            concepts, units, metrics, threshold, above, measure, asks, words, unknownPlace);
    }
}
