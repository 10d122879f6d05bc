package portalkb.ask;

import java.util.List;

/** The answer to one question, with the figures it states and the passages it cites. */
public record AskResponse(String answer, String lang, String province, List<FigureRef> figures, List<Citation> citations,
                          String conversationId, long tookMs) {

    public record FigureRef(double value, String unit, String metric, String province, Integer year) {
    }

    public record Citation(int n, String url, String title, String source, String province, String published, String quote) {
    }
}
