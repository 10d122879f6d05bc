package portalkb.index;

import portalkb.core.Gazetteer;
import portalkb.core.Language;
import portalkb.core.PlaceWords;
import portalkb.figures.Figure;
import portalkb.figures.MeasureKeys;
import portalkb.store.Article;
import portalkb.store.Fact;
import portalkb.store.Passage;

import java.util.ArrayList;
import java.util.List;

/** An article's passages and facts, as stored: positional ids, shared fields; a document's by {@link DocumentParts}. */
final class ArticleParts {

    static final int PASSAGE_CHARS = 600;

    private ArticleParts() {
    }

    /** Without vectors: {@link VectorFiller} adds them after the passages are indexed. */
    static List<Passage> passages(PreparedArticle prepared) {
        Article article = prepared.article();
        if (prepared.isDocument()) {
            return DocumentParts.passages(article, prepared.parts());
        }
        List<String> texts = Passages.split(article.body(), PASSAGE_CHARS);
        List<Passage> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(passage(article, i, texts.get(i), article.url(), null, null));
        }
        return out;
    }

    /** One fact per figure of the article's text (a file's: {@link DocumentParts#facts}). */
    static List<Fact> facts(PreparedArticle prepared) {
        Article article = prepared.article();
        if (prepared.isDocument()) {
            return DocumentParts.facts(article, prepared.documentFigures());
        }
        List<Fact> out = new ArrayList<>();
        for (Figure f : prepared.figures()) {
            out.add(textFact(article, f));
        }
        return out;
    }

    /**
     * A figure of the article's text, where its clause says: another province's figure is that province's (and a level
     * of it when the article reports on that province: "Đắk Lắk có 95,1%, trong khi Gia Lai đạt 93,4%"), a district's
     * figure names its district; any other figure is the article's province's, or, in an article without a confident
     * province, the province its clause names (none when it names none).
     * The clause reader's measure, role and level go with it.
     */
    private static Fact textFact(Article article, Figure f) {
        String province = article.province();
        String provinceToday = article.provinceToday();
        String district = article.district();
        PlaceWords.Level level = f.level();
        if (f.level() == PlaceWords.Level.OTHER_PROVINCE && f.place() != null) {
            var other = Gazetteer.get().resolve(f.place());
            if (other.isPresent()) {
                province = other.get().name();
                provinceToday = Gazetteer.get().today(other.get()).name();
                if (article.provincesOrOwn().contains(province)) {
                    level = PlaceWords.Level.PROVINCE;
                }
            }
        } else if (f.level() == PlaceWords.Level.PROVINCE && province == null && f.place() != null) {
            // an article about no one province (a national outlet's): the province its clause names
            var named = Gazetteer.get().resolve(f.place());
            if (named.isPresent()) {
                province = named.get().name();
                provinceToday = Gazetteer.get().today(named.get()).name();
            }
        } else if (f.level() == PlaceWords.Level.DISTRICT && f.place() != null && district == null) {
            district = f.place();
        }
        return fact(article, f, level, article.url(), province, provinceToday, district, null, null, null);
    }

    /** The words a question may name the figure's measure by: an open key's, or the catalogued figure's own phrase's. */
    private static List<String> measureWords(Figure f) {
        if (MeasureKeys.isOpen(f.metric())) {
            return MeasureKeys.wordsOf(f.metric());
        }
        if (f.measure() == null) {
            return null;
        }
        List<String> words = MeasureKeys.words(Language.isEnglish(f.measure()) ? MeasureKeys.vietnamese(f.measure()) : f.measure());
        return words.isEmpty() ? null : words;
    }

    /** A passage of {@code article} at {@code position}; {@code url}: the article's, or a file's at a page. */
    static Passage passage(Article article, int position, String text, String url, Integer page, String sheet) {
        return new Passage(article.id(), position, url, article.title(), text, article.source(), article.sourceName(),
            article.province(), article.provinceToday(), article.published(), article.year(), page, sheet, null, article.provinces(),
            article.provincesToday());
    }

    /**
     * A fact of {@code article}: the figure's fields, with its measure, role and level, in the province and place given
     * (a table row's or another province's may differ).
     */
    static Fact fact(Article article, Figure f, String url, String province, String provinceToday, String district,
                     String commune, Integer page, String sheet) {
        return fact(article, f, f.level(), url, province, provinceToday, district, commune, page, sheet);
    }

    /** As above, at {@code level}: a figure of another province the article reports on is at that province's level. */
    private static Fact fact(Article article, Figure f, PlaceWords.Level level, String url, String province,
                             String provinceToday, String district, String commune, Integer page, String sheet) {
        return new Fact(article.id(), url, article.title(), article.source(), article.sourceName(), province, provinceToday,
            district, commune, article.published(), f.year(), f.metric(), f.value(), f.unit(), f.raw(), f.sentence(),
            f.sentenceOffset(), page, sheet, f.measure(), measureWords(f), f.role().id(), level.id(), f.place());
    }

}
