package portalkb.bench;

import portalkb.bench.Phrases.Phrase;
import portalkb.bench.ReportContext.Sentence;
import portalkb.bench.WorldTemplates.ArticleText;
import portalkb.bench.WorldTemplates.Measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A province's year-end report in its own paper, stating every measure once for the year: a lead; the health results
 * as a list after a colon, the rest as sentences of their own; disease; the social indicators; next year's targets; a
 * closing; boilerplate. Beside some figures it tells what a ranking must leave out: districts, the country, another
 * province, urban and rural parts.
 */
final class VietnameseReport {

    private final ReportContext c;
    private final ArticleText text;
    private final Set<String> withDistricts = new HashSet<>();
    private final Set<String> withNational = new HashSet<>();
    private final Set<String> withOther = new HashSet<>();
    private final Set<String> withBreakdown = new HashSet<>();
    private final Set<String> usedFiller = new HashSet<>();

    VietnameseReport(ReportContext c) {
        this.c = c;
        this.text = c.text();
    }

    ReportBody write() {
        chooseDistractors();
        ReportBody body = new ReportBody();
        List<Sentence> lead = new ArrayList<>(List.of(c.sentence(text.leads().vi(), c.article())));
        if (c.chance(0.5)) {
            lead.addAll(filler("health"));
        }
        body.paragraph(lead);
        List<String> order = new ArrayList<>(List.of("health", "disease", "social"));
        if (c.chance(0.25)) {
            Collections.rotate(order, 1); // social first, as a report of the provincial committee may
        }
        for (String group : order) {
            group(body, group);
        }
        body.paragraph(targets());
        body.paragraph(List.of(c.sentence(text.closings().vi(), c.article())));
        boilerplate(body);
        return body;
    }

    private void chooseDistractors() {
        List<Measure> measures = new ArrayList<>(c.templates().measures());
        Collections.shuffle(measures, c.random());
        measures.stream().filter(m -> c.measure(m).has("v1")).limit(1 + c.random().nextInt(2)).forEach(m -> withDistricts.add(m.id()));
        Collections.shuffle(measures, c.random());
        measures.stream().limit(1 + c.random().nextInt(2)).forEach(m -> withNational.add(m.id()));
        if (c.chance(0.7)) {
            withOther.add(measures.getLast().id());
        }
        measures.stream().filter(m -> c.measure(m).has("uv") && c.chance(0.5)).forEach(m -> withBreakdown.add(m.id()));
    }

    private void group(ReportBody body, String group) {
        List<Measure> measures = new ArrayList<>(c.templates().measures().stream().filter(m -> m.group().equals(group)).toList());
        Collections.shuffle(measures, c.random());
        int listed = group.equals("disease") ? 0 : Math.min(measures.size(), 2 + c.random().nextInt(3));
        if (listed >= 2) {
            List<Measure> inList = measures.subList(0, listed);
            List<Phrase> clauses = inList.stream().map(m -> c.phrase(m.vi().clauses(), c.measure(m))).toList();
            List<String> wrappers = group.equals("health") ? text.lists().vi().health() : text.lists().vi().social();
            List<Sentence> paragraph = new ArrayList<>(List.of(c.sentence(wrappers, new Slots(c.article()).put("items", c.joined(clauses)))));
            inList.forEach(m -> paragraph.addAll(extras(m, false)));
            body.paragraph(paragraph);
            measures = new ArrayList<>(measures.subList(listed, measures.size()));
        }
        List<Measure> shares = measures.stream().filter(Measure::isShare).limit(2).toList();
        if (shares.size() == 2 && c.chance(0.3)) {
            List<Sentence> paragraph = new ArrayList<>(List.of(c.pair(text.pairs().vi(), shares.get(0), shares.get(1))));
            shares.forEach(m -> paragraph.addAll(extras(m, false)));
            body.paragraph(paragraph);
            measures.removeAll(shares);
        }
        for (Measure m : measures) {
            List<Sentence> paragraph = new ArrayList<>(List.of(c.sentence(m.vi().sentences(), c.measure(m))));
            paragraph.addAll(extras(m, true));
            if (c.chance(0.3)) {
                paragraph.addAll(filler(group));
            }
            body.paragraph(paragraph);
        }
    }

    /**
     * The distractors told beside a measure. Right after its own sentence any shape fits ("Trong đó, …", "Kết quả này
     * …"); after a list of several measures, or after another distractor, only shapes that name the measure again, or a
     * reader could not tell what they are about. District lists come last: they name it, or speak of cases.
     */
    private List<Sentence> extras(Measure m, boolean ownSentence) {
        Slots slots = c.measure(m);
        List<Sentence> extras = new ArrayList<>();
        if (withBreakdown.contains(m.id()) && ownSentence) {
            extras.add(c.sentence(text.breakdown().vi(), slots));
        }
        if (withNational.contains(m.id())) {
            add(extras, text.national().vi().of(m), slots, ownSentence && extras.isEmpty());
        }
        if (withOther.contains(m.id())) {
            add(extras, text.otherProvince().vi(), slots, ownSentence && extras.isEmpty());
        }
        if (withDistricts.contains(m.id())) {
            add(extras, m.districts().equals("share") ? text.districts().vi().share() : text.districts().vi().count(), slots, true);
        }
        return extras;
    }

    private void add(List<Sentence> extras, List<String> templates, Slots slots, boolean anaphoraClear) {
        List<String> usable = anaphoraClear ? templates : templates.stream().filter(t -> t.contains("{name}")).toList();
        if (Phrases.anyFits(usable, slots)) {
            extras.add(c.sentence(usable, slots));
        }
    }

    /** Next year's targets, in a list after a colon, often with the same verbs as results ("giảm còn", "đạt"). */
    private List<Sentence> targets() {
        List<Measure> measures = new ArrayList<>(c.templates().measures().stream().filter(m -> c.measure(m).has("target")).toList());
        Collections.shuffle(measures, c.random());
        List<Phrase> items = measures.stream().limit(3 + c.random().nextInt(3)).map(m -> {
            List<String> shapes = m.better().equals("higher") ? text.targets().vi().higher() : text.targets().vi().lower();
            return c.phrase(shapes, c.measure(m));
        }).toList();
        if (items.isEmpty()) {
            return List.of();
        }
        return List.of(c.sentence(text.targets().vi().wrappers(), new Slots(c.article()).put("items", c.joined(items))));
    }

    /** A sentence without figures, none twice in an article. */
    private List<Sentence> filler(String group) {
        List<String> unused = text.filler().vi().get(group).stream().filter(f -> !usedFiller.contains(f)).toList();
        if (unused.isEmpty()) {
            return List.of();
        }
        String chosen = c.pick(unused);
        usedFiller.add(chosen);
        return List.of(c.sentence(List.of(chosen), c.article()));
    }

    private void boilerplate(ReportBody body) {
        String reporter = c.person().split(" ", 2)[1];
        body.byline(c.chance(0.3) ? reporter.toUpperCase() : reporter);
        if (c.chance(0.5)) {
            body.line(c.spell(Phrases.pick(text.boilerplate().vi().trailers(), c.article(), c.random()).text()));
        }
        if (c.chance(0.7)) {
            body.line(c.pick(text.boilerplate().vi().related()));
            List<String> titles = new ArrayList<>(text.boilerplate().vi().relatedTitles());
            Collections.shuffle(titles, c.random());
            titles.stream().limit(2 + c.random().nextInt(2))
                .forEach(t -> body.line(c.spell(Phrases.fill(t, c.article(), c.random()).text())));
        }
    }
}
