package portalkb.index;

import portalkb.config.AppConfig;
import portalkb.store.Article;

import java.util.Optional;

/**
 * Whether a re-fetched page may replace its live article: it must still look like that article. Text
 * shrunk below {@code minBodyRatio} of the live one (an emptied template, a stub) is refused, and so is
 * a page whose main content sits in another layout and whose text differs by more than
 * {@code maxTextDistance} SimHash bits (another page served at this address). A redesign that keeps the
 * text, and ordinary edits, pass. Not-found and maintenance pages never get here: the extractor does
 * not take them for articles (crawler/not-found-phrases.txt).
 */
public record OverwritePolicy(double minBodyRatio, int maxTextDistance) {

    /** Every write replaces (imports: the file is the authority). */
    public static final OverwritePolicy ALWAYS = new OverwritePolicy(0, 64);

    public static OverwritePolicy of(AppConfig.Crawler settings) {
        return new OverwritePolicy(settings.overwriteMinBodyRatio(), settings.overwriteMaxTextDistance());
    }

    /** Why {@code candidate} may not replace {@code live}, or empty. */
    public Optional<String> refusal(Article live, Article candidate) {
        int before = text(live.body()).length();
        int after = text(candidate.body()).length();
        if (minBodyRatio > 0 && before > 0 && after < minBodyRatio * before) {
            return Optional.of("the text shrank from " + before + " to " + after + " characters");
        }
        String oldTemplate = live.template();
        String newTemplate = candidate.template();
        if (oldTemplate != null && newTemplate != null && !oldTemplate.equals(newTemplate) && live.simhash() != null
            && SimHasher.distance(live.simhash(), candidate.simhash()) > maxTextDistance) {
            return Optional.of("another page layout (" + newTemplate + " instead of " + oldTemplate + ") with other text");
        }
        return Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
