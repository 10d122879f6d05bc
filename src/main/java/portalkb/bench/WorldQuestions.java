package portalkb.bench;

import portalkb.bench.WorldTemplates.Lang;
import portalkb.bench.WorldTemplates.Measure;
import portalkb.bench.WorldTemplates.QuestionShapes;
import portalkb.core.BadParameterException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Superlative questions over the world: "Which province had the highest health insurance coverage in 2021?", "Năm
 * 2022, tỉnh nào có tỷ lệ hộ nghèo thấp nhất?". Measure, year and order are drawn with the seed, no two alike in a
 * language; the answer is the one province at the top or bottom (unique: {@link WorldValues} draws again on ties).
 */
final class WorldQuestions {

    private WorldQuestions() {
    }

    static List<WorldLines.Question> draw(WorldTemplates templates, WorldValues values, long seed, int from, int to, int perLanguage) {
        int possible = templates.measures().size() * (to - from + 1) * 2;
        if (perLanguage > possible) {
            throw new BadParameterException("questions", "only " + possible + " different questions per language exist for " + from + "–" + to);
        }
        List<WorldLines.Question> questions = new ArrayList<>();
        for (Lang lang : List.of(Lang.EN, Lang.VI)) {
            Random random = WorldRandom.of(seed, "questions", lang);
            Set<String> asked = new HashSet<>();
            while (asked.size() < perLanguage) {
                Measure m = templates.measures().get(random.nextInt(templates.measures().size()));
                int year = from + random.nextInt(to - from + 1);
                boolean highest = random.nextBoolean();
                if (asked.add(m.id() + year + highest)) {
                    String id = "world-" + lang.code() + "-" + String.format("%02d", asked.size());
                    questions.add(question(id, templates.questions().of(lang), lang, m, year, highest, values, random));
                }
            }
        }
        return questions;
    }

    private static WorldLines.Question question(String id, QuestionShapes shapes, Lang lang, Measure m, int year, boolean highest,
                                                WorldValues values, Random random) {
        String superlative = shapes.superlatives().get(m.isCount() ? (highest ? "most" : "fewest") : (highest ? "high" : "low"));
        List<String> asks = m.ask().of(lang);
        String phrase = superlative.replace("{q}", asks.get(random.nextInt(asks.size())));
        String template = shapes.templates().get(random.nextInt(shapes.templates().size()));
        String question = template.replace("{phrase}", phrase).replace("{year}", Integer.toString(year));
        WorldProvince answer = values.provinces().getFirst();
        for (WorldProvince p : values.provinces()) {
            double value = values.value(m, p.index(), year);
            double best = values.value(m, answer.index(), year);
            if (highest ? value > best : value < best) {
                answer = p;
            }
        }
        return new WorldLines.Question(id, lang.code(), question, m.id(), year, highest ? "desc" : "asc", answer.name(),
            values.value(m, answer.index(), year), m.unit());
    }
}
