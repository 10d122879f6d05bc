package portalkb.bench;

import java.util.Random;

/**
 * Random streams keyed by what they decide ("value", measure, province, year …). A value then depends only on the seed
 * and its key: adding a template or a measure never moves the values of the others.
 */
final class WorldRandom {

    private WorldRandom() {
    }

    static Random of(long seed, Object... key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (Object part : key) {
            for (char c : String.valueOf(part).toCharArray()) {
                h = (h ^ c) * 0x100000001B3L;
            }
            h = (h ^ '|') * 0x100000001B3L;
        }
        // Final mix (MurmurHash3's): nearby keys give unrelated seeds.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return new Random(h);
    }
}
