package portalkb.index;

import portalkb.extract.DocumentFigure;
import portalkb.extract.ExtractedDocument;
import portalkb.figures.Figure;
import portalkb.figures.FigureExtractor;
import portalkb.core.Gazetteer;
import portalkb.core.Gazetteer.Province;
import portalkb.store.Article;
import portalkb.store.Fact;
import portalkb.store.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's passages and facts, as stored: each with the page (PDF) or sheet it stands on, and for a
 * PDF a {@code url} that opens the file at that page ({@code …/bao-cao.pdf#page=3}), which is what a
 * citation links to. Table figures carry their row's place (district, commune, or another province).
 */
final class DocumentParts {

    private static final int PASSAGE_CHARS = 600;

    private DocumentParts() {
    }

    /**
     * The figures of a document's running text, part by part, then of its tables; a figure without a year takes the one
     * named before it in its passage, else {@code reportYear}.
     */
    static List<DocumentFigure> figures(List<ExtractedDocument.Part> parts, List<DocumentFigure> tables, FigureExtractor extractor,
                                        Integer reportYear) {
        List<DocumentFigure> out = new ArrayList<>();
        for (ExtractedDocument.Part part : parts) {
            for (Figure f : extractor.extract(part.prose(), reportYear, null, null, null, Passages.starts(part.prose(), PASSAGE_CHARS))) {
                out.add(new DocumentFigure(f, part.page(), part.sheet(), null, null, null));
            }
        }
        for (DocumentFigure f : tables == null ? List.<DocumentFigure>of() : tables) {
            Figure figure = f.figure();
            if (figure.year() == null && reportYear != null) {
                figure = new Figure(figure.metric(), figure.value(), figure.unit(), figure.raw(), reportYear, figure.sentence(), figure.sentenceOffset());
            }
            out.add(new DocumentFigure(figure, f.page(), f.sheet(), f.province(), f.district(), f.commune()));
        }
        return out;
    }

    /** Each part's text in passages of about 600 characters. */
    static List<Passage> passages(Article article, List<ExtractedDocument.Part> parts) {
        List<Passage> out = new ArrayList<>();
        for (ExtractedDocument.Part part : parts) {
            for (String text : Passages.split(part.text(), PASSAGE_CHARS)) {
                out.add(ArticleParts.passage(article, out.size(), text, url(article, part.page()), part.page(), part.sheet()));
            }
        }
        return out;
    }

    /** One fact per figure, at its page or sheet, with its row's place. */
    static List<Fact> facts(Article article, List<DocumentFigure> figures) {
        List<Fact> out = new ArrayList<>();
        for (DocumentFigure located : figures) {
            String district = located.district() != null ? located.district() : located.commune() != null ? null : article.district();
            String province = article.province();
            String provinceToday = article.provinceToday();
            if (located.province() != null && !located.province().equals(article.province())) {
                // A row of another province (a national table): the figure is that province's.
                Province other = Gazetteer.get().resolve(located.province()).orElse(null);
                if (other != null) {
                    province = other.name();
                    provinceToday = Gazetteer.get().today(other).name();
                }
            }
            out.add(ArticleParts.fact(article, located.figure(), url(article, located.page()), province, provinceToday, district,
                located.commune(), located.page(), located.sheet()));
        }
        return out;
    }

    /** A PDF's address at a page, which a PDF viewer opens at that page; otherwise the article's. */
    private static String url(Article article, Integer page) {
        return page != null && "pdf".equals(article.type()) ? article.url() + "#page=" + page : article.url();
    }
}
