package portalkb.extract;

import portalkb.figures.Figure;

/**
 * A figure of a document with where it stands: its page (PDF) or sheet (spreadsheet), and for a table
 * cell the place of its row — a province, or a district or commune (then {@code province} is the
 * district's when the gazetteer knows it, else null: the document's own).
 */
public record DocumentFigure(Figure figure, Integer page, String sheet, String province, String district, String commune) {
}
