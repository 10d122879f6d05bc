package portalkb.index;

import portalkb.core.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 64-bit SimHash over word 3-shingles of the folded text: the same story syndicated on two sites (other
 * boilerplate, small edits) lands within a few bits. Stored as 16 hex chars.
 */
public final class SimHasher {

    public long hash(String text) {
        String[] words = Text.fold(text).split("[^a-z0-9]+");
        int[] weights = new int[64];
        MessageDigest md5 = md5();
        for (int i = 0; i + 2 < words.length; i++) {
            byte[] d = md5.digest((words[i] + " " + words[i + 1] + " " + words[i + 2]).getBytes(StandardCharsets.UTF_8));
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

    public String hex(String text) {
        return String.format("%016x", hash(text));
    }

    public static int distance(String hexA, String hexB) {
        return Long.bitCount(Long.parseUnsignedLong(hexA, 16) ^ Long.parseUnsignedLong(hexB, 16));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
