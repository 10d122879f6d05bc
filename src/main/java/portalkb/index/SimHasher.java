package portalkb.index;

import portalkb.core.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash over word 3-shingles of the folded text: the same story syndicated on two sites (other
 * boilerplate, small edits) lands within a few bits. Stored as 16 hex chars.
 */
public final class SimHasher {

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    public long hash(String text) {
        String[] words = NOT_WORD.split(Text.fold(text));
        // Each word is in three shingles: its bytes (ASCII) are taken once; the digest is that of "w1 w2 w3".
        byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        int[] ones = new int[64];
        int shingles = 0;
        MessageDigest md5 = md5();
        for (int i = 0; i + 2 < words.length; i++) {
            md5.update(bytes[i]);
            md5.update((byte) ' ');
            md5.update(bytes[i + 1]);
            md5.update((byte) ' ');
            md5.update(bytes[i + 2]);
            byte[] d = md5.digest();
            long h = 0;
            for (int b = 0; b < 8; b++) {
                h = (h << 8) | (d[b] & 0xff);
            }
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((h >>> bit) & 1); // no branch per bit: this loop was a sixth of the import's preparation
            }
            shingles++;
        }
        long result = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] - shingles > 0) { // more shingles with the bit set than without
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
