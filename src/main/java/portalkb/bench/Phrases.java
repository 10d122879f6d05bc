package portalkb.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills templates: each [a|b|c] becomes one of its alternatives, then each {key} its slot's text; the figures of the
 * slots used are what the phrase states. A template with a key the slots lack is not picked: that is how a sentence
 * about a change is left out when nothing changed.
 */
final class Phrases {

    /** A filled template and the figures it states. */
    record Phrase(String text, List<WorldFigure> figures) {
    }

    static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9_:]+)}");
    private static final Pattern CHOICE = Pattern.compile("\\[([^\\[\\]]*)]");

    private Phrases() {
    }

    /** Templates are few and asked about for every article: each one's keys are read once. */
    private static final java.util.Map<String, Set<String>> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    static Set<String> keys(String template) {
        return KEYS.computeIfAbsent(template, Phrases::readKeys);
    }

    private static Set<String> readKeys(String template) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEY.matcher(template);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return java.util.Collections.unmodifiableSet(keys);
    }

    static boolean fits(String template, Slots slots) {
        return keys(template).stream().allMatch(slots::has);
    }

    /** One of the templates that fit, filled; throws when none fits (the data file lacks a template without extras). */
    static Phrase pick(List<String> templates, Slots slots, Random random) {
        List<String> fitting = templates.stream().filter(t -> fits(t, slots)).toList();
        if (fitting.isEmpty()) {
            throw new IllegalStateException("no template fits the context: " + templates);
        }
        return fill(fitting.get(random.nextInt(fitting.size())), slots, random);
    }

    static boolean anyFits(List<String> templates, Slots slots) {
        return templates != null && templates.stream().anyMatch(t -> fits(t, slots));
    }

    static Phrase fill(String template, Slots slots, Random random) {
        Matcher choice = CHOICE.matcher(template);
        StringBuilder chosen = new StringBuilder();
        while (choice.find()) {
            String[] alternatives = choice.group(1).split("\\|", -1);
            choice.appendReplacement(chosen, Matcher.quoteReplacement(alternatives[random.nextInt(alternatives.length)]));
        }
        choice.appendTail(chosen);
        List<WorldFigure> figures = new ArrayList<>();
        Matcher key = KEY.matcher(chosen);
        StringBuilder filled = new StringBuilder();
        while (key.find()) {
            Slots.Slot slot = slots.get(key.group(1));
            if (slot == null) {
                throw new IllegalStateException("no value for {" + key.group(1) + "} in: " + template);
            }
            figures.addAll(slot.figures());
            key.appendReplacement(filled, Matcher.quoteReplacement(slot.text()));
        }
        key.appendTail(filled);
        return new Phrase(filled.toString(), List.copyOf(figures));
    }
}
