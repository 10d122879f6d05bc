package portalkb.extract;

import java.util.List;

/**
 * A table read from a document: one header text per column (header lines above each other joined),
 * its rows of cell texts (as many as columns, "" where empty), its caption ("Bảng 2. … năm 2023") and
 * where it stands (PDF page or sheet name).
 */
public record DocumentTable(Integer page, String sheet, String caption, List<String> header, List<List<String>> rows) {
}
