package portalkb.index;

import org.junit.jupiter.api.Test;
import portalkb.core.Text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SimHashes are stored and compared with those of articles written long ago: a faster SimHasher must give the very
 * same 64 bits as the definition (MD5 of each folded word 3-shingle, each bit voted by the shingles).
 */
class SimHasherTest {

    static long byDefinition(String text) throws Exception {
        String[] words = Text.fold(text).split("[^a-z0-9]+");
        int[] weights = new int[64];
        for (int i = 0; i + 2 < words.length; i++) {
            byte[] d = MessageDigest.getInstance("MD5").digest((words[i] + " " + words[i + 1] + " " + words[i + 2]).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int b = 0; b < 8; b++) {
                h = (h << 8) | (d[b] & 0xff);
            }
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long result = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    @Test
    void givesTheBitsOfItsDefinitionOnRandomText() throws Exception {
        String[] pieces = {"Lạng Sơn", " ", "  ", "\n", "(", "“", "97,9%", "y tế", "BHYT", "đạt", "Đắk", "—", "2024", "a", ".", "tỉnh"};
        Random random = new Random(64);
        SimHasher hasher = new SimHasher();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(byDefinition(text.toString()), hasher.hash(text.toString()), "for \"" + text + "\"");
        }
    }

    @Test
    void givesTheBitsOfItsDefinitionOnRealArticlesWhereTheyAreAtHand() throws Exception {
        Path seeds = Path.of("..", "shared", "seeds");
        SimHasher hasher = new SimHasher();
        if (Files.isDirectory(seeds)) {
            try (Stream<Path> files = Files.list(seeds)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    assertEquals(byDefinition(text), hasher.hash(text), file.toString());
                }
            }
        }
        String report = "Năm 2019, toàn tỉnh có 10,8 bác sĩ/vạn dân; tỷ lệ bao phủ bảo hiểm y tế đạt 97,9% dân số.";
        assertEquals(byDefinition(report), hasher.hash(report));
    }
}
