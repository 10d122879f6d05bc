package portalkb.bench;

import portalkb.bench.Phrases.Phrase;
import portalkb.bench.WorldTemplates.ArticleText;
import portalkb.bench.WorldTemplates.Lang;
import portalkb.bench.WorldTemplates.Measure;
import portalkb.bench.WorldTemplates.People;
import portalkb.bench.WorldTemplates.Spelling;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One article being written: its province, year, language and random stream, the article-wide slots (names, dates,
 * people), the outlet's spelling habits, and each measure's slots (made once, so an article tells one story).
 */
final class ReportContext {

    /** A finished sentence of the body and the figures it states. */
    record Sentence(String text, List<WorldFigure> figures) {
    }

    private final WorldTemplates templates;
    private final WorldValues values;
    private final WorldProvince province;
    private final int year;
    private final Lang lang;
    private final Random random;
    private final LocalDate published;
    private final Slots article = new Slots();
    private final List<Spelling> spellings = new ArrayList<>();
    private final Map<String, Slots> measures = new HashMap<>();

    ReportContext(WorldTemplates templates, WorldValues values, WorldProvince province, int year, Lang lang, Random random,
                  LocalDate published) {
        this.templates = templates;
        this.values = values;
        this.province = province;
        this.year = year;
        this.lang = lang;
        this.random = random;
        this.published = published;
        if (lang == Lang.VI) {
            for (Spelling s : templates.article().spellings()) {
                if (random.nextDouble() < s.share()) {
                    spellings.add(s);
                }
            }
        }
        fillArticleSlots();
    }

    private void fillArticleSlots() {
        String kind = province.kindWord();
        LocalDate conference = published.minusDays(random.nextInt(2));
        int planned = 10 + random.nextInt(7);
        article.put("P", province.name()).put("Pen", province.english()).put("Pfull", kind + " " + province.name())
            .put("tinh", kind).put("toan", "toàn " + kind)
            .put("region", province.isCity() ? "city" : province.region().en())
            .put("year", year).put("prevYear", year - 1).put("nextYear", year + 1)
            .put("planned", planned).put("met", planned - random.nextInt(3))
            .put("day", conference.getDayOfMonth() + "/" + conference.getMonthValue())
            .put("dayEn", conference.format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH)))
            .put("code", code()).put("outlet", outletName()).put("slug", province.slug())
            .put("person", person()).put("personEn", WorldProvince.withoutMarks(person()))
            .put("views", 120 + random.nextInt(2400));
    }

    /** The paper's dateline code: the province's initials and O, as "LSO" (Lạng Sơn Online). */
    private String code() {
        StringBuilder code = new StringBuilder();
        for (String word : province.name().split("[\\s-]+")) {
            if (!word.isEmpty()) {
                code.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return code.append('O').toString();
    }

    String outletName() {
        return templates.article().outlet().name().replace("{P}", province.name());
    }

    String person() {
        People people = templates.article().people();
        return pick(people.family()) + " " + pick(people.middle()) + " " + pick(people.given());
    }

    WorldTemplates templates() {
        return templates;
    }

    ArticleText text() {
        return templates.article();
    }

    WorldValues values() {
        return values;
    }

    WorldProvince province() {
        return province;
    }

    int year() {
        return year;
    }

    Lang lang() {
        return lang;
    }

    Random random() {
        return random;
    }

    Slots article() {
        return article;
    }

    Slots measure(Measure m) {
        return measures.computeIfAbsent(m.id(), id -> MeasureSlots.of(this, m));
    }

    /** The article's slots and every given measure's value as {v:ID}: what titles may quote. */
    Slots titleSlots(Collection<Measure> stated) {
        Slots slots = new Slots(article);
        for (Measure m : stated) {
            slots.put("v:" + m.id(), measure(m).get("v").text());
        }
        return slots;
    }

    Sentence sentence(List<String> templates, Slots slots) {
        return finish(Phrases.pick(templates, slots, random));
    }

    /** Two shares in one sentence: "… lần lượt là 3,21% và 4,05%", "… were 3.21 and 4.05 percent, respectively". */
    Sentence pair(List<String> templates, Measure a, Measure b) {
        Slots.Slot va = measure(a).get("v");
        Slots.Slot vb = measure(b).get("v");
        Slots slots = new Slots(article).put("nameA", measure(a).get("name").text()).put("nameB", measure(b).get("name").text())
            .put("a", new Phrase(va.text(), va.figures())).put("b", new Phrase(vb.text(), vb.figures()));
        return sentence(templates, slots);
    }

    Sentence finish(Phrase phrase) {
        return new Sentence(spell(capitalised(phrase.text())), phrase.figures());
    }

    /** Text outside sentences with figures (titles, boilerplate) still follows the outlet's spelling. */
    String spell(String text) {
        String spelt = text;
        for (Spelling s : spellings) {
            spelt = spelt.replace(s.from(), s.to()).replace(capitalised(s.from()), capitalised(s.to()));
        }
        return spelt;
    }

    Phrase phrase(List<String> templates, Slots slots) {
        return Phrases.pick(templates, slots, random);
    }

    /** Clauses of a list sentence joined as the language does: "a; b; c" / "a, b and c", with all their figures. */
    Phrase joined(List<Phrase> clauses) {
        List<String> texts = clauses.stream().map(Phrase::text).toList();
        String text = lang == Lang.VI || texts.size() == 1 ? String.join("; ", texts)
            : String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.getLast();
        return new Phrase(text, clauses.stream().flatMap(c -> c.figures().stream()).toList());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private static String capitalised(String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
