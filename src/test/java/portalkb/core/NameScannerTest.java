package portalkb.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameScannerTest {

    /** The province names and aliases, plus names that overlap (a name inside a longer one). */
    private static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Gazetteer.Province p : Gazetteer.get().provinces()) {
            names.add(p.name());
            names.addAll(p.aliases());
        }
        names.addAll(List.of("Huế", "Thừa Thiên Huế", "Hà Nội", "thủ đô Hà Nội", "Vinh Phuc", "Tp. Hồ Chí Minh"));
        return new ArrayList<>(names);
    }

    /** What the scanner replaces: one alternation, longest first, with word boundaries of letters and numbers. */
    private static List<String> byRegex(List<String> names, String text) {
        String alternation = names.stream().sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternation + ")(?![\\p{L}\\p{N}])").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> byScanner(NameScanner scanner, String text) {
        List<String> out = new ArrayList<>();
        scanner.forEach(text, out::add);
        return out;
    }

    @Test
    void findsWhatTheAlternationFoundOnTrickyText() {
        List<String> names = names();
        NameScanner scanner = new NameScanner(names);
        for (String text : List.of("Tỉnh Thừa Thiên Huế và Huế, Hà Nội.", "xHà Nội Hà Nội1 Hà Nội² (Hà Nội)", "thủ đô Hà Nội đón khách",
            "Sở Y tế Vinh Phuc province; Vinh Phucs", "Tp. Hồ Chí Minh-Hà Nội", "HàNội Hà  Nội", "", "Hà Nội")) {
            assertEquals(byRegex(names, text), byScanner(scanner, text), text);
        }
        assertEquals(List.of("Thừa Thiên Huế", "Huế", "Hà Nội"), byScanner(scanner, "Tỉnh Thừa Thiên Huế và Huế, Hà Nội."));
        assertEquals(List.of("Hà Nội"), byScanner(scanner, "xHà Nội Hà Nội1 Hà Nội"));
    }

    @Test
    void findsWhatTheAlternationFoundOnTheDemoPortals() throws IOException {
        List<String> names = names();
        NameScanner scanner = new NameScanner(names);
        int pages = 0;
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/portalkb/demo/sites"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Text.nfc(Files.readString(f, StandardCharsets.UTF_8));
                List<String> expected = byRegex(names, text);
                assertEquals(expected, byScanner(scanner, text), f.toString());
                pages++;
                found += expected.size();
            }
        }
        assertTrue(pages > 20 && found > 50, pages + " pages, " + found + " names");
    }
}
