package portalkb.bench;

import portalkb.bench.Phrases.Phrase;
import portalkb.bench.ReportContext.Sentence;
import portalkb.bench.WorldTemplates.ArticleText;
import portalkb.bench.WorldTemplates.Measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A VietnamPlus-style English story retelling part of a province's year: five to eight of its measures with the same
 * values, a national comparison, a target, a quote, "-VNA".
 */
final class EnglishReport {

    private final ReportContext c;
    private final ArticleText text;
    private final List<Measure> stated;

    EnglishReport(ReportContext c) {
        this.c = c;
        this.text = c.text();
        List<Measure> measures = new ArrayList<>(c.templates().measures());
        Collections.shuffle(measures, c.random());
        this.stated = List.copyOf(measures.subList(0, 5 + c.random().nextInt(4)));
    }

    /** The measures the story states, for its title. */
    List<Measure> stated() {
        return stated;
    }

    ReportBody write() {
        ReportBody body = new ReportBody();
        List<Measure> rest = new ArrayList<>(stated);
        Measure first = c.chance(0.5) ? rest.removeFirst() : null;
        int listed = Math.min(rest.size(), 2 + c.random().nextInt(2));
        List<Measure> inList = List.copyOf(rest.subList(0, listed));
        rest.removeAll(inList);
        List<Measure> shares = rest.stream().filter(Measure::isShare).limit(2).toList();
        boolean pair = shares.size() == 2 && c.chance(0.5);
        if (pair) {
            rest.removeAll(shares);
        }
        // The country's figure follows a measure's own sentence, never a list, so it is clear what it compares with.
        List<Measure> alone = new ArrayList<>(rest);
        if (first != null) {
            alone.add(first);
        }
        Measure national = alone.isEmpty() ? null : c.pick(alone);
        if (first == null) {
            body.paragraph(List.of(c.sentence(text.leads().en(), c.article())));
        } else {
            Sentence lead = c.sentence(first.en().sentences(), c.measure(first));
            body.paragraph(withExtras(new Sentence(c.article().get("Pen").text() + " (VNA) – " + lead.text(), lead.figures()), first, national));
        }
        List<Phrase> clauses = inList.stream().map(m -> c.phrase(m.en().clauses(), c.measure(m))).toList();
        boolean health = inList.stream().allMatch(m -> m.group().equals("health")); // "its health targets" only of health
        List<String> wrappers = health ? text.lists().en().health() : text.lists().en().social();
        body.paragraph(List.of(c.sentence(wrappers, new Slots(c.article()).put("items", c.joined(clauses)))));
        if (pair) {
            body.paragraph(List.of(c.pair(text.pairs().en(), shares.get(0), shares.get(1))));
        }
        for (Measure m : rest) {
            body.paragraph(withExtras(c.sentence(m.en().sentences(), c.measure(m)), m, national));
        }
        body.paragraph(target());
        body.paragraph(List.of(c.sentence(text.filler().en().get(c.pick(List.of("health", "social"))), c.article())));
        Sentence closing = c.sentence(text.closings().en(), c.article());
        body.paragraph(List.of(new Sentence(closing.text() + "-VNA", closing.figures())));
        body.line(c.pick(text.boilerplate().en().related()));
        List<String> titles = new ArrayList<>(text.boilerplate().en().relatedTitles());
        Collections.shuffle(titles, c.random());
        titles.stream().limit(2).forEach(t -> body.line(Phrases.fill(t, c.article(), c.random()).text()));
        return body;
    }

    private List<Sentence> withExtras(Sentence sentence, Measure m, Measure national) {
        List<Sentence> paragraph = new ArrayList<>(List.of(sentence));
        Slots slots = c.measure(m);
        if (m == national) {
            paragraph.add(c.sentence(text.national().en().of(m), slots));
        } else if (c.chance(0.2) && Phrases.anyFits(text.otherProvince().en(), slots)) {
            paragraph.add(c.sentence(text.otherProvince().en(), slots));
        } else if (c.chance(0.2) && m.districts() != null) {
            List<String> districts = m.districts().equals("share") ? text.districts().en().share() : text.districts().en().count();
            if (Phrases.anyFits(districts, slots)) {
                paragraph.add(c.sentence(districts, slots));
            }
        }
        return paragraph;
    }

    private List<Sentence> target() {
        List<Phrase> items = stated.stream().filter(m -> c.measure(m).has("target")).limit(1 + c.random().nextInt(2)).map(m -> {
            List<String> shapes = m.better().equals("higher") ? text.targets().en().higher() : text.targets().en().lower();
            return c.phrase(shapes, c.measure(m));
        }).toList();
        if (items.isEmpty()) {
            return List.of();
        }
        return List.of(c.sentence(text.targets().en().wrappers(), new Slots(c.article()).put("items", c.joined(items))));
    }
}
