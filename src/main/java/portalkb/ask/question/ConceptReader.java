package portalkb.ask.question;

import portalkb.figures.Glossary;
import portalkb.core.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question is about: glossary terms and runs of its other content words as concepts (each with
 * the forms a sentence may write it in), what a quantity question counts, and the unit its answer carries.
 */
final class ConceptReader {

    /** "what score", "which number of": the noun a quantity question asks for. */
    private static final Pattern WHAT_NOUN = Pattern.compile("\\b(?:what|which)\\s+(\\w+(?:\\s+\\w+)?)");
    static final Pattern HOW_MANY = Pattern.compile("\\b(how many|how much|bao nhieu|may)\\b");
    /** A capitalised word after the first word of the question: part of a name. */
    private static final Pattern NAME_WORD = Pattern.compile("(?<=\\S\\s)\\p{Lu}[\\p{L}]+");

    private final QuestionWords words = QuestionWords.INSTANCE;

    /**
     * Glossary terms (every Vietnamese form, plus the words as asked) and the remaining content words, one
     * concept each; period words and stopwords are left out, as are the numbers (matched on their own).
     */
    List<Question.Concept> concepts(String original, String folded, List<Glossary.Match> matches, List<Periods.Found> periods,
                                            boolean english, List<String> places) {
        List<Question.Concept> out = new ArrayList<>();
        List<Glossary.Match> focus = focus(folded, matches);
        char[] free = folded.toCharArray();
        for (Periods.Found p : periods) {
            for (int i = p.start(); i < Math.min(p.end(), free.length); i++) {
                free[i] = ' ';
            }
        }
        for (Glossary.Match m : matches) {
            String asked = folded.substring(m.start(), m.end());
            for (int i = m.start(); i < m.end(); i++) {
                free[i] = ' ';
            }
            // A single question word ("tỉnh", "district") names no topic; a phrase of them ("đầu năm") does.
            List<String> askedWords = words(asked);
            if (askedWords.size() == 1 && isStopword(askedWords.get(0))) {
                continue;
            }
            List<String> forms = new ArrayList<>(m.term().vietnamese());
            for (String form : m.term().english()) {
                if (!forms.contains(form)) {
                    forms.add(form);
                }
            }
            if (!forms.contains(asked)) {
                forms.add(asked);
            }
            Matcher excluded = words.exclude().matcher(folded.substring(Math.max(0, m.start() - 25), m.start()));
            boolean isExcluded = false;
            while (excluded.find()) {
                isExcluded = excluded.end() == Math.min(25, m.start());
            }
            String englishForm = english ? asked : m.term().english().isEmpty() ? null : m.term().english().get(0);
            out.add(new Question.Concept(forms, true, isExcluded, true, englishForm, focus.contains(m)));
        }
        for (String place : places) {
            out.add(new Question.Concept(List.of(place), true, false, true, place, false));
        }
        Set<String> inPlaces = new LinkedHashSet<>();
        places.forEach(p -> inPlaces.addAll(words(p)));
        Set<String> names = new LinkedHashSet<>();
        Matcher capitalised = NAME_WORD.matcher(original);
        while (capitalised.find()) {
            names.add(Text.fold(capitalised.group()));
        }
        // The question's other words, in runs of neighbours ("số ca mắc", "outbreak clusters"): one concept per run.
        // A name ("Mars", "Hoa Phu") is written the same in any language, so a Vietnamese sentence must hold it too.
        String rest = words.stopPhrases().matcher(new String(free)).replaceAll("  ");
        List<String> run = new ArrayList<>();
        for (String piece : rest.split("\\s{2,}|[,.?!;:()\"]")) {
            for (String w : words(piece)) {
                boolean content = !isStopword(w) && !w.matches("[\\d.,/%-]+") && !inPlaces.contains(w);
                if (content) {
                    run.add(w);
                } else {
                    addRun(out, run, english, names);
                }
            }
            addRun(out, run, english, names);
        }
        return out;
    }

    /**
     * What a quantity question counts: the term after "how many" / "bao nhiêu" ("hộ cận nghèo") and what is said
     * of it right after ("người <b>tử vong</b>"); the number goes with either.
     */
    private static List<Glossary.Match> focus(String folded, List<Glossary.Match> matches) {
        Matcher m = HOW_MANY.matcher(folded);
        if (!m.find()) {
            return List.of();
        }
        List<Glossary.Match> after = matches.stream().filter(g -> g.start() >= m.end() && g.start() <= m.end() + 40).limit(2).toList();
        // "how many people died", "bao nhiêu trường hợp nhiễm HIV chuyển sang AIDS": the counted noun, and what is said of it.
        boolean modifierFirst = after.size() == 2 && after.get(0).term().units().isEmpty() && !after.get(1).term().units().isEmpty();
        if (after.size() == 2 && (after.get(1).start() - after.get(0).end() > 20 || modifierFirst)) {
            // "kindergarten-age children": the modifier says which children; "children" alone would fit any.
            return after.subList(0, 1);
        }
        return after;
    }

    private static void addRun(List<Question.Concept> out, List<String> run, boolean english, Set<String> names) {
        if (!run.isEmpty()) {
            boolean named = run.stream().anyMatch(names::contains);
            Question.Concept c = Question.Concept.words(String.join(" ", run), !english || named);
            if (!out.contains(c)) {
                out.add(c);
            }
            run.clear();
        }
    }

    /** The unit nouns of "bao nhiêu X" / "how many X", or "%" for a share or rate. */
    List<String> units(String folded, List<Glossary.Match> matches, Question.AnswerType type) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HOW_MANY.matcher(folded);
        Matcher what = WHAT_NOUN.matcher(folded);
        if (!m.find() && what.find()) {
            // "what score did …", "what number of …": the noun asked for is the unit, as after "how many".
            for (Glossary.Match g : matches) {
                if (g.start() >= what.start(1) && g.start() <= what.end() && !g.term().units().isEmpty()) {
                    out.addAll(g.term().units());
                    out.addAll(g.term().english());
                }
            }
        }
        m.reset();
        if (m.find()) {
            int end = m.end();
            for (Glossary.Match g : matches) {
                if (g.start() >= end && g.start() <= end + 30 && !g.term().units().isEmpty()) {
                    out.addAll(g.term().units());
                    // A term that is itself a unit ("xã", "nghìn tỷ đồng") is also written in English ("communes", "trillion").
                    if (g.term().units().stream().anyMatch(g.term().vietnamese()::contains)) {
                        out.addAll(g.term().english());
                    }
                    break;
                }
            }
            List<String> next = words(folded.substring(end));
            if (!next.isEmpty() && !next.get(0).matches("\\d.*")) {
                if (m.group(1).startsWith("how")) {
                    // "how many beds", "how many outbreak clusters": the English noun itself, for English articles.
                    next.stream().limit(3).filter(w -> !isStopword(w) && !w.equals("new")).findFirst().ifPresent(out::add);
                } else {
                    out.add(next.get(0));
                }
                if (next.size() > 1 && next.get(0).equals("phan") && next.get(1).equals("tram")) {
                    out.add("%");
                }
            }
        }
        if (out.isEmpty() && (type == Question.AnswerType.QUANTITY) && QuestionWords.any(words.percent(), folded)) {
            out.add("%");
        }
        return new ArrayList<>(out);
    }

    private boolean isStopword(String word) {
        return words.viStopwords().contains(word) || words.enStopwords().contains(word);
    }

    private static List<String> words(String folded) {
        List<String> out = new ArrayList<>();
        for (String w : folded.split("[\\s,.?!;:()\"]+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }
}
