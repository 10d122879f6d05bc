package portalkb.figures;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Units in English (issue 28: "700 giường" in an English lead): named by the glossary's data, never left Vietnamese unmarked. */
class GlossaryUnitsTest {

    private final Glossary glossary = Glossary.get();

    @Test
    void everyUnitAFigureIsStoredWithHasAnEnglishName() {
        // what Rankings, province cards and the chat show an English reader: the catalogue's units and the figure reader's nouns
        List<String> stored = new ArrayList<>(UnitNouns.KNOWN.values());
        MetricCatalogue.get().metrics().forEach(m -> stored.addAll(m.units()));
        List<String> unnamed = stored.stream().distinct()
            .filter(u -> !u.equals("%") && !portalkb.core.Language.isEnglish(u) && !glossary.unitNames().containsKey(u)).toList();
        assertEquals(List.of(), unnamed, "units stored without an English name");
    }

    @Test
    void aUnitIsNamedByItsLeadingWordsAScaleOrTheTermItCounts() {
        assertEquals(Optional.of("beds"), glossary.englishUnit("giường"));
        assertEquals(Optional.of("beds"), glossary.englishUnit("giường ở cơ"), "the words after the unit are the sentence's");
        assertEquals(Optional.of("visits"), glossary.englishUnit("lượt người trở"));
        assertEquals(Optional.of("million visits"), glossary.englishUnit("triệu lượt"));
        assertEquals(Optional.of("billion VND"), glossary.englishUnit("tỷ đồng"), "a listed unit before its scale word");
        assertEquals(Optional.of("poor households"), glossary.englishUnit("hộ nghèo"));
        assertEquals(Optional.of("people with HIV"), glossary.englishUnit("người nhiễm HIV"));
        assertEquals(Optional.of("doctors per 10,000 people"), glossary.englishUnit("Bác sĩ/vạn dân"));
        assertEquals(Optional.empty(), glossary.englishUnit("con"), "nothing named: the caller says so");
        assertEquals(Optional.empty(), glossary.englishUnit(""));
    }

    @Test
    void everyNameIsEnglish() {
        glossary.unitNames().forEach((vi, en) -> assertTrue(portalkb.core.Language.isEnglish(en) && !en.equals(vi), vi + " → " + en));
    }
}
