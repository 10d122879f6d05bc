package portalkb.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints in hex: document ids, content hashes, ETags and index-definition checksums. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code data}, as 2 × bytes hex characters. */
    public static String sha256Hex(byte[] data, int bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256Hex(String text, int bytes) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8), bytes);
    }
}
