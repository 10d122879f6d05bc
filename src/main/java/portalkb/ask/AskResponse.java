package portalkb.ask;

import java.util.List;

/** The answer to one question, with the figures it states and the passages it cites; {@code province} as the cited report names it, {@code provinceToday} the unit it is part of since the 2025 merger. */
public record AskResponse(String answer, String lang, String province, String provinceToday, List<FigureRef> figures,
                          List<Citation> citations,
                          String conversationId, long tookMs) {

    /** The unit a province is part of today (the 2025 merger), or null for no province. */
    static String today(String province) {
        return province == null ? null : portalkb.core.Gazetteer.get().resolve(province).map(p -> p.today()).orElse(province);
    }

    public record FigureRef(double value, String unit, String metric, String province, Integer year) {
    }

    public record Citation(int n, String url, String title, String source, String province, String published, String quote) {
    }
}
