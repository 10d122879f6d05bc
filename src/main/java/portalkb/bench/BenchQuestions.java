package portalkb.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import portalkb.cli.UsageException;
import portalkb.core.Gazetteer.Province;
import portalkb.core.Text;
import portalkb.store.Json;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./kb bench questions --docs N}: an evaluation set over the benchmark generator's corpus (seed 42,
 * the first N articles, so it holds for any larger run too), in ./kb eval's format. "Which province"
 * questions are asked only where the value is unique among the provinces that year; English, Vietnamese
 * and diacritic-free phrasings; value questions name the province in English spelling or in Vietnamese.
 */
final class BenchQuestions {

    /** Per generator metric: English which-province, Vietnamese which-province, English value, Vietnamese value. */
    private static final List<String[]> PHRASES = List.of(
        new String[]{"Which province reached %s%% health insurance coverage in %d?", "Tỉnh nào có tỷ lệ tham gia bảo hiểm y tế đạt %s%% năm %d?",
            "What was the health insurance coverage in %s in %d?", "Tỷ lệ tham gia bảo hiểm y tế của %s năm %d là bao nhiêu?"},
        new String[]{"Which province had %s doctors per 10,000 people in %d?", "Tỉnh nào đạt %s bác sĩ/vạn dân năm %d?",
            "How many doctors per 10,000 people did %s have in %d?", "%s đạt bao nhiêu bác sĩ/vạn dân năm %d?"},
        new String[]{"In which province did %s%% of communes meet the national health standards in %d?",
            "Tỉnh nào có %s%% xã đạt tiêu chí quốc gia về y tế năm %d?",
            "What share of communes in %s met the national health standards in %d?", "Tỷ lệ xã đạt tiêu chí quốc gia về y tế của %s năm %d là bao nhiêu?"},
        new String[]{"Where was child stunting at %s%% in %d?", "Tỉnh nào có tỷ lệ trẻ suy dinh dưỡng thể thấp còi %s%% năm %d?",
            "What was the child stunting rate in %s in %d?", "Tỷ lệ suy dinh dưỡng thể thấp còi ở %s năm %d là bao nhiêu?"},
        new String[]{"Which province gave a third dose to %s%% of adults in %d?", "Tỉnh nào có tỷ lệ tiêm mũi 3 đạt %s%% năm %d?",
            "What share of adults in %s had a third dose in %d?", "Tỷ lệ tiêm mũi 3 của %s năm %d là bao nhiêu?"},
        new String[]{"Which province had %s private medical practices in %d?", "Tỉnh nào có %s cơ sở hành nghề y tư nhân năm %d?",
            "How many private medical practices were there in %s in %d?", "%s có bao nhiêu cơ sở hành nghề y tư nhân năm %d?"},
        new String[]{"In which province did hospitals introduce %s new techniques in %d?", "Bệnh viện tỉnh nào triển khai %s kỹ thuật mới năm %d?",
            "How many new techniques did hospitals in %s introduce in %d?", "Các bệnh viện ở %s triển khai bao nhiêu kỹ thuật mới năm %d?"});

    /** English which-province, Vietnamese which-province, diacritic-free which-province, English value, Vietnamese value. */
    private static final int[] KINDS = {0, 0, 0, 1, 2, 3, 4, 0};

    private record Cell(Province province, int year, int metric) {
    }

    /** One line of the set, in ./kb eval's field names. */
    record Line(String id, String question, @JsonProperty("answer_province") String answerProvince,
                        @JsonProperty("answer_figure") String answerFigure) {
    }

    private final int docs;
    private final int count;

    BenchQuestions(int docs, int count) {
        this.docs = docs;
        this.count = count;
    }

    int run(PrintStream out) throws java.io.IOException {
        ArticleGenerator generator = new ArticleGenerator(GeneratedCorpus.SEED);
        Set<Cell> reported = new LinkedHashSet<>();
        for (int i = 0; i < docs; i++) {
            ArticleGenerator.Article a = generator.nextArticle(i);
            a.metrics().forEach(m -> reported.add(new Cell(a.province(), a.year(), m)));
        }
        List<Cell> cells = new ArrayList<>(reported);
        Collections.shuffle(cells, new Random(1));
        List<Province> provinces = generator.provinces();
        out.printf("# Questions over ./kb bench's generated corpus (seed 42, facts reported in its first %d articles).%n", docs);
        out.println("# Made by: ./kb bench questions --docs " + docs + " --count " + count + "   Run: ./kb bench ask (or ./kb eval on that corpus)");
        for (int written = 0; written < count; written++) {
            Cell cell = next(cells, provinces, written);
            if (cell == null) {
                throw new UsageException("only " + written + " questions can be made from " + docs + " articles; use a larger --docs");
            }
            int kind = KINDS[written % KINDS.length];
            String value = ArticleGenerator.value(cell.province(), cell.year(), cell.metric());
            String[] phrases = PHRASES.get(cell.metric());
            String question = switch (kind) {
                case 0 -> String.format(phrases[0], value.replace(',', '.'), cell.year());
                case 1 -> String.format(phrases[1], value, cell.year());
                case 2 -> Text.fold(String.format(phrases[1], value, cell.year()));
                case 3 -> String.format(phrases[2], englishSpelling(cell.province().name()), cell.year());
                default -> String.format(phrases[3], cell.province().name(), cell.year());
            };
            out.println(Json.MAPPER.writeValueAsString(new Line(String.format("b%02d", written + 1),
                Character.toUpperCase(question.charAt(0)) + question.substring(1), cell.province().name(), value)));
        }
        return 0;
    }

    /** The next unused cell of the metric whose turn it is; for "which province" kinds, one whose value no other province had that year. */
    private static Cell next(List<Cell> cells, List<Province> provinces, int written) {
        int metric = written % ArticleGenerator.METRICS.size();
        boolean whichProvince = KINDS[written % KINDS.length] <= 2;
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.metric() == metric && (!whichProvince || uniqueThatYear(provinces, c))) {
                return cells.remove(i);
            }
        }
        return null;
    }

    /** "Hòa Bình" → "Hoa Binh": how English texts spell Vietnamese names. */
    private static String englishSpelling(String name) {
        return java.text.Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static boolean uniqueThatYear(List<Province> provinces, Cell cell) {
        String value = ArticleGenerator.value(cell.province(), cell.year(), cell.metric());
        return provinces.stream().filter(p -> !p.equals(cell.province()))
            .noneMatch(p -> ArticleGenerator.value(p, cell.year(), cell.metric()).equals(value));
    }
}
