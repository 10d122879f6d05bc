package portalkb.extract;

import portalkb.core.Text;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a page → NFC text. Charset from the HTTP header, else the page's meta tag, else detection:
 * valid UTF-8 is UTF-8; otherwise ICU's detector, with windows-1258 (which ICU does not know) chosen
 * when decoding with it yields Vietnamese. windows-1258 writes tones as combining marks, so the text is
 * normalised to NFC in every case.
 */
public final class HtmlDecoder {

    private static final Pattern META_CHARSET = Pattern.compile(
        "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("(?i)<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)");
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    /** Letters only Vietnamese uses, precomposed or as the combining tone marks windows-1258 produces. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\\u0300\\u0301\\u0303\\u0309\\u0323]");

    public record Decoded(String text, String charset, String how) {
    }

    private HtmlDecoder() {
    }

    public static Decoded decode(byte[] bytes, String headerCharset) {
        Optional<Charset> declared = charset(headerCharset);
        if (declared.isPresent()) {
            return finish(bytes, declared.get(), "HTTP header");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        Matcher xml = XML_ENCODING.matcher(head);
        Optional<Charset> inPage = meta.find() ? charset(meta.group(1)) : xml.find() ? charset(xml.group(1)) : Optional.empty();
        if (inPage.isPresent()) {
            return finish(bytes, inPage.get(), "meta tag");
        }
        if (validUtf8(bytes)) {
            return finish(bytes, StandardCharsets.UTF_8, "detected");
        }
        String asVietnamese = new String(bytes, WINDOWS_1258);
        if (vietnameseShare(asVietnamese) > 0.02) {
            return finish(bytes, WINDOWS_1258, "detected");
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        Charset detected = match == null ? null : charset(match.getName()).orElse(null);
        return finish(bytes, detected == null ? StandardCharsets.UTF_8 : detected, "detected");
    }

    private static Decoded finish(byte[] bytes, Charset charset, String how) {
        String text = new String(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Decoded(Text.nfc(text), charset.name(), how);
    }

    private static double vietnameseShare(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        if (letters == 0) {
            return 0;
        }
        Matcher m = VIETNAMESE.matcher(text);
        long hits = 0;
        while (m.find()) {
            hits++;
        }
        return (double) hits / letters;
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().replace("\"", "");
        try {
            // Pages labelled latin-1 are really windows-1252 (WHATWG); Vietnamese "latin-1" pages are 1258 — detection decides.
            if (n.equalsIgnoreCase("iso-8859-1") || n.equalsIgnoreCase("latin1")) {
                return Optional.empty();
            }
            return Optional.of(Charset.forName(n.equalsIgnoreCase("cp1258") ? "windows-1258" : n));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
