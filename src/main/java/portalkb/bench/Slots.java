package portalkb.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a template's {key}s are filled with: text, and the figures that text states (recorded only when it is used). */
final class Slots {

    record Slot(String text, List<WorldFigure> figures) {
    }

    private final Map<String, Slot> slots = new HashMap<>();

    Slots() {
    }

    Slots(Slots base) {
        slots.putAll(base.slots);
    }

    Slots put(String key, Object text) {
        slots.put(key, new Slot(String.valueOf(text), List.of()));
        return this;
    }

    Slots put(String key, String text, WorldFigure figure) {
        slots.put(key, new Slot(text, List.of(figure)));
        return this;
    }

    Slots put(String key, Phrases.Phrase phrase) {
        slots.put(key, new Slot(phrase.text(), phrase.figures()));
        return this;
    }

    boolean has(String key) {
        return slots.containsKey(key);
    }

    Slot get(String key) {
        return slots.get(key);
    }
}
