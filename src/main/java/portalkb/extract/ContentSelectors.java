package portalkb.extract;

/** CSS selectors for a site whose layout generic extraction gets wrong; null fields = generic extraction. */
public record ContentSelectors(String title, String body, String date, String next) {
    public static final ContentSelectors NONE = new ContentSelectors(null, null, null, null);
}
